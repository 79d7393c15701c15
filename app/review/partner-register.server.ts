import { prisma } from "~/db.server";
import { findForm, listForms, type AnyFormDefinition } from "~/forms/registry";
import type { Option } from "~/forms/types";
import { asText } from "~/forms/values";
import { formatPeriod } from "~/utils/time";
import {
  dimensionOptions,
  optionLabel,
  parseAnswers,
  publicWebsite,
  recognitionProfile,
  RECOGNITION_DIMENSIONS,
  type RecognitionDimension,
} from "./recognition-profile";
import { fromKeys } from "~/utils/guards";

/** The recognition form of partner organisations; its newest version gives the filter options. */
const REGISTER_FORM_KEY = "erkenning";

/**
 * One recognised partner organisation as the public sees it. Built field by field on purpose:
 * the register shows only what is meant to be public (no contact persons, staff, budgets,
 * notes or ids), and the page's data endpoint carries exactly this.
 */
export type PartnerRegisterEntry = {
  key: string;
  name: string;
  website: string | null;
  offer: string;
  period: string;
  /** Still to start on the reference day */
  upcoming: boolean;
  labels: Record<RecognitionDimension, string[]>;
};

export type PartnerRegisterFilter = { province?: string; theme?: string };

/**
 * The register: organisations with an APPROVED application on the partner recognition form, in
 * a recognition programme, whose period contains `today` or lies after it, by name. Filters match option values.
 */
export async function partnerRegister(filter: PartnerRegisterFilter, today: string) {
  const rows = await prisma.application.findMany({
    where: {
      status: "APPROVED",
      // Partner organisations for radicalisation and polarisation: the recognitions of this form.
      formKey: REGISTER_FORM_KEY,
      call: { programme: { kind: "RECOGNITION" } },
      recognitionStartsOn: { not: null },
      OR: [{ recognitionEndsOn: null }, { recognitionEndsOn: { gte: today } }],
    },
    select: {
      formKey: true,
      formVersion: true,
      data: true,
      recognitionStartsOn: true,
      recognitionEndsOn: true,
      organisation: { select: { name: true } },
    },
    orderBy: [{ organisation: { name: "asc" } }, { recognitionStartsOn: "asc" }],
  });

  const all = rows.flatMap((row, index) => {
    const form = findForm(row.formKey, row.formVersion);
    const startsOn = row.recognitionStartsOn; // the query asks for recognitions with a start
    if (!form || !startsOn) return [];
    const answers = parseAnswers(row.data);
    const profile = recognitionProfile(form, answers);
    const entry: PartnerRegisterEntry = {
      key: `${index}-${row.recognitionStartsOn}`,
      name: row.organisation.name,
      website: publicWebsite(answers.website),
      offer: asText(answers.aanbod),
      period: formatPeriod(startsOn, row.recognitionEndsOn),
      upcoming: startsOn > today,
      labels: fromKeys(RECOGNITION_DIMENSIONS, (d) => profile[d].map((value) => optionLabel(dimensionOptions(form, d), value))),
    };
    return [{ entry, profile }];
  });

  const matching = all.filter(
    ({ profile }) =>
      (!filter.province || profile.provincies.includes(filter.province)) && (!filter.theme || profile.themas.includes(filter.theme)),
  );
  return { entries: matching.map(({ entry }) => entry), total: all.length, filters: registerFilterOptions() };
}

/** Province and theme options of the newest recognition form, for the filters and their validation. */
export function registerFilterOptions(): { provinces: Option[]; themes: Option[] } {
  const form = newestForm(REGISTER_FORM_KEY);
  return {
    provinces: form ? dimensionOptions(form, "provincies") : [],
    themes: form ? dimensionOptions(form, "themas") : [],
  };
}

function newestForm(key: string): AnyFormDefinition | null {
  const versions = listForms()
    .filter((form) => form.key === key)
    .map((form) => form.version);
  return versions.length > 0 ? findForm(key, Math.max(...versions)) : null;
}

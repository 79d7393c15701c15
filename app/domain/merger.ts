import { DateTime } from "luxon";
import * as z from "zod/mini";
import { optionalText, REQUIRED } from "~/utils/schemas";
import { nisCodeSchema, provinceSchema } from "./organisation";
import { defined } from "~/utils/invariant";

/**
 * Municipal mergers (e.g. Galmaarden + Gooik + Herne -> Pajottegem on 1 January 2025). Pure
 * rules; app/organisations/merger.server.ts runs them in one transaction.
 * Municipalities are picked by NIS code: every municipality has one, and a list of codes is
 * quicker and more accessible for an administrator than a select box with 285 names.
 */

const CHOOSE = "Gelieve een optie te kiezen.";

function splitCodes(input: string): string[] {
  return input
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

export const mergerFormSchema = z.pipe(
  z
    .object({
      predecessorNisCodes: z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED)),
      successorMode: z.enum(["existing", "new"], { error: CHOOSE }),
      successorNisCode: nisCodeSchema,
      successorName: optionalText(200),
      successorProvince: z.optional(z.string()),
      mergedOn: z.pipe(z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)), z.iso.date({ error: "Geef een geldige datum op." })),
    })
    .check(
      z.superRefine((input, ctx) => {
        const codes = splitCodes(input.predecessorNisCodes);
        if (codes.some((code) => !/^\d{5}$/.test(code))) {
          ctx.addIssue({
            code: "custom",
            path: ["predecessorNisCodes"],
            message: "Geef NIS-codes van 5 cijfers op, gescheiden door komma's.",
          });
        } else if (new Set(codes).size !== codes.length) {
          ctx.addIssue({ code: "custom", path: ["predecessorNisCodes"], message: "Elke NIS-code mag maar één keer voorkomen." });
        } else if (codes.includes(input.successorNisCode)) {
          ctx.addIssue({
            code: "custom",
            path: ["successorNisCode"],
            message: "De nieuwe gemeente kan niet ook een van de fusiegemeenten zijn.",
          });
        }
        if (input.successorMode === "new") {
          if (!input.successorName) ctx.addIssue({ code: "custom", path: ["successorName"], message: REQUIRED });
          if (!provinceSchema.safeParse(input.successorProvince).success) {
            ctx.addIssue({ code: "custom", path: ["successorProvince"], message: CHOOSE });
          }
        }
      }),
    ),
  z.transform((input) => ({
    predecessorNisCodes: splitCodes(input.predecessorNisCodes),
    successor:
      input.successorMode === "existing"
        ? ({ mode: "existing", nisCode: input.successorNisCode } as const)
        : ({
            mode: "new",
            nisCode: input.successorNisCode,
            name: defined(input.successorName, "the new municipality's name (checked above)"),
            province: provinceSchema.parse(input.successorProvince),
          } as const),
    mergedOn: input.mergedOn,
  })),
);
export type MergerInput = z.output<typeof mergerFormSchema>;

export type MergerOrganisation = {
  id: string;
  name: string;
  nisCode: string | null;
  kind: string;
  successorName: string | null;
};

/** Everything wrong with the chosen organisations, as field messages (empty when fine). */
export function checkMergerParties(input: {
  predecessorNisCodes: string[];
  predecessors: MergerOrganisation[];
  successor: MergerOrganisation | null;
  successorMode: "existing" | "new";
  successorNisCode: string;
  mergedOn: string;
  today: string;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  const found = new Set(input.predecessors.map((p) => p.nisCode));
  const missing = input.predecessorNisCodes.filter((code) => !found.has(code));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`Geen gemeente met NIS-code ${missing.join(", ")}.`);
  for (const p of input.predecessors) {
    if (p.kind !== "GEMEENTE") problems.push(`${p.name} is geen gemeente.`);
    if (p.successorName) problems.push(`${p.name} is al opgegaan in ${p.successorName} en kan geen tweede keer fuseren.`);
  }
  if (problems.length > 0) errors.predecessorNisCodes = problems.join(" ");

  if (input.successorMode === "existing") {
    if (!input.successor)
      errors.successorNisCode = `Geen gemeente met NIS-code ${input.successorNisCode}. Kies "Nieuwe gemeente aanmaken".`;
    else if (input.successor.kind !== "GEMEENTE") errors.successorNisCode = `${input.successor.name} is geen gemeente.`;
    else if (input.successor.successorName) {
      errors.successorNisCode = `${input.successor.name} is zelf opgegaan in ${input.successor.successorName}: kies die gemeente.`;
    }
  } else if (input.successor) {
    errors.successorNisCode = `Er bestaat al een organisatie met NIS-code ${input.successorNisCode} (${input.successor.name}). Kies "Bestaande gemeente".`;
  }
  if (input.mergedOn > input.today) errors.mergedOn = "De fusiedatum mag niet in de toekomst liggen.";
  return errors;
}

export type MergerDossier = { callId: string; callTitle: string; organisationId: string; organisationName: string };
export type MergerConflict = { callId: string; callTitle: string; organisationNames: string[] };

/**
 * A dossier has exactly one owner, and an organisation has at most one dossier per call. So
 * when two parties of a merger (predecessors or the successor) each have a dossier in the same
 * call, moving them would give the successor two: the merger is refused instead.
 */
export function findDossierConflicts(dossiers: readonly MergerDossier[]): MergerConflict[] {
  const byCall = new Map<string, MergerDossier[]>();
  for (const dossier of dossiers) byCall.set(dossier.callId, [...(byCall.get(dossier.callId) ?? []), dossier]);
  const conflicts: MergerConflict[] = [];
  for (const [callId, owners] of byCall) {
    const names = [...new Set(owners.map((d) => d.organisationName))].sort((a, b) => a.localeCompare(b, "nl"));
    const [first] = owners;
    if (first && names.length > 1) conflicts.push({ callId, callTitle: first.callTitle, organisationNames: names });
  }
  return conflicts.sort((a, b) => a.callTitle.localeCompare(b.callTitle, "nl"));
}

export function mergerConflictMessage(conflicts: readonly MergerConflict[]): string {
  const list = conflicts.map((c) => `${c.callTitle} (${c.organisationNames.join(", ")})`).join("; ");
  return (
    `De fusie is niet uitgevoerd: per oproep kan een organisatie maar één dossier hebben, en in deze oproepen ` +
    `heeft meer dan één fusiepartner een dossier: ${list}. Er is niets gewijzigd.`
  );
}

/** The merger takes effect at midnight at the start of the given Brussels day. */
export function mergedAtFor(mergedOn: string): Date {
  return DateTime.fromISO(mergedOn, { zone: "Europe/Brussels" }).startOf("day").toJSDate();
}

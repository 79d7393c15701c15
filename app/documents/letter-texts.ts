/**
 * The fixed texts of decision letters, per programme: the legal basis, what follows a positive
 * decision (payment, duties) and how to contest a decision. Data, one entry per programme code,
 * with a default per programme kind for programmes added later (the legal basis is the
 * programme's own, `Programme.legalBasis`); a call can override any of them and name its own
 * contact in `Call.settings.letter` (see `letterSettingsSchema`), which administrators edit in
 * the call editor (app/calls/letter-form.ts).
 *
 * These are the portal's defaults, written from the policy texts (shared/reference) and general
 * Belgian administrative law; the agency's legal service must confirm them before production
 * (docs/decisions/0043-letters-as-pdfa-with-pdfkit.md).
 */
// zod/mini: the call editor (browser) reads the limits and the defaults from here (0027).
import * as z from "zod/mini";
import { parseJsonObject } from "~/utils/json";
import { AGENCY, type Contact } from "./agency";

export type LetterTexts = {
  /** What the decision rests on: the decree (the programme's legal basis) and the call. */
  legalBasis: string[];
  /** After a grant: when and how the agency pays. */
  paymentTerms: string[];
  /** After a positive decision: what the organisation must do (reporting, changes). */
  duties: string[];
  /** Always: how the decision can be contested. */
  appealRoutes: string[];
};

/** Printed under a decider's name when their profile has no function (User.jobTitle). */
export const DEFAULT_SIGNATORY_TITLE = "gemachtigd beslisser";

export type ProgrammeKind = "FUNDING" | "RECOGNITION";

/** The same for every programme: a decision of the agency is an administrative act. */
const APPEAL_ROUTES = [
  "U kunt het agentschap vragen deze beslissing te heroverwegen. Stuur daarvoor uw argumenten naar de contactpersoon hieronder en vermeld het dossiernummer. Zo'n vraag schort de termijn voor de Raad van State niet op.",
  "U kunt bij de Raad van State, afdeling Bestuursrechtspraak, een beroep tot nietigverklaring van deze beslissing instellen binnen 60 dagen na de kennisgeving ervan. Het verzoekschrift wordt ondertekend door u of door een advocaat en wordt elektronisch ingediend (www.raadvst-consetat.be) of aangetekend verstuurd naar de Raad van State, Wetenstraat 33, 1040 Brussel.",
  "Bent u niet tevreden over de manier waarop het agentschap uw dossier behandelde, dan kunt u een klacht indienen bij het agentschap. Krijgt u geen bevredigend antwoord, dan kunt u terecht bij de Vlaamse Ombudsdienst (www.vlaamseombudsdienst.be).",
];

const PAID_ON_ACCOUNT = "Het agentschap betaalt op het rekeningnummer dat u in uw aanvraag opgaf.";
const RECOVERY = "Middelen die niet of niet volgens deze beslissing worden besteed, kan het agentschap terugvorderen.";
const REPORT_CHANGES = "Belangrijke wijzigingen in uw project of uw organisatie meldt u meteen aan het agentschap.";

const BY_KIND: Record<ProgrammeKind, Omit<LetterTexts, "legalBasis">> = {
  FUNDING: {
    paymentTerms: [
      "Het agentschap betaalt 60% van het toegekende bedrag als voorschot binnen 30 dagen na deze beslissing.",
      "Het saldo volgt na de goedkeuring van uw inhoudelijk en financieel eindverslag.",
      PAID_ON_ACCOUNT,
    ],
    duties: [
      "U voert het project uit zoals beschreven in uw aanvraag.",
      "Binnen drie maanden na het einde van het project bezorgt u via het portaal een inhoudelijk en een financieel eindverslag.",
      REPORT_CHANGES,
      RECOVERY,
    ],
    appealRoutes: APPEAL_ROUTES,
  },
  RECOGNITION: {
    paymentTerms: [],
    duties: [
      "U voert de opdracht uit zoals beschreven in uw aanvraag, voor de thema's en regio's waarvoor u erkend bent.",
      "Jaarlijks, uiterlijk op 31 maart, bezorgt u via het portaal een activiteitenverslag over het voorbije jaar en uw goedgekeurde jaarrekening.",
      "Wijzigingen in uw statuten, uw bestuur of uw werking meldt u meteen aan het agentschap.",
      "Uw organisatie wordt opgenomen in het openbare register van erkende partnerorganisaties.",
    ],
    appealRoutes: APPEAL_ROUTES,
  },
};

/** What a programme says differently from its kind's default. Keyed by Programme.code. */
const BY_PROGRAMME: Record<string, Partial<Omit<LetterTexts, "legalBasis">>> = {
  OEF: {
    duties: [
      "Vanaf 1 januari 2026 organiseert u de oefenkansen Nederlands zoals beschreven in uw aanvraag, met minstens de eigen bijdrage die u daarin opgaf.",
      "Uiterlijk op 31 maart van het volgende jaar bezorgt u via het portaal een inhoudelijk verslag (activiteiten, doelgroepen, aantal deelnemende leerders) en een financieel verslag.",
      "U werkt mee aan het onderzoek naar de impact van oefenkansen op het leren van het Nederlands en aan de uitwisseling van goede praktijken die het agentschap organiseert.",
      REPORT_CHANGES,
      RECOVERY,
    ],
  },
  RAD: {
    paymentTerms: [
      "Het agentschap betaalt de basisfinanciering per jaar van uw meerjarenplan, in één schijf, uiterlijk op 30 juni van dat jaar.",
      PAID_ON_ACCOUNT,
    ],
    duties: [
      "U voert de Vlaamse beleidsprioriteiten uit zoals u ze opnam in uw strategisch meerjarenplan 2026-2031.",
      "U rapporteert jaarlijks over de acties, indicatoren en budgetlijnen van die prioriteiten, samen met de beleidsrapportering over uw meerjarenplan.",
      "Wijzigingen in uw lokale integrale veiligheidscel inzake radicalisering (LIVC-R) of in uw aanpak meldt u aan het agentschap.",
      RECOVERY,
    ],
  },
  SOC: {
    duties: [
      "U voert de gekozen actie uit zoals beschreven in uw aanvraag, van 15 juni 2026 tot en met 14 juni 2029, en lokale besturen kunnen uw aanbod kosteloos inzetten.",
      "Jaarlijks, uiterlijk op 30 september, bezorgt u via het portaal een voortgangsverslag; binnen drie maanden na het einde van het project een inhoudelijk en financieel eindverslag.",
      REPORT_CHANGES,
      RECOVERY,
    ],
  },
};

/** How much a call may say: per list of texts, and per text (one paragraph of the letter). */
export const LETTER_TEXT_LIMITS = { items: 10, itemLength: 2000, contactName: 200, contactPhone: 50 } as const;

const texts = z.optional(
  z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(LETTER_TEXT_LIMITS.itemLength)))
    .check(z.minLength(1), z.maxLength(LETTER_TEXT_LIMITS.items)),
);

/** `Call.settings.letter`: what a call says differently, and its contact for questions. */
export const letterSettingsSchema = z.object({
  contact: z.optional(
    z.object({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(LETTER_TEXT_LIMITS.contactName)),
      email: z.email(),
      phone: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(LETTER_TEXT_LIMITS.contactPhone))),
    }),
  ),
  legalBasis: texts,
  paymentTerms: texts,
  duties: texts,
  appealRoutes: texts,
});

export type LetterSettings = z.infer<typeof letterSettingsSchema>;

const callLetterSchema = z.object({ letter: z.optional(letterSettingsSchema) });

/**
 * The `letter` settings of a call (its parsed settings JSON): a call without them, or with ones
 * that do not parse, gets the defaults (a letter must always be possible).
 */
export function letterSettingsOf(callSettings: unknown): LetterSettings {
  const parsed = callLetterSchema.safeParse(callSettings);
  return parsed.success ? (parsed.data.letter ?? {}) : {};
}

export type LetterProgramme = { code: string; kind: ProgrammeKind; legalBasis: string };

/** The programme's texts, before a call says anything: what the call editor shows as default. */
export function programmeLetterTexts(programme: LetterProgramme): LetterTexts {
  return { legalBasis: [programme.legalBasis], ...BY_KIND[programme.kind], ...BY_PROGRAMME[programme.code] };
}

/** The texts for a letter: the call's own, else the programme's, else its kind's. */
export function letterTextsFor(programme: LetterProgramme, call: LetterSettings = {}): LetterTexts {
  const base = programmeLetterTexts(programme);
  return {
    legalBasis: call.legalBasis ?? base.legalBasis,
    paymentTerms: call.paymentTerms ?? base.paymentTerms,
    duties: call.duties ?? base.duties,
    appealRoutes: call.appealRoutes ?? base.appealRoutes,
  };
}

export function contactFor(call: LetterSettings, agencyContact: Contact): Contact {
  return call.contact ?? agencyContact;
}

const sameTexts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, index) => text === b[index]);
const sameContact = (a: Contact, b: Contact) => a.name === b.name && a.email === b.email && (a.phone ?? "") === (b.phone ?? "");

/**
 * A call's letter settings with what equals the programme's texts (and the agency's contact)
 * left out: a call that keeps the defaults goes on following them when the programme's legal
 * basis or the portal's texts change.
 */
export function letterSettingsWithoutDefaults(call: LetterSettings, programme: LetterProgramme, agencyContact: Contact): LetterSettings {
  const base = programmeLetterTexts(programme);
  const own: LetterSettings = {};
  for (const key of ["legalBasis", "paymentTerms", "duties", "appealRoutes"] as const) {
    const texts = call[key];
    if (texts && !sameTexts(texts, base[key])) own[key] = texts;
  }
  if (call.contact && !sameContact(call.contact, agencyContact)) own.contact = call.contact;
  return own;
}

/**
 * Whom a call's letters and e-mails name for questions, from the call's settings JSON: its own
 * contact, else the agency's general one. Replies to the portal's e-mails go there too.
 */
export function callContact(callSettingsJson: string): Contact {
  return contactFor(letterSettingsOf(parseJsonObject(callSettingsJson)), AGENCY.contact);
}

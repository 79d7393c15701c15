/**
 * Builders for the answers of the sample dossiers, in the shape the wizard stores them
 * (Application.data): the field names and option values of the form version, amounts and
 * numbers as an official types them ("18.000,00"), lists for checkbox groups, booleans for
 * declarations, arrays of row objects for repeatable blocks. Files are not part of the answers:
 * they are Attachment rows (see SampleDossier.attachments).
 */
import { formatKboNumber } from "~/domain/organisation";
import { centsToInput } from "~/forms/parse";
import type { FormDefinition, RawValues } from "~/forms/types";
import { pickFields } from "~/forms/values";

export type Person = { firstName: string; lastName: string; functie: string; phone: string; email: string };
export type BankAccount = { iban: string; holder: string };
export type OtherSubsidy = { verstrekker: string; reden: string; periode: string; bedragCents: number };

/** An amount as typed in a money field: "12.345,67". */
const typed = (cents: number) => centsToInput(cents);

function contactPerson(person: Person): RawValues {
  return {
    contactVoornaam: person.firstName,
    contactAchternaam: person.lastName,
    contactFunctie: person.functie,
    contactTelefoon: person.phone,
    contactEmail: person.email,
  };
}

function bankAccount(account: BankAccount): RawValues {
  return { iban: account.iban, rekeninghouder: account.holder, gebruikelijkeRekening: "ja" };
}

function otherSubsidies(subsidies: readonly OtherSubsidy[] = []): RawValues {
  return {
    andereSubsidies: subsidies.map(({ bedragCents, ...row }) => ({ ...row, bedrag: typed(bedragCents) })),
  };
}

const DECLARED: RawValues = { verklaringOpEer: true, verklaringIntegriteit: true };

/** Only the answers of some steps, as in a draft that was filled in up to a point. */
export function answersOfSteps<S>(form: FormDefinition<S>, values: RawValues, stepIds: readonly string[]): RawValues {
  const steps = form.steps.filter((step) => stepIds.includes(step.id));
  if (steps.length !== stepIds.length) throw new Error(`Onbekende stap in ${stepIds.join(", ")} (${form.key})`);
  const answers: RawValues = {};
  for (const step of steps) Object.assign(answers, pickFields(step.fields, values));
  return answers;
}

// Oefenkansen Nederlands (app/forms/definitions/oefenkansen.ts)

export type OefenActivity = {
  soort: string;
  omschrijving: string;
  doelgroep: string[];
  niveau: "A1" | "A2" | "B1" | "B2";
  frequentie: "wekelijks" | "tweewekelijks" | "maandelijks" | "projectmatig";
  locatie: string;
  partners?: string;
};

export type OefenkansenInput = {
  contact: Person;
  huidigAanbod: string;
  taalbeleid: string;
  doorverwijzingNT2: string;
  samenwerkingAgII: string;
  activities: OefenActivity[];
  learners: number;
  staffCents: number;
  operatingCents: number;
  otherCostsCents?: number;
  requestedCents: number;
  budgetNote: string;
  otherSubsidies?: OtherSubsidy[];
  bank: BankAccount;
};

export function oefenkansenAnswers(input: OefenkansenInput): RawValues {
  return {
    ...contactPerson(input.contact),
    aanvraagVorm: "alleen",
    huidigAanbod: input.huidigAanbod,
    taalbeleid: input.taalbeleid,
    doorverwijzingNT2: input.doorverwijzingNT2,
    samenwerkingAgII: input.samenwerkingAgII,
    activiteiten: input.activities.map(({ partners = "", ...activity }) => ({ ...activity, partners })),
    verwachteLeerders: String(input.learners),
    personeelskosten: typed(input.staffCents),
    werkingskosten: typed(input.operatingCents),
    andereKosten: input.otherCostsCents === undefined ? "" : typed(input.otherCostsCents),
    gevraagdBedrag: typed(input.requestedCents),
    begrotingToelichting: input.budgetNote,
    ...otherSubsidies(input.otherSubsidies),
    ...bankAccount(input.bank),
    ...DECLARED,
  };
}

// Lokale regierol (app/forms/definitions/regierol.ts)

export type PriorityRow = { prioriteit: string; acties: string; indicatoren: string; begrotingslijnen: string };

export type RegierolInput = {
  contact: Person;
  samenvatting: string;
  priorities: PriorityRow[];
  livcr: "ja" | "nee" | "in-oprichting";
  /** Asked unless livcr is "nee". */
  livcrWerking?: string;
  partners: string;
  requestedCents: number;
  budgetNote: string;
  bank: BankAccount;
};

export function regierolAnswers(input: RegierolInput): RawValues {
  return {
    ...contactPerson(input.contact),
    samenvatting: input.samenvatting,
    prioriteiten: input.priorities.map((row) => ({ ...row })),
    livcr: input.livcr,
    ...(input.livcr === "nee" ? {} : { livcrWerking: input.livcrWerking ?? "" }),
    partners: input.partners,
    gevraagdBedrag: typed(input.requestedCents),
    begrotingToelichting: input.budgetNote,
    ...bankAccount(input.bank),
    ...DECLARED,
  };
}

// Erkenning partnerorganisaties (app/forms/definitions/erkenning.ts)

export type StaffMember = { functie: string; vte: string; kwalificaties: string };

export type ErkenningInput = {
  organisation: { name: string; rechtsvorm: "vzw" | "ivzw" | "stichting" | "andere"; kboNumber: string; adres: string; website?: string };
  contact: Person;
  expertise: string[];
  themas: string[];
  kanalen: string[];
  facetten: string[];
  provincies: string[];
  aanbod: string;
  staff: StaffMember[];
  actieplan: string;
  annualBudgetCents: number;
  budgetNote: string;
  otherSubsidies?: OtherSubsidy[];
};

export function erkenningAnswers(input: ErkenningInput): RawValues {
  const { organisation } = input;
  return {
    organisatieNaam: organisation.name,
    rechtsvorm: organisation.rechtsvorm,
    kboNummer: formatKboNumber(organisation.kboNumber),
    adres: organisation.adres,
    website: organisation.website ?? "",
    ...contactPerson(input.contact),
    expertise: input.expertise,
    themas: input.themas,
    kanalen: input.kanalen,
    facetten: input.facetten,
    provincies: input.provincies,
    aanbod: input.aanbod,
    personeel: input.staff.map((member) => ({ ...member })),
    actieplan: input.actieplan,
    jaarbudget: typed(input.annualBudgetCents),
    begrotingToelichting: input.budgetNote,
    ...otherSubsidies(input.otherSubsidies),
    ...DECLARED,
    verklaringGeenBelangenconflict: true,
  };
}

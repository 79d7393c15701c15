/** The wording of every validation message in the forms: the same sentence everywhere. */
const number = new Intl.NumberFormat("nl-BE");

export const FORM_MESSAGES = {
  required: "Dit veld is verplicht.",
  choose: "Gelieve een optie te kiezen.",
  declaration: "Vink deze verklaring aan om uw aanvraag te kunnen indienen.",
  file: "Voeg een bestand toe.",
  email: "Geef een geldig e-mailadres op.",
  phone: "Geef een geldig Belgisch telefoonnummer op, bv. 016 12 34 56 of 0470 12 34 56.",
  iban: "Geef een geldig IBAN op.",
  kbo: "Geef een geldig ondernemingsnummer op (formaat 0123.456.749).",
  url: "Geef een geldig webadres op, bv. https://www.voorbeeld.be.",
  integer: "Geef een geheel getal op, zonder komma.",
  money: "Geef een bedrag in euro op, bv. 12.345,67.",
  tooLong: (length: number, max: number) =>
    `Uw antwoord telt ${number.format(length)} tekens; het maximum is ${number.format(max)}. Kort het in.`,
  atLeast: (min: number) => `Geef een getal van minstens ${number.format(min)} op.`,
  atMost: (max: number) => `Geef een getal van hoogstens ${number.format(max)} op.`,
  minSelected: (min: number) => `Kies minstens ${min} opties.`,
  maxFiles: (max: number) => `U kunt hoogstens ${max} bestanden toevoegen.`,
  minRows: (min: number, rowLabel: string) =>
    min === 1 ? `Voeg minstens één ${rowLabel.toLowerCase()} toe.` : `Voeg minstens ${min} rijen toe (${rowLabel.toLowerCase()}).`,
  maxRows: (max: number) => `U kunt hoogstens ${max} rijen toevoegen.`,
} as const;

export function formatCount(value: number): string {
  return number.format(value);
}

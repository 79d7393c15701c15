/** The three programmes the portal serves, upserted by their code (used in dossier references). */
import type { PrismaClient } from "~/db.server";
import { changedFields, hasChanges, tally, type Outcome, type Tally } from "./sync";

export const PROGRAMME_CODES = ["OEF", "RAD", "ERK", "SOC"] as const;
export type ProgrammeCode = (typeof PROGRAMME_CODES)[number];

export type ProgrammeDefinition = {
  code: ProgrammeCode;
  name: string;
  description: string;
  /** FUNDING | RECOGNITION: what a positive decision means */
  kind: "FUNDING" | "RECOGNITION";
  legalBasis: string;
};

const RADICALISATION_DECREE =
  "Decreet van 2024 betreffende de preventie van gewelddadige radicalisering, extremisme, terrorisme en schadelijke polarisatie, in werking getreden op 1 september 2024";

export const PROGRAMMES: readonly ProgrammeDefinition[] = [
  {
    code: "OEF",
    name: "Oefenkansen Nederlands",
    description:
      "Financiering voor lokale besturen die, samen met het Agentschap Integratie en Inburgering, een kwaliteitsvol en duurzaam verankerd aanbod van oefenkansen Nederlands buiten de klas uitbouwen. Vanaf 1 januari 2026 organiseren de gefinancierde besturen (bijkomende) oefenkansen voor anderstaligen, met ondersteuning van AgII via lokaal advies, kennisdeling en uitwisseling van goede praktijken.",
    kind: "FUNDING",
    legalBasis:
      "Vlaams integratie- en inburgeringsbeleid (decreet van 7 juni 2013 betreffende het Vlaamse integratie- en inburgeringsbeleid); subsidieoproep 'Oefenkansen Nederlands' van het Agentschap Integratie en Inburgering aan de lokale besturen",
  },
  {
    code: "RAD",
    name: "Lokale regierol preventie van gewelddadige radicalisering en schadelijke polarisatie",
    description:
      "Structurele basisfinanciering voor de lokale regierol in de preventie van gewelddadige radicalisering, extremisme, terrorisme en schadelijke polarisatie. Lokale besturen nemen de Vlaamse beleidsprioriteiten op in hun strategische meerjarenplan 2026-2031 en dienen dat in; het agentschap beslist welke besturen in aanmerking komen voor bijkomende middelen.",
    kind: "FUNDING",
    legalBasis: RADICALISATION_DECREE,
  },
  {
    code: "ERK",
    name: "Erkenning partnerorganisaties radicalisering en polarisatie",
    description:
      "Erkenning van partnerorganisaties voor beleidsondersteuning en praktijkontwikkeling over gewelddadige radicalisering, extremisme, terrorisme en schadelijke polarisatie, zodat lokale besturen kunnen rekenen op een stabiel en kwaliteitsvol aanbod voor alle facetten van hun regierol. De selectie zorgt voor een heldere taakverdeling zonder overlap tussen de erkende organisaties.",
    kind: "RECOGNITION",
    legalBasis: `${RADICALISATION_DECREE}; erkenning van partnerorganisaties`,
  },
  {
    // The fourth programme, configured as data only: its form is seeds/forms/sociale-cohesie-v1.json.
    code: "SOC",
    name: "Sociale cohesie en participatie in een diverse samenleving",
    description:
      "Projectsubsidies voor organisaties (verenigingen, alleen of in een samenwerkingsverband) met een aanbod dat lokale besturen kosteloos kunnen inzetten in hun regierol, rond één van drie acties: arbeidsmarktintegratie via mentoring; arbeidsmarktintegratie en participatie van kwetsbare vrouwen en meisjes met een migratieachtergrond via ambassadeurs en rolmodellen; de school als uitvalsbasis voor vrijetijdsparticipatie, ouderbetrokkenheid en sociale cohesie.",
    kind: "FUNDING",
    legalBasis:
      "Decreet van 7 juni 2013 betreffende het Vlaamse integratie- en inburgeringsbeleid; oproep 2026 'Sociale cohesie en participatie in een diverse samenleving'",
  },
];

export async function seedProgrammes(prisma: PrismaClient, programmes: readonly ProgrammeDefinition[] = PROGRAMMES): Promise<Tally> {
  const outcomes: Outcome[] = [];
  for (const { code, ...desired } of programmes) {
    const existing = await prisma.programme.findUnique({ where: { code } });
    if (!existing) {
      await prisma.programme.create({ data: { code, ...desired } });
      outcomes.push("created");
      continue;
    }
    const changes = changedFields(existing, desired);
    if (hasChanges(changes)) {
      await prisma.programme.update({ where: { id: existing.id }, data: changes });
      outcomes.push("updated");
    } else {
      outcomes.push("unchanged");
    }
  }
  return tally(outcomes);
}

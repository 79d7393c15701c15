/**
 * Sample dossiers (Application rows) with their status history as AuditEvent rows.
 *
 * AuditEvent is append-only (triggers refuse UPDATE and DELETE), so idempotency comes from the
 * dossier itself: one per call and organisation (@@unique). A dossier that exists is skipped
 * entirely; a new one is written together with its whole history in one transaction, so a
 * dossier never exists without its history and a history is never written twice.
 */
import { formatReference, submissionContentHash } from "~/applications/receipt.server";
import type { PrismaClient } from "~/db.server";
import { checkTransition, type ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import type { Call } from "~/generated/prisma/client";
import { addDays, brusselsDate } from "~/utils/time";
import { brusselsAt } from "./dates";
import { DEMO_USERS, type DemoUser } from "./demo-users";
import type { ProgrammeCode } from "./programmes";
import { tally, type Outcome, type Tally } from "./sync";
import { findOrganisationId } from "./users";

type OrganisationKey = DemoUser["memberOf"][number];

export type DossierStep = {
  status: ApplicationStatus;
  at: Date;
  by: ActorRole;
  /** Required where a staff decision is taken (see TRANSITIONS in app/domain). */
  reason?: string;
};

export type SampleDossier = {
  /** CallDefinition.key, e.g. "OEF-2026" or "OEF-demo". */
  callKey: string;
  organisation: OrganisationKey;
  data: Record<string, unknown>;
  requestedCents: number | null;
  grantedCents: number | null;
  /** The status history; the first step is the creation of the draft by the applicant. */
  steps: DossierStep[];
};

const created = (at: Date): DossierStep => ({ status: "DRAFT", at, by: "APPLICANT" });
const submitted = (at: Date): DossierStep => ({ status: "SUBMITTED", at, by: "APPLICANT" });
const inReview = (at: Date): DossierStep => ({ status: "IN_REVIEW", at, by: "REVIEWER" });
const proposed = (at: Date, reason: string): DossierStep => ({ status: "PROPOSED", at, by: "REVIEWER", reason });
const decided = (status: ApplicationStatus, at: Date, reason: string): DossierStep => ({ status, at, by: "DECIDER", reason });

const RAD_PLAN_CENTS = 2_500_000;
const OEF_RATE_CENTS = 6000;

/** `days` Brussels calendar days before `now`, at a Brussels wall-clock time. */
function daysBefore(now: Date, days: number, time: string): Date {
  return brusselsAt(brusselsDate(addDays(now, -days)), time);
}

/** Historic (closed, decided) dossiers and the dossiers in the open demo rounds. */
export function sampleDossiers(now: Date): SampleDossier[] {
  return [
    // Oefenkansen Nederlands 2026 (opens 3 November 2025, closes 19 December 2025)
    {
      callKey: "OEF-2026",
      organisation: { nisCode: "11002" },
      data: {
        samenvatting:
          "Stad Antwerpen breidt samen met Atlas het aanbod van taalcafés, wandelgroepen en oefenmomenten op de werkvloer uit, zodat anderstaligen in elk district wekelijks Nederlands kunnen oefenen.",
        activiteiten: [
          { type: "taalcafé", doelgroep: "inburgeraars", niveau: "A2", frequentie: "wekelijks", plaats: "bibliotheken en districtshuizen" },
          { type: "oefenen op de werkvloer", doelgroep: "werknemers", niveau: "B1", frequentie: "tweewekelijks", plaats: "bedrijven in de haven" },
        ],
        partners: ["Atlas", "stadsbibliotheek", "lokale werkgevers"],
        verwachteLeerders: 2250,
        cofinancieringCents: 2250 * OEF_RATE_CENTS,
      },
      requestedCents: 2250 * OEF_RATE_CENTS,
      grantedCents: 2250 * OEF_RATE_CENTS,
      steps: [
        created(brusselsAt("2025-11-05", "10:12")),
        submitted(brusselsAt("2025-12-15", "16:40")),
        inReview(brusselsAt("2025-12-22", "09:05")),
        proposed(
          brusselsAt("2026-01-14", "11:30"),
          "Voldoet aan alle criteria; het bereik van 2.250 leerders is onderbouwd met het lokale taalbeleid en de samenwerking met Atlas. Voorstel: volledige toekenning.",
        ),
        decided("APPROVED", brusselsAt("2026-01-27", "15:02"), "Goedgekeurd conform het voorstel van de beoordelaar: € 135.000,00 voor 2.250 leerders."),
      ],
    },
    {
      callKey: "OEF-2026",
      organisation: { nisCode: "44021" },
      data: {
        samenvatting:
          "Stad Gent organiseert met Amal en de buurtcentra oefenkansen voor ouders aan de schoolpoort en voor werkzoekenden, aansluitend op het NT2-aanbod.",
        activiteiten: [
          { type: "oefengroep voor ouders", doelgroep: "ouders", niveau: "A1", frequentie: "wekelijks", plaats: "basisscholen" },
          { type: "taalwandeling", doelgroep: "werkzoekenden", niveau: "A2", frequentie: "maandelijks", plaats: "buurtcentra" },
        ],
        partners: ["Amal", "buurtcentra", "basisscholen"],
        verwachteLeerders: 1500,
        cofinancieringCents: 1500 * OEF_RATE_CENTS,
      },
      requestedCents: 1500 * OEF_RATE_CENTS,
      grantedCents: 1000 * OEF_RATE_CENTS,
      steps: [
        created(brusselsAt("2025-11-10", "14:25")),
        // Late on the last day: still well before 23:59:59 Brussels time.
        submitted(brusselsAt("2025-12-19", "22:41")),
        inReview(brusselsAt("2025-12-22", "10:17")),
        {
          status: "INFO_REQUESTED",
          at: brusselsAt("2026-01-06", "09:48"),
          by: "REVIEWER",
          reason: "Gelieve het verwachte aantal leerders per activiteit te verduidelijken en de cofinanciering door de stad te bevestigen.",
        },
        { status: "IN_REVIEW", at: brusselsAt("2026-01-09", "13:20"), by: "APPLICANT" },
        proposed(
          brusselsAt("2026-01-16", "16:05"),
          "Het bereik is onderbouwd voor ongeveer 1.000 leerders; de taalwandelingen zijn nog niet concreet gepland. Voorstel: toekenning voor 1.000 leerders.",
        ),
        decided("PARTIALLY_APPROVED", brusselsAt("2026-01-28", "11:40"), "Gedeeltelijk goedgekeurd: € 60.000,00 voor 1.000 leerders, conform het voorstel."),
      ],
    },
    // Lokale regierol 2026 (opens 1 October 2025, closes 15 January 2026, decision by 30 April 2026)
    {
      callKey: "RAD-2026",
      organisation: { nisCode: "24062" },
      data: {
        samenvatting:
          "Leuven neemt de Vlaamse beleidsprioriteiten op in het meerjarenplan 2026-2031 met acties rond vroegsignalering, weerbaarheid van jongeren en het ontmijnen van spanningen in de wijken.",
        beleidsprioriteiten: ["vroegsignalering", "weerbaarheid van jongeren", "schadelijke polarisatie online"],
        livcR: { bestaat: true, werking: "Driemaandelijks casusoverleg onder voorzitterschap van de burgemeester, met politie, OCMW, jeugdwerk en onderwijs." },
        contactpersoon: { voornaam: "Sara", achternaam: "Janssens", email: "sara.janssens@leuven.example" },
      },
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: RAD_PLAN_CENTS,
      steps: [
        created(brusselsAt("2025-10-14", "09:30")),
        submitted(brusselsAt("2026-01-08", "15:12")),
        inReview(brusselsAt("2026-01-19", "10:00")),
        proposed(brusselsAt("2026-03-17", "14:45"), "Alle Vlaamse beleidsprioriteiten zijn vertaald in acties, indicatoren en budgetlijnen; de LIVC-R werkt. Voorstel: toekenning."),
        decided("APPROVED", brusselsAt("2026-04-21", "10:30"), "Goedgekeurd: € 25.000,00 basisfinanciering voor de lokale regierol."),
      ],
    },
    {
      callKey: "RAD-2026",
      organisation: { nisCode: "21000" },
      data: {
        samenvatting:
          "De VGC bundelt de Nederlandstalige preventie-inzet in Brussel en koppelt die aan de Brusselse gemeenten en hun LIVC-R's.",
        beleidsprioriteiten: ["vroegsignalering", "ondersteuning van scholen en jeugdwerk", "schadelijke polarisatie"],
        livcR: { bestaat: true, werking: "Deelname aan de LIVC-R's van de Brusselse gemeenten via de Nederlandstalige preventiewerkers." },
        contactpersoon: { voornaam: "Karim", achternaam: "El Amrani", email: "karim.elamrani@vgc.example" },
      },
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: RAD_PLAN_CENTS,
      steps: [
        created(brusselsAt("2025-11-04", "11:05")),
        submitted(brusselsAt("2026-01-15", "17:20")),
        inReview(brusselsAt("2026-01-20", "09:15")),
        proposed(brusselsAt("2026-03-24", "15:30"), "Het meerjarenplan dekt de beleidsprioriteiten; de afstemming met de Brusselse gemeenten is duidelijk beschreven. Voorstel: toekenning."),
        decided("APPROVED", brusselsAt("2026-04-21", "10:45"), "Goedgekeurd: € 25.000,00 basisfinanciering voor de lokale regierol."),
      ],
    },
    {
      callKey: "RAD-2026",
      organisation: { nisCode: "44021" },
      data: {
        samenvatting: "Gent verwijst naar de bestaande werking rond diversiteit en samenleven in het meerjarenplan.",
        beleidsprioriteiten: ["samenleven in diversiteit"],
        livcR: { bestaat: false, werking: "" },
        contactpersoon: { voornaam: "Jan", achternaam: "De Clercq", email: "jan.declercq@gent.example" },
      },
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: 0,
      steps: [
        created(brusselsAt("2025-12-01", "13:50")),
        submitted(brusselsAt("2026-01-14", "11:26")),
        inReview(brusselsAt("2026-01-21", "14:10")),
        proposed(
          brusselsAt("2026-03-31", "10:20"),
          "Het meerjarenplan bevat geen acties, indicatoren of budgetlijnen voor de Vlaamse beleidsprioriteiten rond gewelddadige radicalisering en schadelijke polarisatie. Voorstel: weigering.",
        ),
        decided("REFUSED", brusselsAt("2026-04-28", "16:00"), "Geweigerd: de Vlaamse beleidsprioriteiten zijn niet opgenomen in het ingediende meerjarenplan."),
      ],
    },
    // Erkenning partnerorganisaties (opens 15 September 2025, closes 31 October 2025)
    {
      callKey: "ERK-2026",
      organisation: { kboNumber: "0456123494" },
      data: {
        samenvatting:
          "Brugwerk ondersteunt lokale besturen bij het uitbouwen van hun regierol, met vormingen voor eerstelijnswerkers en begeleiding bij casusoverleg.",
        expertise: ["beleidsondersteuning", "praktijkontwikkeling"],
        themas: ["gewelddadige radicalisering", "schadelijke polarisatie"],
        onlineOffline: ["online", "offline"],
        regios: ["West-Vlaanderen", "Oost-Vlaanderen"],
        personeelVte: 4.5,
      },
      requestedCents: null,
      grantedCents: null,
      steps: [
        created(brusselsAt("2025-09-18", "10:00")),
        submitted(brusselsAt("2025-10-29", "14:35")),
        inReview(brusselsAt("2025-11-03", "09:20")),
        proposed(brusselsAt("2025-11-26", "15:15"), "Sterke praktijkontwikkeling en duidelijke regionale afbakening; geen overlap met andere kandidaten. Voorstel: erkenning."),
        decided("APPROVED", brusselsAt("2025-12-10", "11:00"), "Erkend als partnerorganisatie vanaf 1 januari 2026 voor West-Vlaanderen en Oost-Vlaanderen."),
      ],
    },
    {
      callKey: "ERK-2026",
      organisation: { kboNumber: "0823145661" },
      data: {
        samenvatting: "Dialoogwerf organiseert dialoogtrajecten rond schadelijke polarisatie in scholen en jeugdwerk.",
        expertise: ["praktijkontwikkeling"],
        themas: ["schadelijke polarisatie"],
        onlineOffline: ["offline"],
        regios: ["Antwerpen", "West-Vlaanderen"],
        personeelVte: 1.8,
      },
      requestedCents: null,
      grantedCents: null,
      steps: [
        created(brusselsAt("2025-09-25", "16:10")),
        submitted(brusselsAt("2025-10-31", "21:15")),
        inReview(brusselsAt("2025-11-04", "10:40")),
        proposed(
          brusselsAt("2025-11-28", "14:00"),
          "Overlap in thema's en regio's met een andere kandidaat en geen aanbod in beleidsondersteuning. Voorstel: weigering.",
        ),
        decided("REFUSED", brusselsAt("2025-12-10", "11:20"), "Geweigerd: het aanbod overlapt met dat van een erkende partnerorganisatie en dekt de beleidsondersteuning niet."),
      ],
    },
    // Open demo rounds (relative to the seed time)
    {
      callKey: "OEF-demo",
      organisation: { nisCode: "11002" },
      data: {
        samenvatting: "Verderzetting van de oefenkansen met Atlas, uitgebreid naar ouders aan de schoolpoort.",
        verwachteLeerders: 2000,
      },
      requestedCents: 2000 * OEF_RATE_CENTS,
      grantedCents: null,
      steps: [created(daysBefore(now, 12, "10:15"))],
    },
    {
      callKey: "RAD-demo",
      organisation: { nisCode: "44021" },
      data: {
        samenvatting:
          "Gent heeft het meerjarenplan aangepast: de Vlaamse beleidsprioriteiten zijn opgenomen met acties rond vroegsignalering en de uitbouw van een LIVC-R.",
        beleidsprioriteiten: ["vroegsignalering", "weerbaarheid van jongeren", "schadelijke polarisatie"],
        livcR: { bestaat: true, werking: "Maandelijks casusoverleg sinds 2026, voorgezeten door de burgemeester." },
        contactpersoon: { voornaam: "Jan", achternaam: "De Clercq", email: "jan.declercq@gent.example" },
      },
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: null,
      steps: [created(daysBefore(now, 16, "09:40")), submitted(daysBefore(now, 2, "16:25"))],
    },
    {
      callKey: "ERK-demo",
      organisation: { kboNumber: "0734581295" },
      data: {
        samenvatting: "Tussenruimte begeleidt lokale besturen bij spanningen in de wijk en bij online polarisatie onder jongeren.",
        expertise: ["beleidsondersteuning", "praktijkontwikkeling"],
        themas: ["schadelijke polarisatie", "extremisme"],
        onlineOffline: ["online", "offline"],
        regios: ["Oost-Vlaanderen", "Vlaams-Brabant"],
        personeelVte: 3,
      },
      requestedCents: null,
      grantedCents: null,
      steps: [created(daysBefore(now, 19, "14:05")), submitted(daysBefore(now, 1, "11:50"))],
    },
  ];
}

type Context = {
  call: Call;
  programmeCode: ProgrammeCode;
  organisation: { id: string; kind: string; name: string };
  eligibleKinds: string[];
};

/** Refuses a sample dossier that the portal itself could never have produced. */
export function validateSampleDossier(dossier: SampleDossier, context: Context): void {
  const where = `Voorbeelddossier ${context.programmeCode} van ${context.organisation.name}`;
  const { steps } = dossier;
  const first = steps[0];
  if (!first || first.status !== "DRAFT" || first.by !== "APPLICANT") throw new Error(`${where}: begint niet als concept van de aanvrager.`);
  if (!context.eligibleKinds.includes(context.organisation.kind)) throw new Error(`${where}: organisatietype komt niet in aanmerking.`);
  if (first.at < context.call.opensAt) throw new Error(`${where}: aangemaakt voor de opening van de oproep.`);
  for (let i = 1; i < steps.length; i++) {
    const previous = steps[i - 1]!;
    const step = steps[i]!;
    const check = checkTransition(previous.status, step.status, step.by);
    if (!check.ok) throw new Error(`${where}: ${check.message}`);
    if (check.needsReason && !step.reason) throw new Error(`${where}: ${step.status} zonder reden.`);
    if (step.at <= previous.at) throw new Error(`${where}: statusgeschiedenis niet chronologisch.`);
    if (step.status === "SUBMITTED" && step.at > context.call.closesAt) throw new Error(`${where}: ingediend na de deadline.`);
  }
}

function actorEmails(): Record<Exclude<ActorRole, "APPLICANT" | "SYSTEM">, string | undefined> {
  const withRole = (role: "REVIEWER" | "DECIDER" | "ADMIN") => DEMO_USERS.find((u) => u.staffRoles.includes(role))?.email;
  return { REVIEWER: withRole("REVIEWER"), DECIDER: withRole("DECIDER"), ADMIN: withRole("ADMIN") };
}

function sameKey(a: OrganisationKey, b: OrganisationKey): boolean {
  if ("nisCode" in a) return "nisCode" in b && a.nisCode === b.nisCode;
  return "kboNumber" in b && a.kboNumber === b.kboNumber;
}

/**
 * Writes the sample dossiers whose call and organisation do not have one yet. Submitted ones
 * are numbered in order of submission per call (Call.lastReference), like the portal does.
 * Actors are the demo users: the applicant is the first demo user who is a member of the
 * organisation (none for candidate organisations without a demo account: actorId stays empty),
 * staff steps are taken by the demo reviewer and decider.
 */
export async function seedSampleDossiers(
  prisma: PrismaClient,
  options: { now: Date; calls: Map<string, Call>; dossiers?: SampleDossier[] },
): Promise<Tally> {
  const dossiers = options.dossiers ?? sampleDossiers(options.now);
  const emails = actorEmails();
  const users = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true } });
  const userId = (email: string | undefined) => (email ? users.find((u) => u.email === email)?.id ?? null : null);

  const submittedAt = (d: SampleDossier) => d.steps.find((s) => s.status === "SUBMITTED")?.at.getTime() ?? Infinity;
  const ordered = [...dossiers].sort((a, b) => submittedAt(a) - submittedAt(b));

  const outcomes: Outcome[] = [];
  for (const dossier of ordered) {
    const call = options.calls.get(dossier.callKey);
    if (!call) throw new Error(`Oproep ${dossier.callKey} is niet geseed.`);
    // A demo round seeded long ago may have closed: its "open round" dossiers no longer fit.
    if (call.isDemo && !(call.opensAt <= options.now && options.now <= call.closesAt)) {
      outcomes.push("unchanged");
      continue;
    }
    const organisationId = await findOrganisationId(prisma, dossier.organisation);
    const existing = await prisma.application.findUnique({
      where: { callId_organisationId: { callId: call.id, organisationId } },
      select: { id: true },
    });
    if (existing) {
      outcomes.push("unchanged");
      continue;
    }

    const [organisation, programme, eligibleKinds] = await Promise.all([
      prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, kind: true, name: true } }),
      prisma.programme.findUniqueOrThrow({ where: { id: call.programmeId }, select: { code: true } }),
      prisma.callEligibleKind.findMany({ where: { callId: call.id } }),
    ]);
    const programmeCode = programme.code as ProgrammeCode;
    validateSampleDossier(dossier, { call, programmeCode, organisation, eligibleKinds: eligibleKinds.map((k) => k.organisationKind) });

    const applicantId = userId(DEMO_USERS.find((u) => u.memberOf.some((key) => sameKey(key, dossier.organisation)))?.email);
    const actorFor = (role: ActorRole) => (role === "APPLICANT" ? applicantId : role === "SYSTEM" ? null : userId(emails[role]));
    const steps = dossier.steps;
    const last = steps[steps.length - 1]!;
    const submission = steps.find((s) => s.status === "SUBMITTED");
    const dataJson = JSON.stringify(dossier.data);

    await prisma.$transaction(async (tx) => {
      let reference: string | null = null;
      if (submission) {
        const numbered = await tx.call.update({
          where: { id: call.id },
          data: { lastReference: { increment: 1 } },
          select: { lastReference: true, year: true },
        });
        reference = formatReference(programmeCode, numbered.year, numbered.lastReference);
      }
      const application = await tx.application.create({
        data: {
          callId: call.id,
          organisationId,
          status: last.status,
          formKey: call.formKey,
          formVersion: call.formVersion,
          data: dataJson,
          // The portal bumps the version on every transition (app/applications/transition.server.ts).
          version: steps.length,
          requestedCents: dossier.requestedCents,
          grantedCents: dossier.grantedCents,
          reference,
          submittedAt: submission?.at ?? null,
          submittedById: submission ? applicantId : null,
          contentHash: submission
            ? submissionContentHash({ formKey: call.formKey, formVersion: call.formVersion, values: dossier.data, attachments: [] })
            : null,
          createdById: applicantId,
          createdAt: steps[0]!.at,
          updatedAt: last.at,
        },
      });
      await tx.auditEvent.createMany({
        data: steps.map((step, index) => ({
          at: step.at,
          actorId: actorFor(step.by),
          actorRole: step.by,
          action: "application.status",
          entityType: "Application",
          entityId: application.id,
          applicationId: application.id,
          organisationId,
          before: index === 0 ? null : JSON.stringify({ status: steps[index - 1]!.status }),
          after: JSON.stringify({ status: step.status }),
          reason: step.reason ?? null,
        })),
      });
    });
    outcomes.push("created");
  }
  return tally(outcomes);
}

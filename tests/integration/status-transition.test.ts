import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applicationDetail, forApplicant, listOrganisationApplications } from "~/applications/applications.server";
import { transitionApplication, type TransitionInput } from "~/applications/transition.server";
import { prisma } from "~/db.server";
import type { ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import { resetClock, setNow } from "~/utils/clock.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";

// The real status machine against the test's own SQLite file: audit trail, reasons, refusals
// and races, and what an applicant gets to see of it.
let organisation: { id: string };
let call: { id: string };
let applicant: { id: string };
let reviewer: { id: string };
let decider: { id: string };

const actors: Record<Exclude<ActorRole, "SYSTEM">, () => { userId: string; role: ActorRole }> = {
  APPLICANT: () => ({ userId: applicant.id, role: "APPLICANT" }),
  REVIEWER: () => ({ userId: reviewer.id, role: "REVIEWER" }),
  DECIDER: () => ({ userId: decider.id, role: "DECIDER" }),
  ADMIN: () => ({ userId: reviewer.id, role: "ADMIN" }),
};

beforeAll(async () => {
  call = await createProgrammeAndCall(prisma, {
    opensAt: new Date("2026-01-01T00:00:00Z"),
    closesAt: new Date("2027-01-01T00:00:00Z"),
  });
  organisation = await createOrganisation(prisma, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  applicant = await createUser(prisma, { memberOf: [organisation.id] });
  reviewer = await createUser(prisma, { staffRoles: ["REVIEWER"] });
  decider = await createUser(prisma, { staffRoles: ["DECIDER"] });
});

afterAll(async () => {
  await prisma.$disconnect();
});

afterEach(() => {
  resetClock();
});

/** A dossier of a fresh organisation (one dossier per organisation and call) in a given status. */
async function dossier(status: ApplicationStatus = "SUBMITTED") {
  const owner = await createOrganisation(prisma, { name: `Gemeente ${Math.random().toString(36).slice(2, 8)}` });
  return createApplication(prisma, { callId: call.id, organisationId: owner.id, status });
}

function move(applicationId: string, to: ApplicationStatus, role: keyof typeof actors, reason?: string): TransitionInput {
  return { applicationId, to, actor: actors[role](), reason };
}

async function state(applicationId: string) {
  const { status, version } = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
  const audit = await prisma.auditEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } });
  return { status, version, audit };
}

describe("transitionApplication", () => {
  it("moves the dossier and writes exactly one audit event with before, after and reason", async () => {
    const application = await dossier("IN_REVIEW");

    const result = await transitionApplication(
      move(application.id, "INFO_REQUESTED", "REVIEWER", "  Voeg het meerjarenplan 2026-2031 toe.  "),
    );
    expect(result).toEqual({ ok: true, from: "IN_REVIEW", version: 2 });

    const { status, version, audit } = await state(application.id);
    const { updatedAt } = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect({ status, version }).toEqual({ status: "INFO_REQUESTED", version: 2 });
    expect(audit).toHaveLength(1);
    // On PostgreSQL the line is written by the move's own statement: the same instant, to the millisecond.
    expect(audit[0]!.at.toISOString()).toBe(updatedAt.toISOString());
    expect(audit[0]).toMatchObject({
      actorId: reviewer.id,
      actorRole: "REVIEWER",
      action: "application.status",
      entityType: "Application",
      entityId: application.id,
      applicationId: application.id,
      organisationId: application.organisationId,
      reason: "Voeg het meerjarenplan 2026-2031 toe.",
    });
    expect(JSON.parse(audit[0]!.before!)).toEqual({ status: "IN_REVIEW" });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ status: "INFO_REQUESTED" });
  });

  it("records a move without a reason when none is needed", async () => {
    const application = await dossier("SUBMITTED");
    expect(await transitionApplication(move(application.id, "IN_REVIEW", "REVIEWER"))).toEqual({
      ok: true,
      from: "SUBMITTED",
      version: 2,
    });
    const { audit } = await state(application.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBeNull();
  });

  it("refuses a staff move that needs a reason when none or only spaces are given", async () => {
    const application = await dossier("SUBMITTED");
    for (const reason of [undefined, "", "   \n  "]) {
      expect(await transitionApplication(move(application.id, "DRAFT", "REVIEWER", reason))).toEqual({
        ok: false,
        message: "Geef een motivering op.",
      });
    }
    expect(await state(application.id)).toEqual({ status: "SUBMITTED", version: 1, audit: [] });

    expect(await transitionApplication(move(application.id, "DRAFT", "ADMIN", "Verkeerde bijlage opgeladen."))).toMatchObject({
      ok: true,
    });
    expect((await state(application.id)).status).toBe("DRAFT");
  });

  it("leaves status, version and audit trail alone for a forbidden move", async () => {
    const application = await dossier("SUBMITTED");

    expect(await transitionApplication(move(application.id, "IN_REVIEW", "APPLICANT"))).toEqual({
      ok: false,
      message: "U mag deze stap in het dossier niet zetten.",
    });
    expect(await transitionApplication(move(application.id, "APPROVED", "DECIDER", "Goedgekeurd."))).toEqual({
      ok: false,
      message: 'Een dossier met status "Verstuurd" kan niet naar "Goedgekeurd".',
    });
    expect(await state(application.id)).toEqual({ status: "SUBMITTED", version: 1, audit: [] });
  });

  it("answers in Dutch for a dossier that does not exist", async () => {
    expect(await transitionApplication(move("bestaat-niet", "IN_REVIEW", "REVIEWER"))).toEqual({
      ok: false,
      message: "Dit dossier bestaat niet.",
    });
  });

  it("rolls the move and its audit event back together with the caller's transaction", async () => {
    const application = await dossier("SUBMITTED");
    await expect(
      prisma.$transaction(async (tx) => {
        expect(await transitionApplication(move(application.id, "IN_REVIEW", "REVIEWER"), tx)).toMatchObject({ ok: true });
        throw new Error("budgetcontrole mislukt");
      }),
    ).rejects.toThrow("budgetcontrole mislukt");
    expect(await state(application.id)).toEqual({ status: "SUBMITTED", version: 1, audit: [] });
  });

  it("lets exactly one of two simultaneous moves from the same status succeed", async () => {
    const application = await dossier("SUBMITTED");
    const results = await Promise.all([
      transitionApplication(move(application.id, "IN_REVIEW", "REVIEWER")),
      transitionApplication(move(application.id, "WITHDRAWN", "APPLICANT")),
    ]);
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toEqual({ ok: true, from: "SUBMITTED", version: 2 });
    // The loser either saw the winner's status, or lost the race at the conditional update.
    const loser = results.find((result) => !result.ok);
    const reviewerWon = results[0]!.ok;
    expect([
      reviewerWon
        ? 'Een dossier met status "In behandeling" kan niet naar "Ingetrokken".'
        : 'Een dossier met status "Ingetrokken" kan niet naar "In behandeling".',
      "Het dossier werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw.",
    ]).toContainEqual(loser && !loser.ok ? loser.message : undefined);

    const { status, version, audit } = await state(application.id);
    expect(version).toBe(2);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ status });
    expect(status).toBe(reviewerWon ? "IN_REVIEW" : "WITHDRAWN");
  });

  it("lets exactly one of two identical simultaneous moves succeed", async () => {
    const application = await dossier("SUBMITTED");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => transitionApplication(move(application.id, "IN_REVIEW", "REVIEWER"))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const { status, version, audit } = await state(application.id);
    expect({ status, version, events: audit.length }).toEqual({ status: "IN_REVIEW", version: 2, events: 1 });
  });
});

describe("what the applicant sees", () => {
  // Every step at its own minute, so the timeline order does not depend on clock resolution.
  let minute = 0;
  async function step(applicationId: string, to: ApplicationStatus, role: keyof typeof actors, reason?: string) {
    setNow(new Date(Date.UTC(2026, 4, 4, 8, minute++)));
    const result = await transitionApplication(move(applicationId, to, role, reason));
    expect(result, `${to} door ${role}`).toMatchObject({ ok: true });
  }

  it("shows a pending proposal as in review, without the internal steps and their motivations", async () => {
    const application = await createApplication(prisma, { callId: call.id, organisationId: organisation.id, status: "DRAFT" });
    await step(application.id, "SUBMITTED", "APPLICANT");
    await step(application.id, "IN_REVIEW", "REVIEWER");
    await step(application.id, "PROPOSED", "REVIEWER", "Intern: voorstel om 80% toe te kennen.");

    const detail = await applicationDetail(application.id);
    expect(detail.status).toBe("PROPOSED");
    expect(detail.timeline.map((event) => event.status)).toEqual(["SUBMITTED", "IN_REVIEW", "PROPOSED"]);

    const seen = forApplicant(detail);
    expect(seen.status).toBe("IN_REVIEW");
    expect(seen.timeline.map((event) => [event.fromStatus, event.status])).toEqual([
      ["DRAFT", "SUBMITTED"],
      ["SUBMITTED", "IN_REVIEW"],
    ]);
    expect(JSON.stringify(seen)).not.toContain("PROPOSED");
    expect(JSON.stringify(seen)).not.toContain("Intern:");
    // The staff view is not changed by it.
    expect(detail.status).toBe("PROPOSED");
    expect(detail.timeline).toHaveLength(3);

    // The dossier list on "Mijn dossiers" says the same as the dossier page.
    const listed = (await listOrganisationApplications(organisation.id)).find((item) => item.id === application.id);
    expect(listed?.status).toBe("IN_REVIEW");

    // A decider sends it back, a new proposal follows, then the decision.
    await step(application.id, "IN_REVIEW", "DECIDER", "Intern: budget eerst nakijken.");
    await step(application.id, "PROPOSED", "REVIEWER", "Intern: voorstel om 60% toe te kennen.");
    await step(application.id, "PARTIALLY_APPROVED", "DECIDER", "U ontvangt 60% van het gevraagde bedrag.");

    const decided = forApplicant(await applicationDetail(application.id));
    expect(decided.status).toBe("PARTIALLY_APPROVED");
    expect(decided.timeline.map((event) => ({ status: event.status, actorRole: event.actorRole, reason: event.reason }))).toEqual([
      { status: "SUBMITTED", actorRole: "APPLICANT", reason: null },
      { status: "IN_REVIEW", actorRole: "REVIEWER", reason: null },
      { status: "PARTIALLY_APPROVED", actorRole: "DECIDER", reason: "U ontvangt 60% van het gevraagde bedrag." },
    ]);
    expect(JSON.stringify(decided)).not.toContain("PROPOSED");
    expect(JSON.stringify(decided)).not.toContain("Intern:");
    expect((await applicationDetail(application.id)).timeline).toHaveLength(6);
  });

  it("keeps the applicant's own and the reviewer's visible steps, including their reasons", async () => {
    const application = await dossier("IN_REVIEW");
    await step(application.id, "INFO_REQUESTED", "REVIEWER", "Voeg de begroting toe.");
    await step(application.id, "IN_REVIEW", "APPLICANT");
    const seen = forApplicant(await applicationDetail(application.id));
    expect(seen.status).toBe("IN_REVIEW");
    expect(seen.timeline.map((event) => [event.fromStatus, event.status, event.reason])).toEqual([
      ["IN_REVIEW", "INFO_REQUESTED", "Voeg de begroting toe."],
      ["INFO_REQUESTED", "IN_REVIEW", null],
    ]);
  });
});

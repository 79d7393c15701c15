import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "~/auth/viewer.server";
import { prisma } from "~/db.server";
import type { Viewer } from "~/domain/permissions";
import { PAYMENT_MESSAGES } from "~/grants/payment-status";
import {
  approvePaymentOrder,
  callPaymentFigures,
  cancelPaymentOrder,
  markPaymentPaid,
  PAYMENT_ROLE_MESSAGES,
  prepareAdvance,
  settleGrant,
} from "~/grants/payments.server";
import { defaultPhases, phaseProfileFor } from "~/grants/phases";
import { formatCents } from "~/utils/money";
import { oefenkansenDraft } from "../support/answers";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";

// Payment and recovery orders against the test's own database (SQLite file or PostgreSQL):
// four-eyes, the grant and the envelope never exceeded, also when orders are prepared at once.

let reviewer: Viewer;
let decider: Viewer;
let applicant: Viewer;
let seq = 0;

async function viewer(user: { id: string }, organisationId: string | null = null): Promise<Viewer> {
  return (await loadViewer(user.id, organisationId))!;
}

const PHASES = defaultPhases(phaseProfileFor("oefenkansen", "FUNDING"), { startsOn: "2026-01-01", endsOn: "2026-12-31" });

async function callWith(budgetCents: number) {
  const call = await createProgrammeAndCall(prisma, {
    opensAt: new Date("2025-11-01"),
    closesAt: new Date("2025-12-15"),
    settings: { phases: PHASES },
  });
  await prisma.call.update({ where: { id: call.id }, data: { budgetCents } });
  return call;
}

/** A dossier decided with `grantedCents`, written straight to the database (the decision itself is tested elsewhere). */
async function grantedDossier(callId: string, grantedCents: number, status = "APPROVED") {
  const n = ++seq;
  const organisation = await createOrganisation(prisma, { name: `Gemeente ${n}` });
  const application = await createApplication(prisma, { callId, organisationId: organisation.id, status, data: oefenkansenDraft() });
  await prisma.application.update({
    where: { id: application.id },
    data: { grantedCents, reference: `OEF-2026-${String(n).padStart(4, "0")}` },
  });
  return application;
}

beforeAll(async () => {
  reviewer = await viewer(await createUser(prisma, { staffRoles: ["REVIEWER"] }));
  decider = await viewer(await createUser(prisma, { staffRoles: ["DECIDER"] }));
  const organisation = await createOrganisation(prisma, { name: "Gemeente van de aanvrager" });
  applicant = await viewer(await createUser(prisma, { memberOf: [organisation.id] }), organisation.id);
});

afterAll(async () => prisma.$disconnect());

describe("an Oefenkansen grant's money", () => {
  it("pays a 60% advance after four-eyes approval, then the balance from the realised reach", async () => {
    const call = await callWith(10_000_000);
    const dossier = await grantedDossier(call.id, 1_800_000);

    expect(await prepareAdvance({ viewer: applicant, applicationId: dossier.id, phaseKey: "voorschot" })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.notPreparer,
    });
    const advance = await prepareAdvance({ viewer: reviewer, applicationId: dossier.id, phaseKey: "voorschot" });
    if (!advance.ok) throw new Error(advance.message);
    const order = await prisma.paymentOrder.findUniqueOrThrow({ where: { id: advance.orderId } });
    expect(order).toMatchObject({ kind: "ADVANCE", status: "TO_APPROVE", amountCents: 1_080_000, iban: "BE68539007547034" });
    expect(await prepareAdvance({ viewer: reviewer, applicationId: dossier.id, phaseKey: "voorschot" })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.alreadyPrepared,
    });

    expect(
      await markPaymentPaid({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId, paidOn: "2026-02-02" }),
    ).toMatchObject({ ok: false });
    expect(await approvePaymentOrder({ viewer: reviewer, applicationId: dossier.id, orderId: advance.orderId })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.notApprover,
    });
    expect(await approvePaymentOrder({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId })).toEqual({
      ok: true,
      orderId: advance.orderId,
    });
    expect(await markPaymentPaid({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId, paidOn: "2026-02-30" })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.invalidDate,
    });
    expect(await markPaymentPaid({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId, paidOn: "2026-02-02" })).toEqual({
      ok: true,
      orderId: advance.orderId,
    });

    const settled = await settleGrant({ viewer: reviewer, applicationId: dossier.id, figures: { learnersReached: 280 } });
    if (!settled.ok) throw new Error(settled.message);
    expect(settled.settlement).toMatchObject({ settledCents: 1_680_000, balanceCents: 600_000, outcome: "BALANCE_PAYMENT" });
    expect(await prisma.paymentOrder.findUniqueOrThrow({ where: { id: settled.orderId! } })).toMatchObject({
      kind: "BALANCE",
      amountCents: 600_000,
    });
    expect(await settleGrant({ viewer: reviewer, applicationId: dossier.id, figures: { learnersReached: 280 } })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.alreadySettled,
    });
    expect(await callPaymentFigures(call.id)).toEqual({ committedCents: 1_680_000, paidCents: 1_080_000, recoveredCents: 0 });

    const trail = await prisma.auditEvent.findMany({
      where: { applicationId: dossier.id },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(trail.map((line) => line.action)).toEqual([
      "payment.prepared",
      "payment.approved",
      "payment.paid",
      "grant.settled",
      "payment.prepared",
    ]);
  });

  it("prepares a recovery when the reach stays below what the advance paid for; it frees the envelope only once received", async () => {
    const call = await callWith(10_000_000);
    const dossier = await grantedDossier(call.id, 1_800_000);
    const advance = await prepareAdvance({ viewer: reviewer, applicationId: dossier.id, phaseKey: "voorschot" });
    if (!advance.ok) throw new Error(advance.message);
    await approvePaymentOrder({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId });
    await markPaymentPaid({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId, paidOn: "2026-02-02" });

    const settled = await settleGrant({ viewer: reviewer, applicationId: dossier.id, figures: { learnersReached: 120 } });
    if (!settled.ok) throw new Error(settled.message);
    expect(settled.settlement.outcome).toBe("RECOVERY");
    const recovery = await prisma.paymentOrder.findUniqueOrThrow({ where: { id: settled.orderId! } });
    expect(recovery).toMatchObject({ kind: "RECOVERY", amountCents: 360_000 });
    expect((await callPaymentFigures(call.id)).committedCents).toBe(1_080_000);
    await approvePaymentOrder({ viewer: decider, applicationId: dossier.id, orderId: recovery.id });
    await markPaymentPaid({ viewer: decider, applicationId: dossier.id, orderId: recovery.id, paidOn: "2026-03-01" });
    expect(await callPaymentFigures(call.id)).toEqual({ committedCents: 720_000, paidCents: 1_080_000, recoveredCents: 360_000 });
  });

  it("pays nothing on a refused dossier, and a prepared order can be cancelled with a reason", async () => {
    const call = await callWith(10_000_000);
    const refused = await grantedDossier(call.id, 0, "REFUSED");
    expect(await prepareAdvance({ viewer: reviewer, applicationId: refused.id, phaseKey: "voorschot" })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.notGranted,
    });
    const dossier = await grantedDossier(call.id, 1_000_000);
    const advance = await prepareAdvance({ viewer: reviewer, applicationId: dossier.id, phaseKey: "voorschot" });
    if (!advance.ok) throw new Error(advance.message);
    expect(await cancelPaymentOrder({ viewer: decider, applicationId: dossier.id, orderId: advance.orderId, reason: "  " })).toEqual({
      ok: false,
      message: PAYMENT_MESSAGES.reasonRequired,
    });
    expect(
      await cancelPaymentOrder({
        viewer: decider,
        applicationId: dossier.id,
        orderId: advance.orderId,
        reason: "Verkeerd rekeningnummer.",
      }),
    ).toMatchObject({
      ok: true,
    });
    expect((await callPaymentFigures(call.id)).committedCents).toBe(0);
    // Cancelled: the phase can be prepared again.
    expect(await prepareAdvance({ viewer: reviewer, applicationId: dossier.id, phaseKey: "voorschot" })).toMatchObject({ ok: true });
  });
});

describe("an order named from another dossier", () => {
  it("is refused: a dossier's page acts only on its own orders", async () => {
    const call = await callWith(10_000_000);
    const mine = await grantedDossier(call.id, 1_000_000);
    const other = await grantedDossier(call.id, 1_000_000);
    const advance = await prepareAdvance({ viewer: reviewer, applicationId: other.id, phaseKey: "voorschot" });
    if (!advance.ok) throw new Error(advance.message);
    expect(await approvePaymentOrder({ viewer: decider, applicationId: mine.id, orderId: advance.orderId })).toEqual({
      ok: false,
      message: PAYMENT_ROLE_MESSAGES.noSuchOrder,
    });
    expect((await prisma.paymentOrder.findUniqueOrThrow({ where: { id: advance.orderId } })).status).toBe("TO_APPROVE");
  });
});

describe("the envelope under concurrency", () => {
  it("never lets advances prepared at the same moment add up to more than the call's envelope", async () => {
    // Twelve grants of € 10.000 (advances of € 6.000) on an envelope lowered to € 40.000 after
    // the decisions: six advances fit, whatever order the twelve simultaneous requests run in.
    const call = await callWith(12_000_000);
    const dossiers = await Promise.all(Array.from({ length: 12 }, () => grantedDossier(call.id, 1_000_000)));
    await prisma.call.update({ where: { id: call.id }, data: { budgetCents: 4_000_000 } });
    const results = await Promise.all(
      dossiers.map((d) => prepareAdvance({ viewer: reviewer, applicationId: d.id, phaseKey: "voorschot" })),
    );
    const accepted = results.filter((r) => r.ok);
    expect(accepted).toHaveLength(6);
    // Serialised: every later request sees the € 4.000 left, whichever came seventh.
    const refusals = new Set(results.flatMap((r) => (r.ok ? [] : [r.message])));
    expect([...refusals]).toEqual([PAYMENT_MESSAGES.overEnvelope(formatCents(400_000))]);
    expect((await callPaymentFigures(call.id)).committedCents).toBe(3_600_000);
  });

  it("prepares one advance when the same phase is asked for twice at once", async () => {
    const call = await callWith(10_000_000);
    const dossier = await grantedDossier(call.id, 1_000_000);
    const results = await Promise.all(
      [1, 2, 3].map(() => prepareAdvance({ viewer: reviewer, applicationId: dossier.id, phaseKey: "voorschot" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await prisma.paymentOrder.count({ where: { applicationId: dossier.id } })).toBe(1);
  });
});

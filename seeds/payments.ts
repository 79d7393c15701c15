/**
 * The advances of decided sample dossiers in the 2026 calls, paid the way the portal pays them
 * (app/grants/payments.server.ts): prepared by the reviewer who proposed, approved by the
 * decider, paid a week after the decision, each step audited. A newcomer then finds a grant
 * whose advance is paid and whose report is open. A dossier whose advance exists is left alone.
 */
import { ibanFromAnswers } from "~/applications/dossier-iban";
import { recordAudit } from "~/audit/audit.server";
import type { PrismaClient } from "~/db.server";
import { GRANTED_STATUSES } from "~/domain/application-status";
import { advancePhases, callGrantPhases } from "~/grants/phases";
import { advanceCents } from "~/grants/settlement";
import { parseJsonObject } from "~/utils/json";
import { addDays, brusselsDate } from "~/utils/time";
import { tally, type Outcome, type Tally } from "./sync";

export async function seedAdvancePayments(prisma: PrismaClient): Promise<Tally> {
  const dossiers = await prisma.application.findMany({
    where: {
      status: { in: [...GRANTED_STATUSES] },
      grantedCents: { gt: 0 },
      decidedAt: { not: null },
      decidedById: { not: null },
      proposedById: { not: null },
      call: { isDemo: false },
    },
    select: {
      id: true,
      callId: true,
      organisationId: true,
      data: true,
      grantedCents: true,
      decidedAt: true,
      decidedById: true,
      proposedById: true,
      call: { select: { settings: true } },
      paymentOrders: { select: { phaseKey: true } },
    },
    orderBy: { decidedAt: "asc" },
  });
  const outcomes: Outcome[] = [];
  for (const dossier of dossiers) {
    const phase = advancePhases(callGrantPhases(parseJsonObject(dossier.call.settings)))[0];
    const iban = ibanFromAnswers(dossier.data);
    if (!phase || !iban || dossier.paymentOrders.some((order) => order.phaseKey === phase.key)) {
      outcomes.push("unchanged");
      continue;
    }
    const decidedAt = dossier.decidedAt!;
    const preparedAt = addDays(decidedAt, 1);
    const approvedAt = addDays(decidedAt, 2);
    const paidOn = brusselsDate(addDays(decidedAt, 7));
    const amountCents = advanceCents(dossier.grantedCents!, phase.sharePercent);
    await prisma.$transaction(async (tx) => {
      const order = await tx.paymentOrder.create({
        data: {
          applicationId: dossier.id,
          callId: dossier.callId,
          kind: "ADVANCE",
          status: "PAID",
          amountCents,
          iban,
          phaseKey: phase.key,
          createdById: dossier.proposedById!,
          createdAt: preparedAt,
          approvedById: dossier.decidedById,
          approvedAt,
          paidOn,
        },
      });
      const common = { entityType: "PaymentOrder", entityId: order.id, applicationId: dossier.id, organisationId: dossier.organisationId };
      const payment = { kind: "ADVANCE", amountCents };
      await recordAudit(tx, {
        ...common,
        actorId: dossier.proposedById,
        actorRole: "REVIEWER",
        action: "payment.prepared",
        after: { ...payment, phaseKey: phase.key, iban },
        at: preparedAt,
      });
      await recordAudit(tx, {
        ...common,
        actorId: dossier.decidedById,
        actorRole: "DECIDER",
        action: "payment.approved",
        before: { status: "TO_APPROVE", ...payment },
        after: { status: "APPROVED" },
        at: approvedAt,
      });
      await recordAudit(tx, {
        ...common,
        actorId: dossier.decidedById,
        actorRole: "DECIDER",
        action: "payment.paid",
        before: { status: "APPROVED", ...payment },
        after: { status: "PAID", paidOn },
        at: addDays(decidedAt, 7),
      });
    });
    outcomes.push("created");
  }
  return tally(outcomes);
}

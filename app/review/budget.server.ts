import type { PrismaClient, Tx } from "~/db.server";
import { GRANTED_STATUSES } from "~/domain/application-status";
import { budgetFigures, type BudgetFigures } from "./budget";

/** Envelope, granted (decided) and proposed (awaiting a decision) amounts of a call. */
export async function callBudget(db: Tx | PrismaClient, callId: string): Promise<BudgetFigures> {
  const [call, granted, proposed] = await Promise.all([
    db.call.findUniqueOrThrow({ where: { id: callId }, select: { budgetCents: true } }),
    db.application.aggregate({ where: { callId, status: { in: [...GRANTED_STATUSES] } }, _sum: { grantedCents: true } }),
    db.application.aggregate({ where: { callId, status: "PROPOSED" }, _sum: { proposedCents: true } }),
  ]);
  return budgetFigures(call.budgetCents, granted._sum.grantedCents ?? 0, proposed._sum.proposedCents ?? 0);
}

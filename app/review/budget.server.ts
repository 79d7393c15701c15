import type { PrismaClient, Tx } from "~/db.server";
import { budgetFigures, type BudgetFigures } from "./budget";

const GRANTED = ["APPROVED", "PARTIALLY_APPROVED"];

/** Envelope, granted (decided) and proposed (awaiting a decision) amounts of a call. */
export async function callBudget(db: Tx | PrismaClient, callId: string): Promise<BudgetFigures> {
  const [call, granted, proposed] = await Promise.all([
    db.call.findUniqueOrThrow({ where: { id: callId }, select: { budgetCents: true } }),
    db.application.aggregate({ where: { callId, status: { in: GRANTED } }, _sum: { grantedCents: true } }),
    db.application.aggregate({ where: { callId, status: "PROPOSED" }, _sum: { proposedCents: true } }),
  ]);
  return budgetFigures(call.budgetCents, granted._sum.grantedCents ?? 0, proposed._sum.proposedCents ?? 0);
}

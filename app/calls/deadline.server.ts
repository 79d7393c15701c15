import type { PrismaClient, Tx } from "~/db.server";
import { combineDeadline, type Deadline } from "./deadline";

/**
 * The last accepted instant for one organisation in one call, read from the database (the
 * dossier query reads the same two dates in its join and combines them with the same rule).
 */
export async function effectiveClosesAt(db: Tx | PrismaClient, callId: string, organisationId: string): Promise<Deadline> {
  const [call, extension] = await Promise.all([
    db.call.findUniqueOrThrow({ where: { id: callId }, select: { closesAt: true } }),
    db.deadlineExtension.findUnique({
      where: { callId_organisationId: { callId, organisationId } },
      select: { closesAt: true },
    }),
  ]);
  return combineDeadline(call.closesAt, extension?.closesAt ?? null);
}

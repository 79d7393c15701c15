import type { PrismaClient, Tx } from "~/db.server";

/**
 * The last accepted instant for one organisation in one call: the call's `closesAt`, or the
 * later date of an extension granted to that organisation. The only place that combines them.
 */
export async function effectiveClosesAt(
  db: Tx | PrismaClient,
  callId: string,
  organisationId: string,
): Promise<{ closesAt: Date; extended: boolean; callClosesAt: Date }> {
  const [call, extension] = await Promise.all([
    db.call.findUniqueOrThrow({ where: { id: callId }, select: { closesAt: true } }),
    db.deadlineExtension.findUnique({
      where: { callId_organisationId: { callId, organisationId } },
      select: { closesAt: true },
    }),
  ]);
  const extended = extension !== null && extension.closesAt > call.closesAt;
  return { closesAt: extended ? extension.closesAt : call.closesAt, extended, callClosesAt: call.closesAt };
}

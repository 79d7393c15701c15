import type { Tx } from "~/db.server";
import type { ActorRole } from "~/domain/roles";

export type AuditInput = {
  actorId: string | null;
  actorRole: ActorRole;
  action: string;
  entityType: string;
  entityId: string;
  applicationId?: string;
  organisationId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  at?: Date;
};

/**
 * Appends one line to the audit trail, inside the caller's transaction so that the change
 * and its record stand or fall together. The table refuses updates and deletes.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      actorRole: input.actorRole,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      applicationId: input.applicationId,
      organisationId: input.organisationId,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      reason: input.reason,
      ...(input.at ? { at: input.at } : {}),
    },
  });
}

import { newId } from "~/db/ids";
import { sql } from "~/db/sql";
import { asSqlDb, type AnyDb } from "~/db/sql.server";
import { now } from "~/utils/clock.server";
import type { ActorRole } from "~/domain/roles";
import type { AuditAction } from "./audit-sentences";

export type AuditInput = {
  actorId: string | null;
  actorRole: ActorRole;
  /** One of AUDIT_ACTIONS: each has its sentence for the pages (audit-sentences.ts) */
  action: AuditAction;
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
export async function recordAudit(db: AnyDb, input: AuditInput): Promise<void> {
  const on = await asSqlDb(db);
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await on.execute(sql`
    INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorRole", "action", "entityType", "entityId", "applicationId",
      "organisationId", "before", "after", "reason")
    VALUES (${newId()}, ${input.at ?? now()}, ${input.actorId}, ${input.actorRole}, ${input.action}, ${input.entityType},
      ${input.entityId}, ${input.applicationId ?? null}, ${input.organisationId ?? null}, ${json(input.before)}, ${json(input.after)},
      ${input.reason ?? null})`);
}

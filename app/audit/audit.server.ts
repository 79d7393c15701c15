import { newId } from "~/db/ids";
import { sql, type Sql } from "~/db/sql";
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

const AUDIT_COLUMNS = sql`"id", "at", "actorId", "actorRole", "action", "entityType", "entityId", "applicationId",
  "organisationId", "before", "after", "reason"`;

/** The line's values in the order of AUDIT_COLUMNS; `at` may be cast by the caller. */
function auditValues(input: AuditInput, at: (value: Date) => Sql = (value) => sql`${value}`): Sql {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return sql`${newId()}, ${at(input.at ?? now())}, ${input.actorId}, ${input.actorRole}, ${input.action}, ${input.entityType},
    ${input.entityId}, ${input.applicationId ?? null}, ${input.organisationId ?? null}, ${json(input.before)}, ${json(input.after)},
    ${input.reason ?? null}`;
}

/**
 * Appends one line to the audit trail, inside the caller's transaction so that the change
 * and its record stand or fall together. The table refuses updates and deletes.
 */
export async function recordAudit(db: AnyDb, input: AuditInput): Promise<void> {
  const on = await asSqlDb(db);
  await on.execute(sql`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) VALUES (${auditValues(input)})`);
}

/**
 * PostgreSQL only: the same line as a statement for a data-modifying WITH, written once for
 * every row of `source` (a WITH query of the same statement, e.g. the update it records). The
 * change and its line then take one round trip, not two (docs/decisions/0049). Its values are
 * not in a VALUES list, so PostgreSQL cannot infer the instant's type from the column: it is cast.
 */
export function auditInsertFor(source: Sql, input: AuditInput): Sql {
  const values = auditValues(input, (value) => sql`CAST(${value} AS TIMESTAMP(3))`);
  return sql`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) SELECT ${values} FROM ${source}`;
}

import { decode, decodeRows, list, sql } from "~/db/sql";
import { asSqlDb, type AnyDb } from "~/db/sql.server";
import type { StaffRole } from "~/domain/roles";

export type Recipient = { userId: string; email: string; firstName: string; lastName: string };

/** One message per address, whatever the letter case (User.email is unique, but typed by people). */
function uniqueByAddress(users: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return users.filter((user) => {
    const key = user.email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const RECIPIENT_COLUMNS = { userId: decode.text, email: decode.text, firstName: decode.text, lastName: decode.text };

/**
 * Who hears about an organisation's dossier: every member with an active account who did not
 * opt out, plus the official who submitted it even if they opted out (it is their submission).
 * A submitter who left the organisation or was deactivated is not written to any more.
 */
export async function applicantRecipients(db: AnyDb, organisationId: string, submittedById: string | null = null): Promise<Recipient[]> {
  const on = await asSqlDb(db);
  const rows = await on.query(sql`
    SELECT u."id" AS "userId", u."email", u."firstName", u."lastName"
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."organisationId" = ${organisationId} AND u."deactivatedAt" IS NULL
      AND (m."emailOptIn" = ${true} OR m."userId" = ${submittedById})
    ORDER BY m."createdAt" ASC, m."id" ASC`);
  return uniqueByAddress(decodeRows(RECIPIENT_COLUMNS, rows));
}

/** Active staff with one of the roles, except the person who caused the message. */
export async function staffRecipients(db: AnyDb, roles: readonly StaffRole[], exceptUserId: string | null = null): Promise<Recipient[]> {
  const on = await asSqlDb(db);
  const rows = await on.query(sql`
    SELECT u."id" AS "userId", u."email", u."firstName", u."lastName" FROM "User" u
    WHERE u."deactivatedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "StaffRole" r WHERE r."userId" = u."id" AND r."role" IN (${list(roles)}))
      ${exceptUserId ? sql`AND u."id" <> ${exceptUserId}` : sql``}
    ORDER BY u."email" ASC`);
  return uniqueByAddress(decodeRows(RECIPIENT_COLUMNS, rows));
}

import { data, redirect } from "@remix-run/node";
import { isReadOnlyOrganisation, organisationKindSchema } from "~/domain/organisation";
import {
  canEditApplication,
  canViewApplication,
  hasRole,
  type Viewer,
} from "~/domain/permissions";
import { staffRoleSchema, type StaffRole } from "~/domain/roles";
import { decode, decodeRows, nullable, sql } from "~/db/sql";
import { sqlDb, type SqlDb } from "~/db/sql.server";
import { now } from "~/utils/clock.server";
import { getCookieSession } from "./session.server";

/**
 * The one gate every loader and action passes: who is asking, and may they see or change this
 * record? Decisions themselves are pure functions in app/domain/permissions.ts. The viewer is
 * read once per request (the root loader and the route's loader share it), in three short
 * statements on the fast lane (app/db/sql.server.ts): every page view pays for them.
 */
const viewers = new WeakMap<Request, Promise<Viewer | null>>();

export function getViewer(request: Request): Promise<Viewer | null> {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = readViewer(request);
    viewers.set(request, viewer);
  }
  return viewer;
}

async function readViewer(request: Request): Promise<Viewer | null> {
  const cookieSession = await getCookieSession(request);
  const sessionId = cookieSession.get("sessionId");
  if (typeof sessionId !== "string") return null;
  const chosen = cookieSession.get("organisationId");
  const db = await sqlDb();
  const [user] = decodeRows(
    { id: decode.text, email: decode.text, firstName: decode.text, lastName: decode.text },
    await db.query(sql`
      SELECT u."id", u."email", u."firstName", u."lastName" FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${sessionId} AND s."expiresAt" > ${now()} AND u."deactivatedAt" IS NULL`),
  );
  return user ? viewerOf(db, user, typeof chosen === "string" ? chosen : null) : null;
}

/** The viewer for a user acting for one of their organisations (the first active one by default). */
export async function loadViewer(userId: string, chosenOrganisationId: string | null): Promise<Viewer | null> {
  const db = await sqlDb();
  const [user] = decodeRows(
    { id: decode.text, email: decode.text, firstName: decode.text, lastName: decode.text },
    await db.query(sql`SELECT "id", "email", "firstName", "lastName" FROM "User" WHERE "id" = ${userId}`),
  );
  return user ? viewerOf(db, user, chosenOrganisationId) : null;
}

async function viewerOf(
  db: SqlDb,
  user: { id: string; email: string; firstName: string; lastName: string },
  chosenOrganisationId: string | null,
): Promise<Viewer> {
  const [organisations, roles] = await Promise.all([
    db.query(sql`
      SELECT o."id", o."name", o."kind", o."successorId" FROM "Membership" m JOIN "Organisation" o ON o."id" = m."organisationId"
      WHERE m."userId" = ${user.id} ORDER BY o."name" ASC, o."id" ASC`),
    db.query(sql`SELECT "role" FROM "StaffRole" WHERE "userId" = ${user.id} ORDER BY "role"`),
  ]);
  const memberships = decodeRows({ id: decode.text, name: decode.text, kind: decode.text, successorId: nullable(decode.text) }, organisations).map(
    (organisation) => ({
      organisationId: organisation.id,
      name: organisation.name,
      kind: organisationKindSchema.parse(organisation.kind),
      readOnly: isReadOnlyOrganisation(organisation),
    }),
  );
  const active =
    memberships.find((m) => m.organisationId === chosenOrganisationId) ??
    memberships.find((m) => !m.readOnly) ??
    memberships[0];
  return {
    userId: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    staffRoles: decodeRows({ role: decode.text }, roles).map(({ role }) => staffRoleSchema.parse(role)),
    memberships,
    activeOrganisationId: active?.organisationId ?? null,
  };
}

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (viewer) return viewer;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  throw redirect(`/aanmelden?${params}`);
}

export function forbidden(message = "U hebt geen toegang tot deze pagina."): never {
  throw data({ message }, { status: 403 });
}

export function notFound(message = "Deze pagina bestaat niet (meer)."): never {
  throw data({ message }, { status: 404 });
}

export async function requireStaff(request: Request, ...roles: StaffRole[]): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!hasRole(viewer, ...roles)) forbidden();
  return viewer;
}

/** The viewer and the organisation they act for; officials without one cannot continue. */
export async function requireActiveOrganisation(request: Request) {
  const viewer = await requireViewer(request);
  const membership = viewer.memberships.find((m) => m.organisationId === viewer.activeOrganisationId);
  if (!membership) forbidden("U bent nog geen lid van een organisatie. Vraag een collega om u uit te nodigen.");
  return { viewer, membership };
}

/**
 * Loads a dossier for the viewer. Someone who may not see it gets the same 404 as for a
 * dossier that does not exist, so URLs reveal nothing about other organisations.
 */
export async function requireApplicationAccess(
  request: Request,
  applicationId: string,
  intent: "view" | "edit" = "view",
) {
  const viewer = await requireViewer(request);
  const db = await sqlDb();
  const [application] = decodeRows(
    { id: decode.text, organisationId: decode.text, callId: decode.text, status: decode.text },
    await db.query(sql`SELECT "id", "organisationId", "callId", "status" FROM "Application" WHERE "id" = ${applicationId}`),
  );
  if (!application || !canViewApplication(viewer, application)) {
    notFound("Dit dossier bestaat niet of u hebt er geen toegang toe.");
  }
  if (intent === "edit" && !canEditApplication(viewer, application)) {
    forbidden("U kunt dit dossier niet wijzigen.");
  }
  return { viewer, application };
}

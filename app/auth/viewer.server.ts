import { data, redirect } from "@remix-run/node";
import { isReadOnlyOrganisation, organisationKindSchema } from "~/domain/organisation";
import { canEditApplication, canViewApplication, hasRole, type Viewer } from "~/domain/permissions";
import { staffRoleSchema, type StaffRole } from "~/domain/roles";
import { DossierNotFoundError, loadDossier, type Dossier } from "~/applications/dossier.server";
import { decode, decodeRows, nullable, sql, type Sql } from "~/db/sql";
import { sqlDb } from "~/db/sql.server";
import { now } from "~/utils/clock.server";
import { perLoaderRequest, perRequest, requestKey } from "~/utils/request-scope.server";
import { getCookieSession } from "./session.server";

/**
 * The one gate every loader and action passes: who is asking, and may they see or change this
 * record? Decisions themselves are pure functions in app/domain/permissions.ts. The viewer is
 * read once per request (the root loader and the route's loader share it), in one statement
 * on the fast lane (app/db/sql.server.ts): every page view pays for it.
 */
const VIEWER = requestKey<Promise<Viewer | null>>("viewer");

export function getViewer(request: Request): Promise<Viewer | null> {
  return perRequest(VIEWER, () => readViewer(request));
}

async function readViewer(request: Request): Promise<Viewer | null> {
  const cookieSession = await getCookieSession(request);
  const sessionId = cookieSession.get("sessionId");
  if (typeof sessionId !== "string") return null;
  const chosen = cookieSession.get("organisationId");
  return viewerOf(
    {
      from: sql`FROM "Session" s JOIN "User" u ON u."id" = s."userId"`,
      where: sql`WHERE s."id" = ${sessionId} AND s."expiresAt" > ${now()} AND u."deactivatedAt" IS NULL`,
    },
    typeof chosen === "string" ? chosen : null,
  );
}

/** The viewer for a user acting for one of their organisations (the first active one by default). */
export async function loadViewer(userId: string, chosenOrganisationId: string | null): Promise<Viewer | null> {
  return viewerOf({ from: sql`FROM "User" u`, where: sql`WHERE u."id" = ${userId}` }, chosenOrganisationId);
}

const VIEWER_COLUMNS = {
  id: decode.text,
  email: decode.text,
  firstName: decode.text,
  lastName: decode.text,
  organisationId: nullable(decode.text),
  organisationName: nullable(decode.text),
  organisationKind: nullable(decode.text),
  successorId: nullable(decode.text),
  role: nullable(decode.text),
};

/**
 * The user that `from … where` selects (as `u`), with their organisations and staff roles, in
 * one statement: a row per membership (or one without), then a row per role.
 */
async function viewerOf(user: { from: Sql; where: Sql }, chosenOrganisationId: string | null): Promise<Viewer | null> {
  const rows = decodeRows(
    VIEWER_COLUMNS,
    await (
      await sqlDb()
    ).query(sql`
      SELECT u."id", u."email", u."firstName", u."lastName", o."id" AS "organisationId", o."name" AS "organisationName",
        o."kind" AS "organisationKind", o."successorId", NULL AS "role"
      ${user.from} LEFT JOIN "Membership" m ON m."userId" = u."id" LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
      ${user.where}
      UNION ALL
      SELECT u."id", u."email", u."firstName", u."lastName", NULL, NULL, NULL, NULL, r."role"
      ${user.from} JOIN "StaffRole" r ON r."userId" = u."id"
      ${user.where}`),
  );
  const [first] = rows;
  if (!first) return null;
  const memberships = rows
    .flatMap(({ organisationId, organisationName, organisationKind, successorId }) =>
      organisationId !== null && organisationName !== null
        ? [
            {
              organisationId,
              name: organisationName,
              kind: organisationKindSchema.parse(organisationKind),
              readOnly: isReadOnlyOrganisation({ successorId }),
            },
          ]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name, "nl-BE") || (a.organisationId < b.organisationId ? -1 : 1));
  const active =
    memberships.find((m) => m.organisationId === chosenOrganisationId) ?? memberships.find((m) => !m.readOnly) ?? memberships[0];
  return {
    userId: first.id,
    email: first.email,
    firstName: first.firstName,
    lastName: first.lastName,
    staffRoles: rows.flatMap(({ role }) => (role === null ? [] : [staffRoleSchema.parse(role)])).sort(),
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
 * The access check of an action that needs only whose dossier it is (one narrow row; an action
 * reads fresh, see requireDossierAccess for pages). Someone who may not see it gets the same
 * 404 as for a dossier that does not exist, so URLs reveal nothing about other organisations.
 */
export async function requireApplicationAccess(request: Request, applicationId: string, intent: "view" | "edit" = "view") {
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

/**
 * The dossier itself, for the viewer: its pages need all of it anyway, so the access check
 * reads it once instead of first a row and then the dossier. The loaders of one page view
 * (the dossier layout's and the page's) share that one read; an action reads it fresh.
 */
export async function requireDossierAccess(request: Request, applicationId: string, intent: "view" | "edit" = "view") {
  const viewer = await requireViewer(request);
  const dossier = await dossierFor(request, applicationId);
  if (!dossier || !canViewApplication(viewer, dossier)) notFound("Dit dossier bestaat niet of u hebt er geen toegang toe.");
  if (intent === "edit" && !canEditApplication(viewer, dossier)) forbidden("U kunt dit dossier niet wijzigen.");
  return { viewer, dossier };
}

const DOSSIERS = requestKey<Map<string, Promise<Dossier | null>>>("dossiers");

function dossierFor(request: Request, applicationId: string): Promise<Dossier | null> {
  const read = perLoaderRequest(request, DOSSIERS, () => new Map<string, Promise<Dossier | null>>());
  let dossier = read.get(applicationId);
  if (!dossier) {
    dossier = loadDossier(applicationId).catch((error: unknown) => {
      if (error instanceof DossierNotFoundError) return null;
      throw error;
    });
    read.set(applicationId, dossier);
  }
  return dossier;
}

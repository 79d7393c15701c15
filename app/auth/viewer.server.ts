import { data, redirect } from "@remix-run/node";
import { prisma } from "~/db.server";
import { isReadOnlyOrganisation, organisationKindSchema } from "~/domain/organisation";
import {
  canEditApplication,
  canViewApplication,
  hasRole,
  type Viewer,
} from "~/domain/permissions";
import { staffRoleSchema, type StaffRole } from "~/domain/roles";
import { getCookieSession, getSessionUserId } from "./session.server";

/**
 * The one gate every loader and action passes: who is asking, and may they see or change this
 * record? Decisions themselves are pure functions in app/domain/permissions.ts.
 */
export async function getViewer(request: Request): Promise<Viewer | null> {
  const userId = await getSessionUserId(request);
  if (!userId) return null;
  const chosen = (await getCookieSession(request)).get("organisationId");
  return loadViewer(userId, typeof chosen === "string" ? chosen : null);
}

/** The viewer for a user acting for one of their organisations (the first active one by default). */
export async function loadViewer(userId: string, chosenOrganisationId: string | null): Promise<Viewer | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      staffRoles: { select: { role: true } },
      memberships: {
        select: { organisation: { select: { id: true, name: true, kind: true, successorId: true } } },
        orderBy: { organisation: { name: "asc" } },
      },
    },
  });
  if (!user) return null;
  const memberships = user.memberships.map(({ organisation }) => ({
    organisationId: organisation.id,
    name: organisation.name,
    kind: organisationKindSchema.parse(organisation.kind),
    readOnly: isReadOnlyOrganisation(organisation),
  }));
  const active =
    memberships.find((m) => m.organisationId === chosenOrganisationId) ??
    memberships.find((m) => !m.readOnly) ??
    memberships[0];
  return {
    userId: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    staffRoles: user.staffRoles.map(({ role }) => staffRoleSchema.parse(role)),
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
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: { id: true, organisationId: true, callId: true, status: true },
  });
  if (!application || !canViewApplication(viewer, application)) {
    notFound("Dit dossier bestaat niet of u hebt er geen toegang toe.");
  }
  if (intent === "edit" && !canEditApplication(viewer, application)) {
    forbidden("U kunt dit dossier niet wijzigen.");
  }
  return { viewer, application };
}

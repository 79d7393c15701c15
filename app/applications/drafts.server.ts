import { recordAudit } from "~/audit/audit.server";
import { callPhase } from "~/calls/call-state";
import { prisma } from "~/db.server";
import { sql } from "~/db/sql";
import { sqlDb } from "~/db/sql.server";
import {
  mergedOrganisationMessage,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  organisationKindSchema,
  type OrganisationKind,
} from "~/domain/organisation";
import type { Viewer } from "~/domain/permissions";
import { requireForm } from "~/forms/form-store.server";
import type { RawValues } from "~/forms/types";
import { pickFields } from "~/forms/values";
import { now } from "~/utils/clock.server";
import { dossierEditability, findStep, loadDossier, stepFingerprint, type Dossier } from "./dossier.server";
import { effectiveClosesAt } from "~/calls/deadline.server";
import { isOneOf } from "~/utils/guards";
import { defined } from "~/utils/invariant";

export const START_MESSAGES = {
  notOpen: "Deze oproep staat nu niet open voor aanvragen.",
  readOnly: (successor: string | null) =>
    successor ? mergedOrganisationMessage(successor) : "Deze organisatie kan geen aanvragen meer indienen.",
  notEligible: (kind: OrganisationKind, allowed: OrganisationKind[]) =>
    `Een ${ORGANISATION_KIND_LABELS[kind].toLowerCase()} kan geen aanvraag indienen voor deze oproep. Ze staat open voor: ${allowed
      .map((k) => ORGANISATION_KIND_LABELS[k].toLowerCase())
      .join(", ")}.`,
} as const;

export type Eligibility =
  | { kind: "existing"; applicationId: string }
  | { kind: "can-start"; formKey: string; formVersion: number }
  | { kind: "cannot"; message: string };

/**
 * Whether the viewer's active organisation may start a dossier in a call now: the call is
 * open for it, its kind is eligible, it was not merged into another. One dossier per
 * organisation per call: an existing one is returned instead.
 */
export async function eligibilityFor(viewer: Viewer, callId: string): Promise<Eligibility> {
  const organisationId = viewer.activeOrganisationId;
  if (!organisationId) return { kind: "cannot", message: "Kies eerst de organisatie waarvoor u werkt." };
  const existing = await prisma.application.findUnique({
    where: { callId_organisationId: { callId, organisationId } },
    select: { id: true },
  });
  if (existing) return { kind: "existing", applicationId: existing.id };
  const [call, organisation] = await Promise.all([
    prisma.call.findUnique({
      where: { id: callId },
      select: { opensAt: true, formKey: true, formVersion: true, eligibleKinds: { select: { organisationKind: true } } },
    }),
    prisma.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { kind: true, successorId: true, successor: { select: { name: true } } },
    }),
  ]);
  if (!call) return { kind: "cannot", message: "Deze oproep bestaat niet." };
  if (organisation.successorId) return { kind: "cannot", message: START_MESSAGES.readOnly(organisation.successor?.name ?? null) };
  const allowed = call.eligibleKinds.map((k) => k.organisationKind).filter((kind) => isOneOf(ORGANISATION_KINDS, kind));
  const kind = organisationKindSchema.parse(organisation.kind);
  if (!allowed.includes(kind)) return { kind: "cannot", message: START_MESSAGES.notEligible(kind, allowed) };
  const { closesAt } = await effectiveClosesAt(prisma, callId, organisationId);
  if (callPhase({ opensAt: call.opensAt, closesAt }, now()) !== "open") return { kind: "cannot", message: START_MESSAGES.notOpen };
  return { kind: "can-start", formKey: call.formKey, formVersion: call.formVersion };
}

export type StartResult =
  | { ok: true; applicationId: string; existing: true }
  | { ok: true; applicationId: string; existing: false; firstStepId: string }
  | { ok: false; message: string };

/** Starts the draft of the viewer's active organisation in a call (or finds the existing one). */
export async function startApplication(viewer: Viewer, callId: string): Promise<StartResult> {
  const eligibility = await eligibilityFor(viewer, callId);
  if (eligibility.kind === "cannot") return { ok: false, message: eligibility.message };
  if (eligibility.kind === "existing") return { ok: true, applicationId: eligibility.applicationId, existing: true };
  const organisationId = defined(viewer.activeOrganisationId, "the active organisation (eligibilityFor needs one)");
  const [organisation, user] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, kboNumber: true, province: true } }),
    prisma.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { firstName: true, lastName: true, email: true, phone: true } }),
  ]);
  const form = await requireForm(eligibility.formKey, eligibility.formVersion);
  const data = form.prefill?.({ user, organisation }) ?? {};
  const at = now();
  try {
    const application = await prisma.$transaction(async (tx) => {
      const created = await tx.application.create({
        data: {
          callId,
          organisationId,
          formKey: eligibility.formKey,
          formVersion: eligibility.formVersion,
          data: JSON.stringify(data),
          createdById: viewer.userId,
          createdAt: at,
          updatedAt: at,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: viewer.userId,
        actorRole: "APPLICANT",
        action: "application.status",
        entityType: "Application",
        entityId: created.id,
        applicationId: created.id,
        organisationId,
        after: { status: "DRAFT" },
        at,
      });
      return created;
    });
    return { ok: true, applicationId: application.id, existing: false, firstStepId: defined(form.steps[0], "the form's first step").id };
  } catch (error) {
    // A colleague started the same dossier a moment ago: use theirs.
    const raced = await prisma.application.findUnique({
      where: { callId_organisationId: { callId, organisationId } },
      select: { id: true },
    });
    if (raced) return { ok: true, applicationId: raced.id, existing: true };
    throw error;
  }
}

export type SaveStepInput = {
  viewer: Viewer;
  applicationId: string;
  stepId: string;
  /** The answers of this step as posted */
  values: RawValues;
  /** The version and step fingerprint the page was loaded with */
  baseVersion: number;
  baseFingerprint: string;
};

export type SaveStepResult =
  | { status: "saved"; version: number; fingerprint: string; savedAt: Date; changed: boolean }
  | {
      status: "conflict";
      /** What is stored now, for "see both" */
      theirs: RawValues;
      version: number;
      fingerprint: string;
      savedByName: string | null;
      savedAt: Date | null;
    }
  | { status: "refused"; message: string };

/**
 * Saves the answers of one step into the draft. Only that step's fields are written, so two
 * colleagues on different steps never disturb each other. A save based on an older version
 * of the same step's answers is refused with both versions, never silently overwritten.
 */
export async function saveStep(input: SaveStepInput, loaded?: Dossier): Promise<SaveStepResult> {
  // A caller that has just loaded the dossier passes it; a lost race reloads.
  const dossier = loaded ?? (await loadDossier(input.applicationId));
  const step = findStep(dossier.form, input.stepId);
  if (!step) return { status: "refused", message: "Deze stap bestaat niet." };
  const at = now();
  const editability = dossierEditability(input.viewer, dossier, at);
  if (!editability.editable) return { status: "refused", message: editability.message };

  const fingerprint = stepFingerprint(step, dossier.values);
  const conflict = (): SaveStepResult => ({
    status: "conflict",
    theirs: pickFields(step.fields, dossier.values),
    version: dossier.version,
    fingerprint,
    savedByName: dossier.lastSavedByName,
    savedAt: dossier.lastSavedAt,
  });
  const mine = pickFields(step.fields, input.values);
  const next = { ...dossier.values, ...mine };
  const nextFingerprint = stepFingerprint(step, next);
  // A save that changes nothing overwrites nothing, whatever version it was based on: e.g. the
  // button pressed while the autosave of the same answers was still on its way.
  if (nextFingerprint === fingerprint) {
    return { status: "saved", version: dossier.version, fingerprint, savedAt: dossier.lastSavedAt ?? at, changed: false };
  }
  if (dossier.version !== input.baseVersion && fingerprint !== input.baseFingerprint) return conflict();
  // Conditional on the version read: a save that slipped in between makes this one retry-able, not lost.
  // Plain SQL on the fast lane (app/db/sql.server.ts): every official's autosave comes here.
  const count = await (
    await sqlDb()
  ).execute(sql`
    UPDATE "Application" SET "data" = ${JSON.stringify(next)}, "version" = "version" + 1, "lastSavedAt" = ${at},
      "lastSavedById" = ${input.viewer.userId}, "updatedAt" = ${at}
    WHERE "id" = ${dossier.id} AND "version" = ${dossier.version} AND "status" = 'DRAFT'`);
  if (count !== 1) return saveStep(input);
  return { status: "saved", version: dossier.version + 1, fingerprint: nextFingerprint, savedAt: at, changed: true };
}

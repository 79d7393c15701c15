import { createHash } from "node:crypto";
import { combineDeadline } from "~/calls/deadline";
import { decode, decodeRows, nullable, sql } from "~/db/sql";
import { asSqlDb, type AnyDb, type SqlDb } from "~/db/sql.server";
import { applicationStatusSchema } from "~/domain/application-status";
import { requireForm, storedFormJson } from "~/forms/form-store.server";
import type { AnyFormDefinition } from "~/forms/registry";
import type { RawValues, Step } from "~/forms/types";
import { pickFields, rawValues } from "~/forms/values";
import { canonicalJson } from "./canonical-json";
import { draftEditability } from "./editability";
import { canEditApplication, type Viewer } from "~/domain/permissions";
import { now } from "~/utils/clock.server";

const DOSSIER_COLUMNS = {
  id: decode.text,
  status: decode.text,
  version: decode.int,
  data: decode.text,
  formKey: decode.text,
  formVersion: decode.int,
  reference: nullable(decode.text),
  requestedCents: nullable(decode.int),
  submittedAt: nullable(decode.date),
  submittedById: nullable(decode.text),
  contentHash: nullable(decode.text),
  lastSavedAt: nullable(decode.date),
  lastSavedById: nullable(decode.text),
  updatedAt: decode.date,
  grantedCents: nullable(decode.int),
  assigneeId: nullable(decode.text),
  proposedOutcome: nullable(decode.text),
  proposedCents: nullable(decode.int),
  proposedById: nullable(decode.text),
  proposedAt: nullable(decode.date),
  decidedAt: nullable(decode.date),
  decisionMotivation: nullable(decode.text),
  recognitionStartsOn: nullable(decode.text),
  recognitionEndsOn: nullable(decode.text),
  organisationId: decode.text,
  callId: decode.text,
  organisationName: decode.text,
  organisationKind: decode.text,
  organisationProvince: nullable(decode.text),
  callTitle: decode.text,
  callOpensAt: decode.date,
  callClosesAt: decode.date,
  callDecisionDueAt: nullable(decode.date),
  callFormKey: decode.text,
  callSettings: decode.text,
  programmeCode: decode.text,
  programmeName: decode.text,
  programmeKind: decode.text,
  extensionClosesAt: nullable(decode.date),
  lastSavedByFirstName: nullable(decode.text),
  lastSavedByLastName: nullable(decode.text),
  submittedByFirstName: nullable(decode.text),
  submittedByLastName: nullable(decode.text),
  attachments: decode.text,
};

const ATTACHMENT_COLUMNS = {
  id: decode.text,
  fieldKey: decode.text,
  fileName: decode.text,
  sizeBytes: decode.int,
  sha256: decode.text,
  createdAt: decode.date,
};

/**
 * A dossier (`a`) with what every view of it joins: its organisation (`o`), call (`c`),
 * programme (`p`) and the organisation's extension in that call, if any (`e`).
 */
export const DOSSIER_FROM = sql`FROM "Application" a
  JOIN "Organisation" o ON o."id" = a."organisationId"
  JOIN "Call" c ON c."id" = a."callId"
  JOIN "Programme" p ON p."id" = c."programmeId"
  LEFT JOIN "DeadlineExtension" e ON e."callId" = a."callId" AND e."organisationId" = a."organisationId"`;

export class DossierNotFoundError extends Error {
  constructor(applicationId: string) {
    super(`Dossier ${applicationId} bestaat niet.`);
  }
}

function fullName(firstName: string | null, lastName: string | null): string | null {
  return firstName === null && lastName === null ? null : `${firstName ?? ""} ${lastName ?? ""}`.trim();
}

/**
 * The dossier's live attachments as one JSON text column (oldest first), so that the dossier
 * and its files come back in one statement. PostgreSQL's timestamps carry no zone in JSON, so
 * they are turned into UTC instants first; SQLite stores them as ISO text with their offset.
 */
function attachmentsJson(provider: SqlDb["provider"]) {
  if (provider === "postgresql") {
    return sql`(SELECT COALESCE(json_agg(json_build_object('id', t."id", 'fieldKey', t."fieldKey", 'fileName', t."fileName",
        'sizeBytes', t."sizeBytes", 'sha256', t."sha256", 'createdAt', t."createdAt" AT TIME ZONE 'UTC') ORDER BY t."createdAt", t."id"), '[]')::text
      FROM "Attachment" t WHERE t."applicationId" = a."id" AND t."deletedAt" IS NULL)`;
  }
  return sql`(SELECT json_group_array(json_object('id', t."id", 'fieldKey', t."fieldKey", 'fileName', t."fileName",
        'sizeBytes', t."sizeBytes", 'sha256', t."sha256", 'createdAt', t."createdAt") ORDER BY t."createdAt", t."id")
      FROM "Attachment" t WHERE t."applicationId" = a."id" AND t."deletedAt" IS NULL)`;
}

function decodeAttachments(json: string) {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new TypeError("Bijlagen: een JSON-lijst verwacht.");
  return decodeRows(ATTACHMENT_COLUMNS, parsed);
}

/**
 * Everything the dossier's pages need about it: the content as typed, the form version it was
 * started with, the call's settings, the deadline that applies to this organisation, its files,
 * and the state of its review and decision. One statement on the fast lane (every wizard page,
 * autosave and submit reads it), or on `db` (a transaction that has to see its own writes).
 */
export async function loadDossier(applicationId: string, db?: AnyDb) {
  const on = await asSqlDb(db);
  const [row] = decodeRows(
    DOSSIER_COLUMNS,
    await on.query(sql`
      SELECT a."id", a."status", a."version", a."data", a."formKey", a."formVersion", a."reference", a."requestedCents",
        a."submittedAt", a."submittedById", a."contentHash", a."lastSavedAt", a."lastSavedById", a."updatedAt", a."grantedCents",
        a."assigneeId", a."proposedOutcome", a."proposedCents", a."proposedById", a."proposedAt",
        a."decidedAt", a."decisionMotivation", a."recognitionStartsOn", a."recognitionEndsOn", a."organisationId", a."callId",
        o."name" AS "organisationName", o."kind" AS "organisationKind", o."province" AS "organisationProvince",
        c."title" AS "callTitle", c."opensAt" AS "callOpensAt", c."closesAt" AS "callClosesAt",
        c."decisionDueAt" AS "callDecisionDueAt", c."formKey" AS "callFormKey", c."settings" AS "callSettings",
        p."code" AS "programmeCode", p."name" AS "programmeName", p."kind" AS "programmeKind",
        e."closesAt" AS "extensionClosesAt",
        ls."firstName" AS "lastSavedByFirstName", ls."lastName" AS "lastSavedByLastName",
        sb."firstName" AS "submittedByFirstName", sb."lastName" AS "submittedByLastName",
        ${attachmentsJson(on.provider)} AS "attachments"
      ${DOSSIER_FROM}
      LEFT JOIN "User" ls ON ls."id" = a."lastSavedById"
      LEFT JOIN "User" sb ON sb."id" = a."submittedById"
      WHERE a."id" = ${applicationId}`),
  );
  if (!row) throw new DossierNotFoundError(applicationId);
  const attachments = decodeAttachments(row.attachments);
  const [form, storedForm] = await Promise.all([requireForm(row.formKey, row.formVersion), storedFormJson(row.formKey, row.formVersion)]);
  const deadline = combineDeadline(row.callClosesAt, row.extensionClosesAt);
  return {
    id: row.id,
    status: applicationStatusSchema.parse(row.status),
    version: row.version,
    data: row.data,
    formKey: row.formKey,
    formVersion: row.formVersion,
    reference: row.reference,
    requestedCents: row.requestedCents,
    submittedAt: row.submittedAt,
    submittedById: row.submittedById,
    contentHash: row.contentHash,
    lastSavedAt: row.lastSavedAt,
    lastSavedById: row.lastSavedById,
    updatedAt: row.updatedAt,
    grantedCents: row.grantedCents,
    /** The review's state: internal to the agency until the decision (never to an applicant's page) */
    review: {
      assigneeId: row.assigneeId,
      proposedOutcome: row.proposedOutcome,
      proposedCents: row.proposedCents,
      proposedById: row.proposedById,
      proposedAt: row.proposedAt,
    },
    decision: {
      decidedAt: row.decidedAt,
      motivation: row.decisionMotivation,
      recognitionStartsOn: row.recognitionStartsOn,
      recognitionEndsOn: row.recognitionEndsOn,
    },
    organisationId: row.organisationId,
    callId: row.callId,
    organisation: { name: row.organisationName, kind: row.organisationKind, province: row.organisationProvince },
    call: {
      title: row.callTitle,
      opensAt: row.callOpensAt,
      /** The call's own deadline; `closesAt` below is this organisation's (with its extension) */
      closesAt: row.callClosesAt,
      decisionDueAt: row.callDecisionDueAt,
      formKey: row.callFormKey,
      settings: row.callSettings,
      programme: { code: row.programmeCode, name: row.programmeName, kind: row.programmeKind },
    },
    attachments,
    values: parseStoredValues(row.data),
    form,
    /** For the browser: a form version stored as data travels with the page */
    storedForm,
    settings: form.parseSettings(JSON.parse(row.callSettings)),
    closesAt: deadline.closesAt,
    deadlineExtended: deadline.extended,
    lastSavedByName: fullName(row.lastSavedByFirstName, row.lastSavedByLastName),
    submittedByName: fullName(row.submittedByFirstName, row.submittedByLastName),
  };
}
export type Dossier = Awaited<ReturnType<typeof loadDossier>>;

/** Whether the viewer may change this dossier's content now (see editability.ts). */
export function dossierEditability(viewer: Viewer, dossier: Dossier, at: Date = now()) {
  return draftEditability({
    status: dossier.status,
    opensAt: dossier.call.opensAt,
    closesAt: dossier.closesAt,
    extended: dossier.deadlineExtended,
    at,
    canEdit: canEditApplication(viewer, dossier),
  });
}

export function parseStoredValues(json: string): RawValues {
  return rawValues(JSON.parse(json));
}

export function attachmentCounts(attachments: ReadonlyArray<{ fieldKey: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { fieldKey } of attachments) counts[fieldKey] = (counts[fieldKey] ?? 0) + 1;
  return counts;
}

export function findStep(form: AnyFormDefinition, stepId: string): Step<unknown> | null {
  return form.steps.find((step) => step.id === stepId) ?? null;
}

/**
 * A fingerprint of one step's stored answers. The wizard posts the fingerprint it started
 * from; if the stored answers changed since, someone else edited this step.
 */
export function stepFingerprint(step: Step<unknown>, values: RawValues): string {
  return createHash("sha256")
    .update(canonicalJson(pickFields(step.fields, values)))
    .digest("hex")
    .slice(0, 32);
}

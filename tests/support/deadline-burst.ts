/**
 * Deadline day, prepared straight in the database (not timed): the 285 municipalities and the
 * VGC (seeds/reference-data.ts), an open Oefenkansen call, and per organisation an official
 * with a session and a complete draft. Used by the two-instance test and by bench/burst.ts.
 */
import { hashPassword } from "~/auth/password.server";
import { SESSION_DURATION_MS, sessionStorage } from "~/auth/session.server";
import type { PrismaClient } from "~/db.server";
import { seedReferenceData } from "../../seeds/reference-data";
import { oefenkansenDraft } from "./answers";
import { createProgrammeAndCall } from "./fixtures";

export type BurstDossier = {
  applicationId: string;
  organisationId: string;
  /** The draft's version, as the summary page posts it back */
  version: number;
  /** The Cookie header of the official's session */
  cookie: string;
};

export type Burst = {
  /** Per call code: its id and one complete draft per organisation */
  calls: Record<string, { callId: string; dossiers: BurstDossier[] }>;
  reviewerCookie: string;
  reviewerId: string;
};

async function sessionCookie(db: PrismaClient, userId: string, expiresAt: Date): Promise<string> {
  const session = await db.session.create({ data: { userId, expiresAt } });
  const cookieSession = await sessionStorage.getSession();
  cookieSession.set("sessionId", session.id);
  const setCookie = await sessionStorage.commitSession(cookieSession);
  return setCookie.split(";")[0]!;
}

/**
 * `organisations` municipalities (the first by NIS code; all 286 by default), each with one
 * official and their session, and a complete draft in every call of `calls` (programme codes).
 */
export async function prepareBurst(
  db: PrismaClient,
  options: { organisations?: number; closesAt: Date; now: Date; calls?: string[] },
): Promise<Burst> {
  await seedReferenceData(db);
  const organisations = await db.organisation.findMany({
    where: { kind: { in: ["GEMEENTE", "VGC"] }, successorId: null },
    orderBy: { nisCode: "asc" },
    take: options.organisations,
    select: { id: true, name: true, nisCode: true },
  });
  const passwordHash = await hashPassword("deadline-dag-2026");
  const expiresAt = new Date(options.now.getTime() + SESSION_DURATION_MS);
  const officials = [];
  for (const organisation of organisations) {
    const user = await db.user.create({
      data: {
        email: `ambtenaar.${organisation.nisCode}@gemeente.example`,
        firstName: "Ambtenaar",
        lastName: organisation.name,
        password: { create: { hash: passwordHash } },
        memberships: { create: { organisationId: organisation.id } },
      },
    });
    officials.push({ organisationId: organisation.id, userId: user.id, cookie: await sessionCookie(db, user.id, expiresAt) });
  }
  const data = JSON.stringify(oefenkansenDraft());
  const calls: Burst["calls"] = {};
  for (const code of options.calls ?? ["DAG"]) {
    const call = await createProgrammeAndCall(db, {
      code,
      opensAt: new Date(options.now.getTime() - 30 * 24 * 3600_000),
      closesAt: options.closesAt,
      eligibleKinds: ["GEMEENTE", "VGC"],
      settings: { ratePerLearnerCents: 6000, maxLearners: 2250 },
    });
    const dossiers: BurstDossier[] = [];
    for (const official of officials) {
      const application = await db.application.create({
        data: {
          callId: call.id,
          organisationId: official.organisationId,
          formKey: call.formKey,
          formVersion: call.formVersion,
          data,
          createdById: official.userId,
        },
      });
      dossiers.push({
        applicationId: application.id,
        organisationId: official.organisationId,
        version: application.version,
        cookie: official.cookie,
      });
    }
    calls[code] = { callId: call.id, dossiers };
  }
  const reviewer = await db.user.create({
    data: { email: "beoordelaar@agii.example", firstName: "Els", lastName: "Beoordelaar", staffRoles: { create: { role: "REVIEWER" } } },
  });
  return { calls, reviewerId: reviewer.id, reviewerCookie: await sessionCookie(db, reviewer.id, expiresAt) };
}

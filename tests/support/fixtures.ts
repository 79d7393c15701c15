import { randomUUID } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import type { PrismaClient } from "~/db.server";
import type { OrganisationKind } from "~/domain/organisation";
import type { StaffRole } from "~/domain/roles";

/** Small factories for test data, written straight to the test's real database. */

let nisCodes = 0;
/**
 * A NIS code of its own for a made-up municipality, so its members can log in through the
 * identity provider (0047): 9xxxx, which no municipality of the seed list uses.
 */
export function testNisCode(): string {
  nisCodes += 1;
  return `9${String(nisCodes).padStart(4, "0")}`;
}
export async function createOrganisation(
  db: PrismaClient,
  /** A member logs in through the identity provider by the NIS code or the KBO number (0047). */
  input: { name: string; kind?: OrganisationKind; nisCode?: string; kboNumber?: string; province?: string },
) {
  return db.organisation.create({
    data: {
      name: input.name,
      kind: input.kind ?? "GEMEENTE",
      nisCode: input.nisCode,
      kboNumber: input.kboNumber,
      province: input.province ?? "Antwerpen",
    },
  });
}

export async function createUser(
  db: PrismaClient,
  input: { email?: string; password?: string; memberOf?: string[]; staffRoles?: StaffRole[]; deactivated?: boolean } = {},
) {
  const password = input.password ?? "correct-horse-battery-staple";
  const email = input.email ?? `gebruiker-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.user.create({
    data: {
      email,
      firstName: "Test",
      lastName: "Gebruiker",
      deactivatedAt: input.deactivated ? new Date() : null,
      password: { create: { hash: await hashPassword(password) } },
      memberships: { create: (input.memberOf ?? []).map((organisationId) => ({ organisationId })) },
      staffRoles: { create: (input.staffRoles ?? []).map((role) => ({ role })) },
    },
  });
  return { ...user, password };
}

export async function createProgrammeAndCall(
  db: PrismaClient,
  input: {
    opensAt: Date;
    closesAt: Date;
    code?: string;
    eligibleKinds?: OrganisationKind[];
    formKey?: string;
    /** FUNDING (default) or RECOGNITION */
    kind?: "FUNDING" | "RECOGNITION";
    settings?: Record<string, unknown>;
    year?: number;
  },
) {
  const code = input.code ?? `T${randomUUID().slice(0, 4).toUpperCase()}`;
  const programme = await db.programme.create({
    data: { code, name: `Programma ${code}`, description: "Testprogramma", kind: input.kind ?? "FUNDING", legalBasis: "Testbesluit" },
  });
  return db.call.create({
    data: {
      programmeId: programme.id,
      title: `Oproep ${code}`,
      description: "Testoproep",
      year: input.year ?? 2026,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      formKey: input.formKey ?? "oefenkansen",
      formVersion: 1,
      settings: JSON.stringify(input.settings ?? {}),
      eligibleKinds: { create: (input.eligibleKinds ?? ["GEMEENTE"]).map((organisationKind) => ({ organisationKind })) },
    },
  });
}

export async function createApplication(
  db: PrismaClient,
  input: { callId: string; organisationId: string; status?: string; data?: Record<string, unknown> },
) {
  const call = await db.call.findUniqueOrThrow({ where: { id: input.callId }, select: { formKey: true, formVersion: true } });
  return db.application.create({
    data: {
      callId: input.callId,
      organisationId: input.organisationId,
      status: input.status ?? "DRAFT",
      formKey: call.formKey,
      formVersion: call.formVersion,
      data: JSON.stringify(input.data ?? {}),
    },
  });
}

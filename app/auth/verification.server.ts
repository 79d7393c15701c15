import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "~/db.server";
import { now } from "~/utils/clock.server";

export const VERIFICATION_TYPES = { passwordReset: "PASSWORD_RESET", invitation: "INVITATION" } as const;
export type VerificationType = (typeof VERIFICATION_TYPES)[keyof typeof VERIFICATION_TYPES];

/** How long a one-time link works. */
export const VERIFICATION_TTL_MS: Record<VerificationType, number> = {
  PASSWORD_RESET: 60 * 60 * 1000,
  INVITATION: 7 * 24 * 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time link; only its hash is stored, the token itself goes into the e-mail. */
export async function createVerification(
  tx: Tx,
  input: { type: VerificationType; email: string; userId?: string; organisationId?: string; invitedById?: string },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now().getTime() + VERIFICATION_TTL_MS[input.type]);
  const row = await tx.verification.create({
    data: { ...input, tokenHash: hashToken(token), expiresAt },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

/** The verification behind a token if it is of the right type, unused and not expired. */
export async function findUsableVerification(tx: Tx, token: string, type: VerificationType) {
  return tx.verification.findFirst({
    where: { tokenHash: hashToken(token), type, usedAt: null, expiresAt: { gt: now() } },
    include: { organisation: { select: { id: true, name: true, successorId: true } } },
  });
}

/** Marks a verification used; false when another request used it first. */
export async function markVerificationUsed(tx: Tx, id: string): Promise<boolean> {
  const { count } = await tx.verification.updateMany({ where: { id, usedAt: null }, data: { usedAt: now() } });
  return count === 1;
}

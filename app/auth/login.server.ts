import { prisma } from "~/db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { mayUsePassword } from "./password-policy.server";

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "deactivated" | "identity-provider" };

/** Checks e-mail and password; unknown accounts cost the same time as wrong passwords. */
export async function authenticate(email: string, password: string): Promise<LoginResult> {
  const user = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
  });
  const valid = await verifyPassword(password, user?.password?.hash ?? (await dummyPasswordHash()));
  if (!user || !user.password || !valid) return { ok: false, reason: "invalid" };
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  // Only after the password was checked: the answer says nothing about unknown addresses.
  if (!(await mayUsePassword(user.id))) return { ok: false, reason: "identity-provider" };
  return { ok: true, userId: user.id };
}

export const LOGIN_MESSAGES = {
  invalid: "Het e-mailadres of het wachtwoord is niet juist.",
  deactivated: "Dit account is gedeactiveerd. Neem contact op met een collega of met het agentschap.",
  "identity-provider":
    "Meld u aan met uw overheidsaccount (de knop hierboven). Met een wachtwoord aanmelden kan alleen voor organisaties die geen toegang hebben tot ACM/IDM.",
} as const;

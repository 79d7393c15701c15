import { invitationEmail } from "../../emails/invitation";
import { passwordResetEmail } from "../../emails/password-reset";
import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { hashPassword } from "./password.server";
import { IDP_MANAGED_MEMBERS_MESSAGE, mayUsePassword, membershipsManagedByIdp } from "./password-policy.server";
import {
  createVerification,
  findUsableVerification,
  markVerificationUsed,
  VERIFICATION_TTL_MS,
  VERIFICATION_TYPES,
} from "./verification.server";
import { defined } from "~/utils/invariant";

type LinkTo = (path: string) => string;

/** At most this many reset e-mails per address per hour; more requests are answered alike but send nothing. */
export const RESET_EMAILS_PER_ADDRESS_PER_HOUR = 3;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Sends a reset link when the address belongs to an active account and has not had
 * RESET_EMAILS_PER_ADDRESS_PER_HOUR links in the last hour. The caller shows the same message
 * either way, so the form does not reveal which addresses have an account.
 */
export async function requestPasswordReset(email: string, linkTo: LinkTo): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, firstName: true, deactivatedAt: true } });
    // No link for an account that cannot log in with a password (staff, or members the IdP
    // manages, once it is configured: docs/decisions/0047). The answer is the same either way.
    if (!user || user.deactivatedAt || !(await mayUsePassword(user.id, tx))) return;
    // Counted from the links themselves; expiresAt follows the portal's clock (createdAt the database's).
    const sentInLastHour = await tx.verification.count({
      where: {
        type: VERIFICATION_TYPES.passwordReset,
        email,
        expiresAt: { gt: new Date(now().getTime() - HOUR_MS + VERIFICATION_TTL_MS.PASSWORD_RESET) },
      },
    });
    if (sentInLastHour >= RESET_EMAILS_PER_ADDRESS_PER_HOUR) return;
    const { id, token, expiresAt } = await createVerification(tx, {
      type: VERIFICATION_TYPES.passwordReset,
      email,
      userId: user.id,
    });
    const message = passwordResetEmail({
      firstName: user.firstName,
      resetUrl: linkTo(`/wachtwoord-herstellen/${token}`),
      expiresAt,
    });
    await enqueueEmail(tx, {
      idempotencyKey: `password-reset:${id}`,
      template: "password-reset",
      to: email,
      userId: user.id,
      ...message,
    });
  });
}

export type ResetResult = { ok: true } | { ok: false; message: string };

export const INVALID_LINK_MESSAGE = "Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.";

/** Sets a new password from a reset link; ends every open session of that user. */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
  const hash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const verification = await findUsableVerification(tx, token, VERIFICATION_TYPES.passwordReset);
    if (!verification?.userId || !(await markVerificationUsed(tx, verification.id))) {
      return { ok: false, message: INVALID_LINK_MESSAGE };
    }
    const userId = verification.userId;
    await tx.password.upsert({ where: { userId }, update: { hash }, create: { userId, hash } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: userId,
      actorRole: "APPLICANT",
      action: "user.password-reset",
      entityType: "User",
      entityId: userId,
    });
    return { ok: true };
  });
}

export type InviteInput = { email: string; firstName: string; lastName: string };

export type InviteResult = { ok: true } | { ok: false; field: keyof InviteInput | "form"; message: string };

/**
 * Invites someone into an organisation by e-mail (new or existing account alike). Members
 * invite colleagues; administrators (actorRole "ADMIN") invite into any organisation.
 */
export async function inviteColleague(
  inviter: { userId: string; firstName: string; lastName: string },
  organisationId: string,
  input: InviteInput,
  linkTo: LinkTo,
  options: { actorRole?: "APPLICANT" | "ADMIN" } = {},
): Promise<InviteResult> {
  const actorRole = options.actorRole ?? "APPLICANT";
  return prisma.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { id: true, name: true, successorId: true, passwordLoginAllowed: true },
    });
    if (organisation.successorId) {
      return { ok: false, field: "form", message: "Deze organisatie is opgegaan in een fusie en kan geen leden meer uitnodigen." };
    }
    // An invitation ends in a password account: not where the IdP manages the members.
    if (membershipsManagedByIdp(organisation)) return { ok: false, field: "form", message: IDP_MANAGED_MEMBERS_MESSAGE };
    const alreadyMember = await tx.membership.findFirst({
      where: { organisationId, user: { email: input.email } },
      select: { id: true },
    });
    if (alreadyMember) {
      const whose = actorRole === "ADMIN" ? "deze" : "uw";
      return { ok: false, field: "email", message: `Deze persoon is al lid van ${whose} organisatie.` };
    }
    const { id, token, expiresAt } = await createVerification(tx, {
      type: VERIFICATION_TYPES.invitation,
      email: input.email,
      organisationId,
      invitedById: inviter.userId,
    });
    const message = invitationEmail({
      inviterName: `${inviter.firstName} ${inviter.lastName}`,
      organisationName: organisation.name,
      acceptUrl: linkTo(`/uitnodiging/${token}`),
      expiresAt,
    });
    await enqueueEmail(tx, { idempotencyKey: `invitation:${id}`, template: "invitation", to: input.email, ...message });
    await recordAudit(tx, {
      actorId: inviter.userId,
      actorRole,
      action: "organisation.invitation",
      entityType: "Organisation",
      entityId: organisationId,
      organisationId,
      after: { email: input.email, firstName: input.firstName, lastName: input.lastName },
    });
    return { ok: true };
  });
}

export async function describeInvitation(token: string) {
  const verification = await findUsableVerification(prisma, token, VERIFICATION_TYPES.invitation);
  if (!verification?.organisation) return null;
  const existingUser = await prisma.user.findUnique({ where: { email: verification.email }, select: { id: true } });
  return {
    email: verification.email,
    organisationName: verification.organisation.name,
    hasAccount: existingUser !== null,
  };
}

export type AcceptResult = { ok: true; userId: string; organisationId: string } | { ok: false; message: string };

/**
 * Accepts an invitation. A newcomer creates an account with the invited address; someone who
 * already has an account must be logged in as that address.
 */
export async function acceptInvitation(
  token: string,
  who: { loggedInUserId: string } | { firstName: string; lastName: string; password: string },
): Promise<AcceptResult> {
  const hash = "password" in who ? await hashPassword(who.password) : null;
  return prisma.$transaction(async (tx) => {
    const verification = await findUsableVerification(tx, token, VERIFICATION_TYPES.invitation);
    const organisation = verification?.organisation;
    if (!verification || !organisation || organisation.successorId) return { ok: false, message: INVALID_LINK_MESSAGE };
    const existing = await tx.user.findUnique({ where: { email: verification.email }, select: { id: true } });
    let userId: string;
    if ("loggedInUserId" in who) {
      if (existing?.id !== who.loggedInUserId) {
        return { ok: false, message: `Deze uitnodiging is voor ${verification.email}. Meld u aan met dat e-mailadres.` };
      }
      userId = existing.id;
    } else {
      if (existing) return { ok: false, message: "Er bestaat al een account met dit e-mailadres. Meld u eerst aan." };
      const user = await tx.user.create({
        data: {
          email: verification.email,
          firstName: who.firstName,
          lastName: who.lastName,
          password: { create: { hash: defined(hash, "the new account's password hash") } },
        },
        select: { id: true },
      });
      userId = user.id;
    }
    if (!(await markVerificationUsed(tx, verification.id))) return { ok: false, message: INVALID_LINK_MESSAGE };
    await tx.membership.upsert({
      where: { userId_organisationId: { userId, organisationId: organisation.id } },
      update: {},
      create: { userId, organisationId: organisation.id },
    });
    await recordAudit(tx, {
      actorId: userId,
      actorRole: "APPLICANT",
      action: "organisation.member-joined",
      entityType: "Organisation",
      entityId: organisation.id,
      organisationId: organisation.id,
      after: { userId, invitedById: verification.invitedById },
    });
    return { ok: true, userId, organisationId: organisation.id };
  });
}

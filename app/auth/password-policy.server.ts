/**
 * Who may still use a password when the identity provider is configured (docs/decisions/0047):
 * only members of an organisation that an administrator allowed passwords for (one without
 * access to ACM/IDM, such as a partner vzw), and never AgII staff. Without OIDC_ISSUER, every
 * password account works as before. The same flag says whose memberships the IdP manages.
 */
import { prisma, type PrismaClient, type Tx } from "~/db.server";
import { oidcConfig } from "./oidc.server";

export function identityProviderConfigured(): boolean {
  return oidcConfig() !== null;
}

/** The members of this organisation come from the IdP's claims: the portal shows them read-only. */
export function membershipsManagedByIdp(organisation: { passwordLoginAllowed: boolean }): boolean {
  return identityProviderConfigured() && !organisation.passwordLoginAllowed;
}

export { IDP_MANAGED_MEMBERS_MESSAGE } from "./password-policy";

/** `db`: a transaction that already reads the account (the reset request), or the portal's client. */
export async function mayUsePassword(userId: string, db: Tx | PrismaClient = prisma): Promise<boolean> {
  if (!identityProviderConfigured()) return true;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      _count: { select: { staffRoles: true } },
      memberships: { where: { organisation: { passwordLoginAllowed: true } }, select: { id: true }, take: 1 },
    },
  });
  return !!user && user._count.staffRoles === 0 && user.memberships.length > 0;
}

/**
 * Who someone is and what they may do, read from the identity provider's claims (0047). Pure:
 * no database here; oidc-accounts.server.ts applies the result.
 *
 * The roles claim (a string or an array of strings) holds assignments "ROLECODE:ORGANISATION",
 * as the organisation's user management (gebruikersbeheer) hands them out:
 * - the applicant code with a KBO number (10 digits, punctuation allowed) or the NIS code of a
 *   municipality (5 digits): a member of that organisation;
 * - the reviewer, decider or administrator code (the organisation part, AgII's own, is
 *   ignored; "ROLECODE" alone is accepted too): that staff role.
 * Anything else is ignored.
 */
import { isValidKboNumber, normaliseKboNumber } from "~/domain/kbo";
import type { StaffRole } from "~/domain/roles";
import type { ClaimNames, RoleCodes } from "./oidc-config";

export type OrganisationRef = { kboNumber: string } | { nisCode: string };

export type MappedClaims = {
  subject: string;
  email: string;
  firstName: string;
  lastName: string;
  organisations: OrganisationRef[];
  staffRoles: StaffRole[];
};

export type ClaimsResult = { ok: true; claims: MappedClaims } | { ok: false; reason: "incomplete" };

export function mapClaims(raw: Record<string, unknown>, names: ClaimNames, codes: RoleCodes): ClaimsResult {
  const text = (name: string) => {
    const value = raw[name];
    return typeof value === "string" && value.trim() ? value.trim() : null;
  };
  const subject = text("sub");
  const email = text(names.email)?.toLowerCase() ?? null;
  if (!subject || !email || !email.includes("@")) return { ok: false, reason: "incomplete" };
  const rolesClaim = raw[names.roles];
  const assignments = (Array.isArray(rolesClaim) ? rolesClaim : [rolesClaim]).filter((v): v is string => typeof v === "string");

  const staffByCode = new Map<string, StaffRole>([
    [codes.reviewer, "REVIEWER"],
    [codes.decider, "DECIDER"],
    [codes.admin, "ADMIN"],
  ]);
  const organisations = new Map<string, OrganisationRef>();
  const staffRoles = new Set<StaffRole>();
  for (const assignment of assignments) {
    const index = assignment.indexOf(":");
    const code = (index === -1 ? assignment : assignment.slice(0, index)).trim();
    const target = index === -1 ? "" : assignment.slice(index + 1).trim();
    const staffRole = staffByCode.get(code);
    if (staffRole) {
      staffRoles.add(staffRole);
      continue;
    }
    if (code !== codes.applicant) continue;
    const reference = organisationRef(target);
    if (reference) organisations.set(JSON.stringify(reference), reference);
  }
  return {
    ok: true,
    claims: {
      subject,
      email,
      firstName: text(names.givenName) ?? email.split("@")[0]!,
      lastName: text(names.familyName) ?? "",
      organisations: [...organisations.values()],
      staffRoles: [...staffRoles].sort(),
    },
  };
}

/** A KBO number (mod-97 checked) or a five-digit NIS code; anything else is no organisation. */
export function organisationRef(target: string): OrganisationRef | null {
  if (/^\d{5}$/.test(target)) return { nisCode: target };
  if (isValidKboNumber(target)) return { kboNumber: normaliseKboNumber(target) };
  return null;
}

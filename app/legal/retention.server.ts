import { SESSION_DURATION_MS } from "~/auth/session.server";
import { VERIFICATION_TTL_MS } from "~/auth/verification.server";
import { STALE_TEMP_AGE_MS } from "~/attachments/file-hygiene.server";
import { TIDY_INTERVAL_MS } from "~/jobs.server";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** "12 uur", "1 uur", "7 dagen": a whole number of hours or days, as the constants are. */
export function describeDuration(ms: number): string {
  if (ms % DAY_MS === 0) return ms === DAY_MS ? "1 dag" : `${ms / DAY_MS} dagen`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS} uur`;
  return `${Math.round(ms / 60_000)} minuten`;
}

/**
 * The retention periods the portal enforces, read from the code that enforces them, so the
 * privacy statement cannot drift from what the portal does.
 */
export function retentionFacts() {
  return {
    session: describeDuration(SESSION_DURATION_MS),
    passwordResetLink: describeDuration(VERIFICATION_TTL_MS.PASSWORD_RESET),
    invitationLink: describeDuration(VERIFICATION_TTL_MS.INVITATION),
    staleUpload: describeDuration(STALE_TEMP_AGE_MS),
    tidyInterval: describeDuration(TIDY_INTERVAL_MS),
  };
}

export type RetentionFacts = ReturnType<typeof retentionFacts>;

import { databaseRateLimitStore } from "~/security/rate-limit-store.server";
import { requestPasswordReset } from "./accounts.server";

/**
 * The "wachtwoord vergeten" form behind its throttles. Per address, requestPasswordReset sends
 * at most three links an hour and answers the same either way. Per IP address, this module
 * allows RESET_LIMIT_PER_IP_PER_HOUR requests an hour, counted in the database like the other
 * rate limits (every instance counts the same), so one client cannot mail a whole list of
 * addresses. Every answer takes at least MIN_ANSWER_MS, so its timing does not tell a known
 * address (rows written) from an unknown one.
 */
const HOUR_MS = 60 * 60 * 1000;
const MIN_ANSWER_MS = 250;
const perIp = databaseRateLimitStore("reset-ip", { windowMs: HOUR_MS });

export const RESET_REQUEST_MESSAGES = {
  tooMany: "Vanaf uw netwerk werden het voorbije uur te veel herstellinks aangevraagd. Probeer het over een uur opnieuw.",
} as const;

function perIpLimit(): number {
  return Number(process.env.RESET_LIMIT_PER_IP_PER_HOUR ?? 20);
}

/** Counts one request from `ip`; false when it is over the hourly limit. */
async function allowFromIp(ip: string): Promise<boolean> {
  const { totalHits } = await perIp.increment(ip);
  return totalHits <= perIpLimit();
}

export async function requestResetLink(input: {
  email: string;
  ip: string;
  linkTo: (path: string) => string;
}): Promise<{ ok: true } | { ok: false; message: string }> {
  const started = Date.now();
  try {
    if (!(await allowFromIp(input.ip))) return { ok: false, message: RESET_REQUEST_MESSAGES.tooMany };
    await requestPasswordReset(input.email, input.linkTo);
    return { ok: true };
  } finally {
    const rest = MIN_ANSWER_MS - (Date.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

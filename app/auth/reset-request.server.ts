import { now } from "~/utils/clock.server";
import { requestPasswordReset } from "./accounts.server";

/**
 * The "wachtwoord vergeten" form behind its throttles. Per address, requestPasswordReset sends
 * at most three links an hour and answers the same either way. Per IP address, this module
 * allows RESET_LIMIT_PER_IP_PER_HOUR requests an hour (in memory, per server process), so one
 * client cannot mail a whole list of addresses. Every answer takes at least MIN_ANSWER_MS, so
 * its timing does not tell a known address (rows written) from an unknown one.
 */
const HOUR_MS = 60 * 60 * 1000;
const MIN_ANSWER_MS = 250;
const requestsByIp = new Map<string, number[]>();
let calls = 0;

export const RESET_REQUEST_MESSAGES = {
  tooMany: "Vanaf uw netwerk werden het voorbije uur te veel herstellinks aangevraagd. Probeer het over een uur opnieuw.",
} as const;

function perIpLimit(): number {
  return Number(process.env.RESET_LIMIT_PER_IP_PER_HOUR ?? 20);
}

/** Counts one request from `ip`; false when it is over the hourly limit. */
function allowFromIp(ip: string, at: number): boolean {
  if (++calls % 1000 === 0) forgetOldRequests(at);
  const recent = (requestsByIp.get(ip) ?? []).filter((time) => time > at - HOUR_MS);
  if (recent.length >= perIpLimit()) {
    requestsByIp.set(ip, recent);
    return false;
  }
  recent.push(at);
  requestsByIp.set(ip, recent);
  return true;
}

function forgetOldRequests(at: number) {
  for (const [ip, times] of requestsByIp) {
    if (times.every((time) => time <= at - HOUR_MS)) requestsByIp.delete(ip);
  }
}

export async function requestResetLink(input: {
  email: string;
  ip: string;
  linkTo: (path: string) => string;
}): Promise<{ ok: true } | { ok: false; message: string }> {
  const started = Date.now();
  try {
    if (!allowFromIp(input.ip, now().getTime())) return { ok: false, message: RESET_REQUEST_MESSAGES.tooMany };
    await requestPasswordReset(input.email, input.linkTo);
    return { ok: true };
  } finally {
    const rest = MIN_ANSWER_MS - (Date.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

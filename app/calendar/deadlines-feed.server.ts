import { callPhase } from "~/calls/call-state";
import { prisma } from "~/db.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/time";
import { serializeCalendar, type CalendarEvent } from "./ical";
import { deadlineRevisions } from "./revisions";

/** Reminder two days ahead: the same 48 hours in which the portal itself warns. */
const REMINDER_MINUTES = 48 * 60;
const UID_DOMAIN = "subsidieportaal.integratie-inburgering.be";
/**
 * A deadline is an instant, but a zero-length event is easy to miss and some clients give it a
 * length of their own: the event is the half hour that ends at the deadline, so it stays on the
 * deadline's day. Deadlines are a minute's last millisecond (23:59:59.999): from the next
 * instant back, the event starts on a whole minute (23:30).
 */
const EVENT_MINUTES = 30;
function deadlineSpan(deadline: Date): { start: Date; end: Date } {
  return { start: new Date(deadline.getTime() + 1 - EVENT_MINUTES * 60_000), end: deadline };
}

/**
 * The public deadline calendar: one event per submission deadline of every open or upcoming
 * call, and one per decision deadline still ahead. `callUrl(callId)` links to the call's public page.
 */
export async function deadlineCalendar(callUrl: (callId: string) => string): Promise<string> {
  const at = now();
  const calls = await prisma.call.findMany({
    where: { OR: [{ closesAt: { gte: at } }, { decisionDueAt: { gte: at } }] },
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      decisionDueAt: true,
      updatedAt: true,
      programme: { select: { name: true } },
    },
    orderBy: { closesAt: "asc" },
  });
  // Every administrator's edit is one `call.updated` audit line: SEQUENCE counts those that moved the date.
  const edits = await prisma.auditEvent.findMany({
    where: { action: "call.updated", entityType: "Call", entityId: { in: calls.map((c) => c.id) } },
    select: { entityId: true, after: true },
  });
  const events: CalendarEvent[] = [];
  for (const call of calls) {
    const url = callUrl(call.id);
    const revisions = deadlineRevisions(edits.filter((e) => e.entityId === call.id).map((e) => e.after));
    if (callPhase(call, at) !== "closed") {
      events.push({
        uid: `oproep-${call.id}-indienen@${UID_DOMAIN}`,
        sequence: revisions.closesAt,
        stamp: call.updatedAt,
        ...deadlineSpan(call.closesAt),
        summary: `Deadline: ${call.title}`,
        description:
          `${call.programme.name}. Aanvragen moeten verstuurd zijn vóór het einde van de deadline: ` +
          `${formatDateTime(call.closesAt)} (Belgische tijd). De oproep opent op ${formatDateTime(call.opensAt)}.\n${url}`,
        url,
        alarmMinutesBeforeEnd: REMINDER_MINUTES,
      });
    }
    if (call.decisionDueAt && call.decisionDueAt >= at) {
      events.push({
        uid: `oproep-${call.id}-beslissing@${UID_DOMAIN}`,
        sequence: revisions.decisionDueAt,
        stamp: call.updatedAt,
        ...deadlineSpan(call.decisionDueAt),
        summary: `Beslissing uiterlijk: ${call.title}`,
        description: `${call.programme.name}. Het agentschap beslist uiterlijk op ${formatDateTime(call.decisionDueAt)} (Belgische tijd).\n${url}`,
        url,
      });
    }
  }
  return serializeCalendar({
    productId: "-//Agentschap Integratie en Inburgering//Subsidieportaal//NL",
    name: "Deadlines subsidieoproepen AgII",
    description: "Indiendeadlines en beslissingsdata van de open en komende oproepen van het Agentschap Integratie en Inburgering.",
    events,
  });
}

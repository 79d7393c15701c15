import { callPhase } from "~/calls/call-state";
import { prisma } from "~/db.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/time";
import { serializeCalendar, type CalendarEvent } from "./ical";

/** Reminder two days ahead: the same 48 hours in which the portal itself warns. */
const REMINDER_MINUTES = 48 * 60;
const UID_DOMAIN = "subsidieportaal.integratie-inburgering.be";

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
  const events: CalendarEvent[] = [];
  for (const call of calls) {
    const url = callUrl(call.id);
    if (callPhase(call, at) !== "closed") {
      events.push({
        uid: `oproep-${call.id}-indienen@${UID_DOMAIN}`,
        stamp: call.updatedAt,
        start: call.closesAt,
        summary: `Deadline: ${call.title}`,
        description:
          `${call.programme.name}. Aanvragen moeten verstuurd zijn vóór het einde van de deadline: ` +
          `${formatDateTime(call.closesAt)} (Belgische tijd). De oproep opent op ${formatDateTime(call.opensAt)}.\n${url}`,
        url,
        alarmMinutesBefore: REMINDER_MINUTES,
      });
    }
    if (call.decisionDueAt && call.decisionDueAt >= at) {
      events.push({
        uid: `oproep-${call.id}-beslissing@${UID_DOMAIN}`,
        stamp: call.updatedAt,
        start: call.decisionDueAt,
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

import { callPhase } from "~/calls/call-state";
import { prisma } from "~/db.server";
import { callGrantPhases, reportPhases } from "~/grants/phases";
import { parseJsonObject } from "~/utils/json";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/time";
import { serializeCalendar, type CalendarEvent } from "./ical";
import { deadlineRevisions, phaseDueRevisions } from "./revisions";

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
 * call, one per decision deadline still ahead, and one per report deadline still ahead (the
 * call's phases after the decision, docs/decisions/0055). `callUrl(callId)` links to the call's public page.
 */
export async function deadlineCalendar(callUrl: (callId: string) => string): Promise<string> {
  const at = now();
  // Reports fall due years after a call closed; the calls are few, their phases are read here.
  const calls = await prisma.call.findMany({
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      decisionDueAt: true,
      updatedAt: true,
      settings: true,
      programme: { select: { name: true } },
    },
    orderBy: { closesAt: "asc" },
  });
  // Only calls with a date still ahead have events; the trail is read for those alone.
  const ahead = calls.flatMap((call) => {
    const reports = reportPhases(callGrantPhases(parseJsonObject(call.settings))).filter((report) => new Date(report.dueAt) >= at);
    const open = callPhase(call, at) !== "closed" || (call.decisionDueAt !== null && call.decisionDueAt >= at);
    return open || reports.length > 0 ? [{ call, reports }] : [];
  });
  // Every administrator's edit is one `call.updated` audit line: SEQUENCE counts those that moved the date.
  const edits = await prisma.auditEvent.findMany({
    where: { action: "call.updated", entityType: "Call", entityId: { in: ahead.map(({ call }) => call.id) } },
    select: { entityId: true, before: true, after: true },
  });
  const events: CalendarEvent[] = [];
  for (const { call, reports } of ahead) {
    const url = callUrl(call.id);
    const callEdits = edits.filter((e) => e.entityId === call.id);
    const revisions = deadlineRevisions(callEdits.map((e) => e.after));
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
    for (const report of reports) {
      const dueAt = new Date(report.dueAt);
      events.push({
        uid: `oproep-${call.id}-${report.key}@${UID_DOMAIN}`,
        sequence: phaseDueRevisions(callEdits, report.key),
        stamp: call.updatedAt,
        ...deadlineSpan(dueAt),
        summary: `${report.title}: ${call.title}`,
        description:
          `${call.programme.name}. Wie subsidie kreeg, dient dit verslag in vóór het einde van de deadline: ` +
          `${formatDateTime(dueAt)} (Belgische tijd). Het verslag opent op ${formatDateTime(report.opensAt)}.\n${url}`,
        url,
        alarmMinutesBeforeEnd: REMINDER_MINUTES,
      });
    }
  }
  return serializeCalendar({
    productId: "-//Agentschap Integratie en Inburgering//Subsidieportaal//NL",
    name: "Deadlines subsidieoproepen AgII",
    description:
      "Indiendeadlines en beslissingsdata van de open en komende oproepen van het Agentschap Integratie en Inburgering, en de termijnen van de verslagen na een toekenning.",
    events,
  });
}

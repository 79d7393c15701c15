import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { defaultPhases, phaseProfileFor } from "~/grants/phases";
import { endOfDay, startOfDay } from "~/utils/time";
import { callEditForm } from "../support/call-edit-form";
import { createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// The public deadline feed, fetched from the real server and read back with a small parser.
const db = createPrismaClient();
let server: RunningServer;
let body: string;
let response: Response;
const ids: Record<string, string> = {};
const LONG_TITLE = "Oefenkansen Nederlands; oproep 2026, tweede ronde — voor lokale besturen én de Vlaamse Gemeenschapscommissie";

beforeAll(async () => {
  const winter = await createProgrammeAndCall(db, { opensAt: startOfDay("2025-10-01"), closesAt: endOfDay("2026-01-15") });
  await db.call.update({ where: { id: winter.id }, data: { title: "Regierol 2026", decisionDueAt: endOfDay("2026-04-30") } });
  const summer = await createProgrammeAndCall(db, { opensAt: startOfDay("2026-05-01"), closesAt: endOfDay("2026-06-30") });
  await db.call.update({ where: { id: summer.id }, data: { title: LONG_TITLE } });
  const closedPending = await createProgrammeAndCall(db, { opensAt: startOfDay("2025-11-03"), closesAt: endOfDay("2025-12-19") });
  await db.call.update({
    where: { id: closedPending.id },
    data: { title: "Gesloten, beslissing volgt", decisionDueAt: endOfDay("2026-01-30") },
  });
  // Decided long ago, but its grants report: 2024's interim report was due on 31 March 2025
  // (past), the final report over 2024-2025 on 31 March 2026 (ahead, in summer time).
  const done = await createProgrammeAndCall(db, {
    opensAt: startOfDay("2025-09-15"),
    closesAt: endOfDay("2025-10-31"),
    settings: { phases: defaultPhases(phaseProfileFor("regierol", "FUNDING"), { startsOn: "2024-01-01", endsOn: "2025-12-31" }) },
  });
  await db.call.update({ where: { id: done.id }, data: { title: "Helemaal voorbij", decisionDueAt: endOfDay("2025-12-15") } });
  Object.assign(ids, { winter: winter.id, summer: summer.id, closedPending: closedPending.id, done: done.id });
  server = await startServer({ PORTAL_CLOCK: "2026-01-05T10:00:00Z", PUBLIC_URL: "https://portaal.example" });
  response = await new HttpClient(server.url).get("/oproepen/kalender.ics");
  body = await response.text();
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

type Property = { name: string; params: Record<string, string>; value: string };
type Component = { type: string; properties: Property[]; components: Component[] };

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** Unfolds and parses an iCalendar text into nested components (enough for this feed). */
function parse(text: string): Component {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const root: Component = { type: "ROOT", properties: [], components: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(":");
    const [name, ...params] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      const component = { type: value, properties: [], components: [] };
      stack.at(-1)!.components.push(component);
      stack.push(component);
    } else if (name === "END") {
      expect(stack.pop()!.type).toBe(value);
    } else {
      stack.at(-1)!.properties.push({
        name: name!,
        params: Object.fromEntries(params.map((p) => p.split("=") as [string, string])),
        value,
      });
    }
  }
  expect(stack).toHaveLength(1);
  return root.components[0]!;
}

const prop = (component: Component, name: string) => component.properties.find((p) => p.name === name);

function events() {
  return parse(body).components.filter((c) => c.type === "VEVENT");
}

function eventFor(callId: string, kind: "indienen" | "beslissing" | "eindverslag") {
  return events().find((e) => prop(e, "UID")!.value.startsWith(`oproep-${callId}-${kind}@`));
}

/** The instant of a DTSTART with TZID=Europe/Brussels, computed independently with Luxon. */
function instantOf(property: Property): Date {
  expect(property.params.TZID).toBe("Europe/Brussels");
  return DateTime.fromFormat(property.value, "yyyyMMdd'T'HHmmss", { zone: "Europe/Brussels" }).toJSDate();
}

describe("the deadline calendar feed", () => {
  it("is served publicly as text/calendar", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  });

  it("uses CRLF everywhere and folds every line to at most 75 octets", () => {
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const physical = body.split("\r\n");
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(" "))).toBe(true);
  });

  it("is a VCALENDAR with version, product id and the Brussels time zone", () => {
    const calendar = parse(body);
    expect(calendar.type).toBe("VCALENDAR");
    expect(prop(calendar, "VERSION")?.value).toBe("2.0");
    expect(prop(calendar, "PRODID")?.value).toContain("Subsidieportaal");
    const zone = calendar.components.find((c) => c.type === "VTIMEZONE")!;
    expect(prop(zone, "TZID")?.value).toBe("Europe/Brussels");
    expect(zone.components.map((c) => c.type).sort()).toEqual(["DAYLIGHT", "STANDARD"]);
  });

  it("has one deadline event per open or upcoming call, one per decision and one per report still ahead", () => {
    expect(events()).toHaveLength(5);
    expect(eventFor(ids.winter!, "indienen")).toBeDefined();
    expect(eventFor(ids.winter!, "beslissing")).toBeDefined();
    expect(eventFor(ids.summer!, "indienen")).toBeDefined();
    expect(eventFor(ids.closedPending!, "indienen")).toBeUndefined();
    expect(eventFor(ids.closedPending!, "beslissing")).toBeDefined();
    // Of the decided call, only the report still ahead.
    expect(events().filter((e) => prop(e, "UID")!.value.includes(ids.done!))).toEqual([eventFor(ids.done!, "eindverslag")]);
    const uids = events().map((e) => prop(e, "UID")!.value);
    expect(new Set(uids).size).toBe(uids.length);
    for (const event of events()) expect(prop(event, "DTSTAMP")?.value).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it("ends a winter deadline's event at 23:59:59 Brussels time (UTC+1), half an hour after it starts", () => {
    const event = eventFor(ids.winter!, "indienen")!;
    const end = prop(event, "DTEND")!;
    expect(end.value).toBe("20260115T235959");
    expect(instantOf(end).toISOString()).toBe("2026-01-15T22:59:59.000Z");
    expect(prop(event, "DTSTART")!.value).toBe("20260115T233000");
    expect(prop(event, "DURATION")).toBeUndefined(); // DTEND or DURATION, never both
  });

  it("ends a summer deadline's and decision's event at 23:59:59 Brussels time (UTC+2)", () => {
    const deadline = prop(eventFor(ids.summer!, "indienen")!, "DTEND")!;
    expect(deadline.value).toBe("20260630T235959");
    expect(instantOf(deadline).toISOString()).toBe("2026-06-30T21:59:59.000Z");
    const decision = prop(eventFor(ids.winter!, "beslissing")!, "DTEND")!;
    expect(instantOf(decision).toISOString()).toBe("2026-04-30T21:59:59.000Z");
    expect(prop(eventFor(ids.winter!, "beslissing")!, "DTSTART")!.value).toBe("20260430T233000");
  });

  it("ends a report's event at 23:59:59 Brussels time on its due day, with what the report is", () => {
    const event = eventFor(ids.done!, "eindverslag")!;
    const end = prop(event, "DTEND")!;
    expect(end.value).toBe("20260331T235959");
    expect(instantOf(end).toISOString()).toBe("2026-03-31T21:59:59.000Z");
    expect(unescapeText(prop(event, "SUMMARY")!.value)).toBe("Eindverslag: Helemaal voorbij");
    expect(unescapeText(prop(event, "DESCRIPTION")!.value)).toContain("31 maart 2026 om 23:59 (Belgische tijd)");
  });

  it("escapes the text and links each event to the calls page", () => {
    const event = eventFor(ids.summer!, "indienen")!;
    expect(prop(event, "SUMMARY")!.value).toBe(
      "Deadline: Oefenkansen Nederlands\\; oproep 2026\\, tweede ronde — voor lokale besturen én de Vlaamse Gemeenschapscommissie",
    );
    expect(unescapeText(prop(event, "SUMMARY")!.value)).toBe(`Deadline: ${LONG_TITLE}`);
    const description = unescapeText(prop(event, "DESCRIPTION")!.value);
    expect(description).toContain("30 juni 2026 om 23:59 (Belgische tijd)");
    expect(description.split("\n")).toHaveLength(2);
    expect(prop(event, "URL")!.value).toBe(`https://portaal.example/oproepen/${ids.summer}`);
    expect(event.components.map((c) => c.type)).toEqual(["VALARM"]);
    // 48 hours before the deadline, which is the event's end.
    expect(prop(event.components[0]!, "TRIGGER")).toEqual({ name: "TRIGGER", params: { RELATED: "END" }, value: "-PT2880M" });
  });

  it("is linked from the calls page, which links to each call's page", async () => {
    const page = await (await new HttpClient(server.url).get("/oproepen")).text();
    expect(page).toContain('href="/oproepen/kalender.ics"');
    expect(page).toContain("Voeg de deadlines toe aan uw agenda");
    expect(page).toContain(`href="/oproepen/${ids.summer}"`);
    expect((await new HttpClient(server.url).get(`/oproepen/${ids.summer}`)).status).toBe(200);
  });
});

/** The feed read by ical.js, with its VTIMEZONE registered so TZID times become instants. */
async function feedEvents() {
  const text = await (await new HttpClient(server.url).get("/oproepen/kalender.ics")).text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

describe("the feed read by a real iCalendar parser (ical.js)", () => {
  const submission = (list: ICAL.Event[], callId: string) => list.find((e) => e.uid.startsWith(`oproep-${callId}-indienen@`))!;

  it("has SEQUENCE, DTSTART and DTEND on every event, ending at the deadline", async () => {
    const list = await feedEvents();
    expect(list).toHaveLength(5);
    for (const event of list) {
      expect(event.component.hasProperty("sequence"), event.uid).toBe(true);
      expect(event.component.hasProperty("dtend"), event.uid).toBe(true);
      expect(event.sequence, event.uid).toBe(0);
      expect(event.endDate.subtractDate(event.startDate).toSeconds(), event.uid).toBe(30 * 60 - 1);
    }
    expect(submission(list, ids.winter!).endDate.toJSDate().toISOString()).toBe("2026-01-15T22:59:59.000Z");
  });

  it("gives a deadline an administrator moves a higher SEQUENCE under the same UID; other edits do not", async () => {
    const admin = await createUser(db, { staffRoles: ["ADMIN"] });
    // The feed's server runs under PUBLIC_URL https://portaal.example: post as that origin.
    const client = new HttpClient(server.url, "https://portaal.example");
    await client.login(admin.email);
    const before = submission(await feedEvents(), ids.winter!);
    const decisionBefore = (await feedEvents()).find((e) => e.uid === `oproep-${ids.winter}-beslissing@${before.uid.split("@")[1]}`)!;

    const save = async (changes: Record<string, string>) => {
      const response = await client.post(`/beheer/oproepen/${ids.winter}`, await callEditForm(db, ids.winter!, changes));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("De oproep is bijgewerkt");
    };
    await save({ title: "Regierol 2026, nieuwe titel" });
    const renamed = submission(await feedEvents(), ids.winter!);
    expect(renamed.uid).toBe(before.uid);
    expect(renamed.sequence).toBe(before.sequence);

    await save({ closesDate: "2026-01-31", closesTime: "23:59" });
    const moved = submission(await feedEvents(), ids.winter!);
    expect(moved.uid).toBe(before.uid);
    expect(moved.sequence).toBe(before.sequence + 1);
    expect(moved.endDate.toJSDate().toISOString()).toBe("2026-01-31T22:59:59.000Z");

    await save({ closesDate: "2026-02-06", closesTime: "23:59" });
    const list = await feedEvents();
    expect(submission(list, ids.winter!).sequence).toBe(before.sequence + 2);
    // The decision date did not move: its event keeps its SEQUENCE.
    expect(list.find((e) => e.uid === decisionBefore.uid)!.sequence).toBe(decisionBefore.sequence);
  });
});

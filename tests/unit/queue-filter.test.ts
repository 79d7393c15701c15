import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUEUE_FILTER,
  completeReference,
  describeResultCount,
  pageWindow,
  parseQueueSearch,
  queueSearch,
  resolveQueueFilter,
  statusesFor,
} from "~/review/queue";

const parse = (query: string) => parseQueueSearch(new URLSearchParams(query));

describe("parseQueueSearch", () => {
  it("gives the defaults for an empty query string: undecided dossiers, oldest submission first, page 1", () => {
    expect(parse("")).toEqual({
      ...DEFAULT_QUEUE_FILTER,
      q: undefined,
      programme: undefined,
      callId: undefined,
      province: undefined,
      assignee: undefined,
    });
    expect(statusesFor(parse("").status)).toEqual(["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "PROPOSED"]);
  });

  it("reads every filter from its Dutch parameter", () => {
    expect(
      parse(
        "q=Gent&programma=RAD&oproep=call1&status=PROPOSED&provincie=Oost-Vlaanderen&toegewezen=mij&achterstand=ja&sorteer=bedrag&volgorde=af&pagina=3",
      ),
    ).toEqual({
      q: "Gent",
      programme: "RAD",
      callId: "call1",
      status: "PROPOSED",
      province: "Oost-Vlaanderen",
      assignee: "mij",
      overdue: true,
      sort: "bedrag",
      direction: "af",
      page: 3,
    });
  });

  it("falls back to the default for every invalid value instead of failing", () => {
    const filter = parse(
      "status=DRAFT&provincie=Brabant&sorteer=naam&volgorde=omhoog&pagina=-4&achterstand=misschien&programma=rad;drop&oproep=%3Cscript%3E&toegewezen=a%20b",
    );
    expect(filter).toMatchObject({
      ...DEFAULT_QUEUE_FILTER,
      province: undefined,
      programme: undefined,
      callId: undefined,
      assignee: undefined,
    });
    for (const page of ["0", "abc", "1.5", "1e99", "99999999999"]) expect(parse(`pagina=${page}`).page).toBe(1);
  });

  it("treats empty fields of the GET form as not set, and takes the first of a repeated parameter", () => {
    expect(parse("q=&programma=&oproep=&status=&provincie=&toegewezen=&sorteer=&volgorde=")).toMatchObject(DEFAULT_QUEUE_FILTER);
    expect(parse("status=REFUSED&status=APPROVED").status).toBe("REFUSED");
  });

  it("trims the search text and cuts it at 100 characters", () => {
    expect(parse("q=%20%20RAD-2026%20").q).toBe("RAD-2026");
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(100);
    expect(parse("q=%20%20").q).toBeUndefined();
  });

  it("drops the LIKE wildcards % and _ (Prisma does not escape them on SQLite) and squeezes spaces", () => {
    expect(parse("q=100%25").q).toBe("100");
    expect(parse("q=Sint_Niklaas").q).toBe("Sint Niklaas");
    expect(parse("q=%25%25_").q).toBeUndefined();
    expect(parse("q=Sint%20%20%20Truiden").q).toBe("Sint Truiden");
  });
});

describe("resolveQueueFilter", () => {
  const choices = { programmeCodes: ["OEF", "RAD"], callIds: ["c1", "c2"], assigneeIds: ["u1"] };

  it("keeps known programmes, calls and reviewers, and the special assignees", () => {
    const filter = { ...DEFAULT_QUEUE_FILTER, programme: "RAD", callId: "c2", assignee: "u1" };
    expect(resolveQueueFilter(filter, choices)).toEqual(filter);
    expect(resolveQueueFilter({ ...filter, assignee: "mij" }, choices).assignee).toBe("mij");
    expect(resolveQueueFilter({ ...filter, assignee: "niemand" }, choices).assignee).toBe("niemand");
  });

  it("drops values that name nothing that exists", () => {
    const resolved = resolveQueueFilter({ ...DEFAULT_QUEUE_FILTER, programme: "XYZ", callId: "c9", assignee: "u9" }, choices);
    expect(resolved).toMatchObject({ programme: undefined, callId: undefined, assignee: undefined });
  });
});

describe("queueSearch", () => {
  it("leaves defaults out and round-trips through parseQueueSearch", () => {
    expect(queueSearch(DEFAULT_QUEUE_FILTER)).toBe("");
    const filter = {
      ...DEFAULT_QUEUE_FILTER,
      q: "Sint-Niklaas & co",
      province: "Limburg" as const,
      overdue: true,
      sort: "organisatie" as const,
      page: 4,
    };
    const search = queueSearch(filter);
    expect(search).toBe("?q=Sint-Niklaas+%26+co&provincie=Limburg&achterstand=ja&sorteer=organisatie&pagina=4");
    expect(parseQueueSearch(new URLSearchParams(search))).toEqual({
      ...filter,
      programme: undefined,
      callId: undefined,
      assignee: undefined,
    });
  });

  it("overrides the page and drops page 1", () => {
    const filter = { ...DEFAULT_QUEUE_FILTER, status: "alle" as const, page: 7 };
    expect(queueSearch(filter, { page: 8 })).toBe("?status=alle&pagina=8");
    expect(queueSearch(filter, { page: 1 })).toBe("?status=alle");
  });
});

describe("completeReference", () => {
  it("recognises a complete dossier number in any case, with or without leading zeros", () => {
    expect(completeReference("RAD-2026-0042")).toBe("RAD-2026-0042");
    expect(completeReference(" rad-2026-42 ")).toBe("RAD-2026-0042");
    expect(completeReference("oef-2026-12345")).toBe("OEF-2026-12345");
  });

  it("leaves partial numbers and names to the text search", () => {
    for (const q of ["RAD-2026", "RAD-26-1", "Sint-Niklaas", "2026-0042", "RAD 2026 0042"]) expect(completeReference(q)).toBeNull();
  });
});

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows the first, the last and two on either side, with gaps", () => {
    expect(pageWindow(200, 400)).toEqual([1, null, 198, 199, 200, 201, 202, null, 400]);
    expect(pageWindow(1, 400)).toEqual([1, 2, 3, null, 400]);
    expect(pageWindow(400, 400)).toEqual([1, null, 398, 399, 400]);
    expect(pageWindow(4, 400)).toEqual([1, 2, 3, 4, 5, 6, null, 400]);
  });
});

describe("describeResultCount", () => {
  it("counts in Dutch", () => {
    expect(describeResultCount(0)).toBe("0 dossiers gevonden.");
    expect(describeResultCount(1)).toBe("1 dossier gevonden.");
    expect(describeResultCount(10_000)).toBe("10.000 dossiers gevonden.");
  });
});

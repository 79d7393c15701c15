import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Real HTTP against the built server and a real SQLite file: the side-by-side comparison of
// recognition candidates (staff only) and the public register of partner organisations.
const db = createPrismaClient();
let server: RunningServer;
let official: { email: string; password: string };
let reviewer: { email: string; password: string };
let decider: { email: string; password: string };
let admin: { email: string; password: string };
let overlapCall: { id: string };
let disjointCall: { id: string };
let fundingCall: { id: string };
const ids: Record<string, string> = {};

const CLOCK = "2026-03-02T10:00:00.000Z";

function answers(input: {
  themas: string[];
  provincies: string[];
  facetten: string[];
  kanalen?: string[];
  expertise?: string[];
  aanbod?: string;
  website?: string;
  extra?: Record<string, unknown>;
}) {
  return {
    organisatieNaam: "staat in Organisation",
    expertise: input.expertise ?? ["praktijkontwikkeling"],
    themas: input.themas,
    kanalen: input.kanalen ?? ["offline"],
    facetten: input.facetten,
    provincies: input.provincies,
    aanbod: input.aanbod ?? "Vormingen voor eerstelijnswerkers.",
    website: input.website ?? "",
    ...input.extra,
  };
}

async function candidate(
  callId: string,
  name: string,
  status: string,
  data: ReturnType<typeof answers>,
  extra: { proposedOutcome?: string; recognitionStartsOn?: string; recognitionEndsOn?: string } = {},
) {
  const organisation = await createOrganisation(db, { name, kind: "VZW", province: "Antwerpen" });
  const application = await createApplication(db, { callId, organisationId: organisation.id, status, data });
  if (Object.keys(extra).length > 0) await db.application.update({ where: { id: application.id }, data: extra });
  ids[name] = application.id;
  return application;
}

beforeAll(async () => {
  const municipality = await createOrganisation(db, { name: "Stad Antwerpen", nisCode: "11002" });
  official = await createUser(db, { email: "ambtenaar@antwerpen.example", memberOf: [municipality.id] });
  reviewer = await createUser(db, { email: "beoordelaar@agii.example", staffRoles: ["REVIEWER"] });
  decider = await createUser(db, { email: "beslisser@agii.example", staffRoles: ["DECIDER"] });
  admin = await createUser(db, { email: "beheerder@agii.example", staffRoles: ["ADMIN"] });

  const recognition = (settings: Record<string, unknown>) =>
    createProgrammeAndCall(db, {
      opensAt: new Date("2025-09-15T00:00:00Z"),
      closesAt: new Date("2025-10-31T22:59:59Z"),
      formKey: "erkenning",
      kind: "RECOGNITION",
      eligibleKinds: ["VZW"],
      settings,
    });

  // An earlier round: recognised organisations (running, upcoming, ended), a refused and a submitted one.
  const earlier = await recognition({ recognitionStartsOn: "2026-01-01" });
  await candidate(
    earlier.id,
    "vzw Erkend Nu",
    "APPROVED",
    answers({
      themas: ["radicalisering"],
      provincies: ["Antwerpen"],
      facetten: ["regie"],
      expertise: ["beleidsondersteuning"],
      kanalen: ["online", "offline"],
      aanbod: "Begeleiding van lokale besturen bij het opzetten van hun regie.",
      website: "https://erkend-nu.example/",
      extra: {
        contactVoornaam: "Geheime",
        contactAchternaam: "Contactpersoon",
        contactEmail: "contact@erkend-nu.example",
        contactTelefoon: "0470123456",
        jaarbudget: "98765,43",
        personeel: [{ functie: "Vertrouwelijke functie", vte: "0,8", kwalificaties: "Master criminologie" }],
      },
    }),
    { recognitionStartsOn: "2026-01-01", recognitionEndsOn: "2030-12-31" },
  );
  await candidate(
    earlier.id,
    "vzw Erkend Later",
    "APPROVED",
    answers({ themas: ["extremisme"], provincies: ["Limburg"], facetten: ["signalen"], aanbod: "Trainingen vroegsignalering." }),
    { recognitionStartsOn: "2027-01-01", recognitionEndsOn: "2031-12-31" },
  );
  await candidate(
    earlier.id,
    "vzw Verlopen",
    "APPROVED",
    answers({ themas: ["terrorisme"], provincies: ["Brussel"], facetten: ["omgeving"] }),
    { recognitionStartsOn: "2021-01-01", recognitionEndsOn: "2025-12-31" },
  );
  await candidate(
    earlier.id,
    "vzw Geweigerd",
    "REFUSED",
    answers({
      themas: ["radicalisering"],
      provincies: ["Antwerpen"],
      facetten: ["regie"],
      aanbod: "Geheim aanbod van de geweigerde kandidaat.",
    }),
  );
  await candidate(
    earlier.id,
    "vzw Ingediend",
    "SUBMITTED",
    answers({ themas: ["radicalisering"], provincies: ["Antwerpen"], facetten: ["regie"], aanbod: "Aanbod dat nog beoordeeld wordt." }),
  );

  // The round under review: Brugwerk and Tussenruimte overlap, Derde overlaps with vzw Erkend Nu.
  overlapCall = await recognition({ recognitionStartsOn: "2027-01-01" });
  await candidate(
    overlapCall.id,
    "vzw Brugwerk",
    "SUBMITTED",
    answers({ themas: ["polarisatie", "radicalisering"], provincies: ["Oost-Vlaanderen", "West-Vlaanderen"], facetten: ["weerbaarheid"] }),
  );
  await candidate(
    overlapCall.id,
    "vzw Tussenruimte",
    "PROPOSED",
    answers({ themas: ["polarisatie"], provincies: ["Oost-Vlaanderen", "Vlaams-Brabant"], facetten: ["weerbaarheid", "online"] }),
    { proposedOutcome: "APPROVED" },
  );
  await candidate(
    overlapCall.id,
    "vzw Derde",
    "IN_REVIEW",
    answers({ themas: ["radicalisering"], provincies: ["Antwerpen"], facetten: ["regie"] }),
  );
  await candidate(
    overlapCall.id,
    "vzw Concept",
    "DRAFT",
    answers({ themas: ["polarisatie"], provincies: ["Oost-Vlaanderen"], facetten: ["weerbaarheid"] }),
  );
  await candidate(
    overlapCall.id,
    "vzw Ingetrokken",
    "WITHDRAWN",
    answers({ themas: ["polarisatie"], provincies: ["Oost-Vlaanderen"], facetten: ["weerbaarheid"] }),
  );

  // A round whose candidates divide the work without overlap (also with the recognised ones).
  disjointCall = await recognition({ recognitionStartsOn: "2027-01-01" });
  await candidate(
    disjointCall.id,
    "vzw Noord",
    "SUBMITTED",
    answers({ themas: ["polarisatie"], provincies: ["Antwerpen"], facetten: ["weerbaarheid"] }),
  );
  await candidate(
    disjointCall.id,
    "vzw Zuid",
    "SUBMITTED",
    answers({ themas: ["polarisatie"], provincies: ["Limburg"], facetten: ["weerbaarheid"] }),
  );
  await candidate(
    disjointCall.id,
    "vzw Oost",
    "SUBMITTED",
    answers({ themas: ["terrorisme"], provincies: ["Antwerpen"], facetten: ["weerbaarheid"] }),
  );

  // An approved dossier of a funding programme is no recognition.
  fundingCall = await createProgrammeAndCall(db, {
    opensAt: new Date("2025-09-15T00:00:00Z"),
    closesAt: new Date("2025-10-31T22:59:59Z"),
  });
  const application = await createApplication(db, { callId: fundingCall.id, organisationId: municipality.id, status: "APPROVED" });
  await db.application.update({ where: { id: application.id }, data: { recognitionStartsOn: "2026-01-01" } });

  // A recognition on another form (another kind of recognition) is neither compared nor listed.
  const otherRecognition = await createProgrammeAndCall(db, {
    opensAt: new Date("2025-09-15T00:00:00Z"),
    closesAt: new Date("2025-10-31T22:59:59Z"),
    kind: "RECOGNITION",
    eligibleKinds: ["VZW"],
  });
  await candidate(
    otherRecognition.id,
    "vzw Ander Register",
    "APPROVED",
    answers({ themas: ["polarisatie"], provincies: ["Oost-Vlaanderen"], facetten: ["weerbaarheid"] }),
    { recognitionStartsOn: "2026-01-01", recognitionEndsOn: "2030-12-31" },
  );

  server = await startServer({ PORTAL_CLOCK: CLOCK });
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

async function staffClient(user: { email: string; password: string } = reviewer) {
  const client = new HttpClient(server.url);
  await client.login(user.email);
  return client;
}

/** The organisation names in the matrix's column headers. */
function columnHeaders(html: string): string[] {
  const table = html.slice(html.indexOf('class="recognition-matrix"'));
  const head = table.slice(0, table.indexOf("</thead>"));
  return [...head.matchAll(/<th scope="col">([^<]*)/g)].map((match) => match[1]!);
}

/** The matrix row whose header is `label`, from <tr to </tr>. */
function matrixRow(html: string, label: string): string {
  const at = html.indexOf(`<th scope="row">${label}`);
  if (at < 0) throw new Error(`Geen rij ${label}`);
  return html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
}

describe("comparison of recognition candidates", () => {
  it("is for staff only: anonymous visitors log in first, officials get 403", async () => {
    const path = `/te-beoordelen/erkenningen/${overlapCall.id}`;
    const anonymous = await new HttpClient(server.url).get(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(`/aanmelden?redirectTo=${encodeURIComponent(path)}`);

    const client = new HttpClient(server.url);
    await client.login(official.email);
    for (const page of [path, "/te-beoordelen/erkenningen"]) {
      const response = await client.get(page);
      expect(response.status, page).toBe(403);
      expect(await response.text()).not.toContain("vzw Brugwerk");
    }
    expect(await (await client.get(`${path}.data`)).text()).not.toContain("vzw Brugwerk");

    for (const user of [reviewer, decider, admin]) {
      const response = await (await staffClient(user)).get(path);
      expect(response.status, user.email).toBe(200);
    }
  });

  it("answers 404 for a call that is not a recognition", async () => {
    const client = await staffClient();
    expect((await client.get(`/te-beoordelen/erkenningen/${fundingCall.id}`)).status).toBe(404);
    expect((await client.get("/te-beoordelen/erkenningen/bestaat-niet")).status).toBe(404);
  });

  it("shows the submitted candidates and the running recognitions side by side, with status and proposal", async () => {
    const html = await (await (await staffClient()).get(`/te-beoordelen/erkenningen/${overlapCall.id}`)).text();
    // Candidates by name, then the organisations recognised elsewhere still running on 1 January 2027.
    expect(columnHeaders(html)).toEqual(["vzw Brugwerk", "vzw Derde", "vzw Tussenruimte", "vzw Erkend Later", "vzw Erkend Nu"]);
    expect(html).not.toContain("vzw Concept");
    expect(html).not.toContain("vzw Ingetrokken");
    expect(html).not.toContain("vzw Verlopen");
    expect(html).not.toContain("vzw Geweigerd");
    expect(html).toContain("Voorstel tot beslissing");
    expect(html).toContain("1 januari 2026 tot en met 31 december 2030");
    expect(html).toContain(`href="/dossiers/${ids["vzw Tussenruimte"]}"`);
  });

  it("highlights overlap between two candidates and between a candidate and a recognised organisation", async () => {
    const html = await (await (await staffClient()).get(`/te-beoordelen/erkenningen/${overlapCall.id}`)).text();
    expect(html).toContain("2 overlappen:");
    expect(html).toContain("Schadelijke polarisatie in Oost-Vlaanderen: vzw Brugwerk, vzw Tussenruimte");
    expect(html).toContain("Gewelddadige radicalisering in Antwerpen: vzw Derde, vzw Erkend Nu");
    expect(html).toContain("Facet: Weerbaarheid en verbinding");
    // Rows are marked with text for screen readers, not by colour alone.
    expect(html).toContain('class="overlap-row"');
    expect(html).toContain("Ja, overlap");
    expect(html).toContain("twee of meer organisaties werken rond hetzelfde thema, in dezelfde provincie, voor hetzelfde facet.");
    const eastRow = matrixRow(html, "Oost-Vlaanderen");
    expect(eastRow).toContain('class="overlap-row"');
    expect(eastRow.match(/Ja, overlap/g)).toHaveLength(2);
    // West-Vlaanderen is Brugwerk's alone: no overlap flag on that row.
    const westRow = matrixRow(html, "West-Vlaanderen");
    expect(westRow).toContain("Ja</td>");
    expect(westRow).not.toContain("overlap");
  });

  it("marks no overlap for candidates that divide the work", async () => {
    const html = await (await (await staffClient()).get(`/te-beoordelen/erkenningen/${disjointCall.id}`)).text();
    expect(columnHeaders(html)).toEqual(["vzw Noord", "vzw Oost", "vzw Zuid", "vzw Erkend Later", "vzw Erkend Nu"]);
    expect(html).toContain("Geen overlap: geen twee organisaties werken rond hetzelfde thema in dezelfde provincie voor hetzelfde facet.");
    expect(html).not.toContain('class="overlap-row"');
    expect(html).not.toContain("Ja, overlap");
    expect(html).toContain("Ja</td>");
  });

  it("compares only the candidates ticked in the filter (a plain GET form)", async () => {
    const client = await staffClient();
    const query = new URLSearchParams([
      ["kandidaat", ids["vzw Brugwerk"]!],
      ["kandidaat", ids["vzw Derde"]!],
      ["kandidaat", "bestaat-niet"],
    ]);
    const html = await (await client.get(`/te-beoordelen/erkenningen/${overlapCall.id}?${query}`)).text();
    expect(columnHeaders(html)).toEqual(["vzw Brugwerk", "vzw Derde", "vzw Erkend Later", "vzw Erkend Nu"]);
    expect(html).toContain("1 overlap:");
    expect(html).not.toContain("Schadelijke polarisatie in Oost-Vlaanderen:");
    const checkbox = (name: string) => new RegExp(`<input[^>]*id="kandidaat-${ids[name]}"[^>]*>`).exec(html)?.[0] ?? "";
    expect(checkbox("vzw Brugwerk")).toContain('checked=""');
    expect(checkbox("vzw Tussenruimte")).not.toContain("checked");
    expect(checkbox("vzw Tussenruimte")).toContain('name="kandidaat"');
    expect(html).toContain("Alle kandidaten tonen");
    // Without JavaScript the browser submits the same GET form to the same page.
    const form = /<form[^>]*class="recognition-selection"[^>]*>/.exec(html)?.[0] ?? "";
    expect(form).toContain('method="get"');
    expect(form).toContain(`action="/te-beoordelen/erkenningen/${overlapCall.id}"`);
  });

  it("lists the recognition calls with their number of candidates", async () => {
    const html = await (await (await staffClient(decider)).get("/te-beoordelen/erkenningen")).text();
    expect(html).toContain(`href="/te-beoordelen/erkenningen/${overlapCall.id}"`);
    expect(html).toContain("3 kandidaten");
    expect(html).not.toContain(`/te-beoordelen/erkenningen/${fundingCall.id}`);
  });
});

describe("public register of partner organisations", () => {
  it("shows, without login, the recognised organisations in their period with their offer", async () => {
    const response = await new HttpClient(server.url).get("/partnerorganisaties");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("vzw Erkend Nu");
    expect(html).toContain("1 januari 2026 tot en met 31 december 2030");
    expect(html).toContain("Begeleiding van lokale besturen bij het opzetten van hun regie.");
    expect(html).toContain('href="https://erkend-nu.example/"');
    expect(html).toContain("Beleidsondersteuning");
    expect(html).toContain("Gewelddadige radicalisering");
    expect(html).toContain("Online");
    expect(html).toContain("Lokale regie en netwerk");
    // Upcoming recognitions are listed, with their period.
    expect(html).toContain("vzw Erkend Later");
    expect(html).toContain("1 januari 2027 tot en met 31 december 2031 (nog niet gestart)");
    expect(html).toContain("2 erkende partnerorganisaties.");
  });

  it("hides ended recognitions, candidates not (yet) recognised, and non-recognition dossiers", async () => {
    for (const path of ["/partnerorganisaties", "/partnerorganisaties.data"]) {
      const body = await (await new HttpClient(server.url).get(path)).text();
      for (const hidden of [
        "vzw Verlopen",
        "vzw Geweigerd",
        "Geheim aanbod van de geweigerde kandidaat.",
        "vzw Ingediend",
        "Aanbod dat nog beoordeeld wordt.",
        "vzw Brugwerk",
        "vzw Tussenruimte",
        "vzw Ander Register",
        "Stad Antwerpen",
      ]) {
        expect(body, `${path}: ${hidden}`).not.toContain(hidden);
      }
    }
  });

  it("publishes no contact persons, staff, budget figures or dossier ids", async () => {
    for (const path of ["/partnerorganisaties", "/partnerorganisaties.data"]) {
      const body = await (await new HttpClient(server.url).get(path)).text();
      expect(body, path).toContain("vzw Erkend Nu");
      for (const secret of [
        "contact@erkend-nu.example",
        "Geheime",
        "0470123456",
        "98765",
        "Vertrouwelijke functie",
        "Master criminologie",
        ids["vzw Erkend Nu"]!,
      ]) {
        expect(body, `${path}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it("filters by province and by theme with a GET form", async () => {
    const client = new HttpClient(server.url);
    const limburg = await (await client.get("/partnerorganisaties?provincie=Limburg")).text();
    expect(limburg).toContain("vzw Erkend Later");
    expect(limburg).not.toContain("vzw Erkend Nu");
    expect(limburg).toContain("1 erkende partnerorganisatie gevonden (van 2).");
    expect(limburg).toMatch(/<option value="Limburg" selected="">/);
    const form = /<form[^>]*role="search"[^>]*>/.exec(limburg)?.[0] ?? "";
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/partnerorganisaties"');

    const radicalisation = await (await client.get("/partnerorganisaties?thema=radicalisering")).text();
    expect(radicalisation).toContain("vzw Erkend Nu");
    expect(radicalisation).not.toContain("vzw Erkend Later");

    const both = await (await client.get("/partnerorganisaties?provincie=Limburg&thema=radicalisering")).text();
    expect(both).toContain("Geen erkende partnerorganisaties voor deze keuze.");
    expect(both).not.toContain("vzw Erkend");

    // An unknown value is ignored rather than refused.
    const unknown = await client.get("/partnerorganisaties?provincie=Atlantis");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("2 erkende partnerorganisaties.");
  });

  it("is linked from the main navigation for everyone", async () => {
    const html = await (await new HttpClient(server.url).get("/oproepen")).text();
    expect(html).toContain('href="/partnerorganisaties"');
  });
});

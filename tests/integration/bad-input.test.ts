import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { FORM_POST_MESSAGES } from "~/utils/form-post.server";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";
import { HttpClient } from "../support/http-client";
import { startServer, type RunningServer } from "../support/server";

// Every form action of the portal, posted the way no form of ours posts (JSON, text/plain, no
// content type, broken multipart), through real HTTP against the built server: a Dutch
// message with a 4xx status, never a 500, and nothing in the log.
const db = createPrismaClient();
let server: RunningServer;
let admin: HttpClient;
let official: HttpClient;
let anonymous: HttpClient;
/** [path, who posts it, takes files] */
let actions: Array<[string, () => HttpClient, boolean]>;

beforeAll(async () => {
  const leuven = await createOrganisation(db, { name: "Stad Leuven", nisCode: "24062", province: "Vlaams-Brabant" });
  const ocmw = await createOrganisation(db, { name: "OCMW Leuven", kind: "OCMW", kboNumber: "0212239958", province: "Vlaams-Brabant" });
  const call = await createProgrammeAndCall(db, { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2030-01-01T00:00:00Z") });
  const draft = await createApplication(db, { callId: call.id, organisationId: leuven.id });
  const asked = await createApplication(db, { callId: call.id, organisationId: ocmw.id, status: "INFO_REQUESTED" });
  const member = await createUser(db, { email: "sara@leuven.example", memberOf: [leuven.id, ocmw.id] });
  const staff = await createUser(db, { email: "beheer@agii.example", staffRoles: ["ADMIN", "REVIEWER", "DECIDER"] });
  const programme = await db.programme.findFirstOrThrow();
  server = await startServer();
  admin = new HttpClient(server.url);
  await admin.login(staff.email);
  official = new HttpClient(server.url);
  await official.login(member.email);
  anonymous = new HttpClient(server.url);
  const [asAdmin, asOfficial, asAnyone] = [() => admin, () => official, () => anonymous];
  actions = [
    ["/aanmelden", asAnyone, false],
    ["/wachtwoord-vergeten", asAnyone, false],
    ["/wachtwoord-herstellen/een-token-dat-niet-bestaat", asAnyone, false],
    ["/uitnodiging/een-token-dat-niet-bestaat", asAnyone, false],
    ["/afmelden", asOfficial, false],
    ["/organisatie/wissel", asOfficial, false],
    ["/organisatie?index", asOfficial, false],
    [`/oproepen/${call.id}`, asOfficial, false],
    [`/dossiers/${draft.id}/stap/organisatie`, asOfficial, true],
    [`/dossiers/${draft.id}/overzicht`, asOfficial, false],
    [`/dossiers/${draft.id}/intrekken`, asOfficial, false],
    [`/dossiers/${asked.id}/antwoord`, asOfficial, true],
    [`/dossiers/${draft.id}?index`, asAdmin, false],
    [`/dossiers/${draft.id}/beoordeling`, asAdmin, false],
    ["/beheer/e-mails", asAdmin, false],
    ["/beheer/formulieren/nieuw", asAdmin, false],
    ["/beheer/fusies", asAdmin, false],
    [`/beheer/gebruikers/${member.id}`, asAdmin, false],
    ["/beheer/gemeenten", asAdmin, false],
    [`/beheer/oproepen/${call.id}`, asAdmin, false],
    ["/beheer/oproepen/nieuw", asAdmin, false],
    [`/beheer/organisaties/${leuven.id}`, asAdmin, false],
    ["/beheer/organisaties/nieuw", asAdmin, false],
    [`/beheer/programmas/${programme.id}`, asAdmin, false],
    ["/beheer/programmas/nieuw", asAdmin, false],
  ];
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

type Body = { name: string; contentType?: string; body: BodyInit };
const BODIES: Body[] = [
  { name: "JSON", contentType: "application/json", body: JSON.stringify({ email: "an@leuven.example", intent: "save" }) },
  { name: "text/plain", contentType: "text/plain;charset=UTF-8", body: "email=an@leuven.example" },
  // A binary body: fetch then sends no Content-Type at all.
  { name: "no content type", body: new TextEncoder().encode("email=an%40leuven.example") },
  { name: "an unknown type", contentType: "application/xml", body: "<form/>" },
];
const BROKEN_MULTIPART: Body[] = [
  { name: "multipart without boundary", contentType: "multipart/form-data", body: "--grens\r\n" },
  {
    name: "multipart with another boundary",
    contentType: "multipart/form-data; boundary=anders",
    body: '--grens\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--grens--\r\n',
  },
  {
    name: "truncated multipart",
    contentType: "multipart/form-data; boundary=grens",
    body: '--grens\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave',
  },
  {
    name: "multipart with a nameless part",
    contentType: "multipart/form-data; boundary=grens",
    body: "--grens\r\nContent-Type: text/plain\r\n\r\nx\r\n--grens--\r\n",
  },
];

function post(client: HttpClient, path: string, { contentType, body }: Body): Promise<Response> {
  return client.postRaw(path, body, contentType ? { accept: "text/html", "content-type": contentType } : { accept: "text/html" });
}

function expectNoErrorLogged() {
  expect(server.output()).not.toMatch(/\[fout [0-9A-F]{8}\]/);
  expect(server.output()).not.toMatch(/^\s+at /m);
}

describe("a post that is not a form", () => {
  for (const variant of BODIES) {
    it(`is refused with 415 and a Dutch message on every action: ${variant.name}`, async () => {
      for (const [path, client] of actions) {
        const response = await post(client(), path, variant);
        const html = await response.text();
        expect(response.status, `${path}: ${html.slice(0, 200)}`).toBe(415);
        expect(html, path).toContain(FORM_POST_MESSAGES.notAForm);
      }
      expectNoErrorLogged();
    });
  }
});

describe("a broken multipart body", () => {
  for (const variant of BROKEN_MULTIPART) {
    it(`is refused with a Dutch message on every action: ${variant.name}`, async () => {
      for (const [path, client, takesFiles] of actions) {
        const response = await post(client(), path, variant);
        const html = await response.text();
        if (takesFiles) {
          expect(response.status, path).toBe(400);
          expect(html, path).toContain(FORM_POST_MESSAGES.malformed);
        } else {
          expect(response.status, path).toBe(415);
          expect(html, path).toContain(FORM_POST_MESSAGES.noFiles);
        }
      }
      expectNoErrorLogged();
    });
  }
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admission } from "../../server/admission.js";
import { routesWithQueuedPosts, routesWithQueuedReads } from "../../server/file-routes.js";

// The deadline path's queues (server/admission.js): submits, and the receipts they lead to, a
// few at a time and in order of arrival, each in its own queue; everything else goes straight on.
const build = {
  routes: {
    root: { id: "root", path: "", module: {} },
    summary: { id: "summary", parentId: "root", path: "dossiers/:applicationId/overzicht", module: { handle: { queuedPosts: true } } },
    receipt: {
      id: "receipt",
      parentId: "root",
      path: "dossiers/:applicationId/ontvangstbewijs",
      module: { handle: { queuedReads: true } },
    },
    step: { id: "step", parentId: "root", path: "dossiers/:applicationId/stap/:stepId", module: {} },
  },
};

const held: Array<{ path: string; release: () => void }> = [];
const submits = admission({ limit: 1, matches: routesWithQueuedPosts(build) });
const receipts = admission({ limit: 1, matches: routesWithQueuedReads(build), methods: ["GET", "HEAD"] });
const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://portal").pathname;
  const request = Object.assign(req, { path });
  submits(request, res, () =>
    receipts(request, res, () => {
      // Every request is answered only when the test releases it.
      held.push({ path: `${req.method} ${path}`, release: () => res.end("ok") });
    }),
  );
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const request of held) request.release();
  await new Promise((resolve) => server.close(resolve));
});

const arrived = () => held.map((request) => request.path);
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

function releaseFirst(path: string) {
  const index = held.findIndex((request) => request.path === path);
  expect(index, path).toBeGreaterThanOrEqual(0);
  held.splice(index, 1)[0]!.release();
}

describe("admission", () => {
  it("recognises the routes by their handle, also as Remix data requests", () => {
    const queuedReads = routesWithQueuedReads(build);
    expect(queuedReads("/dossiers/abc/ontvangstbewijs")).toBe(true);
    expect(queuedReads("/dossiers/abc/ontvangstbewijs.data")).toBe(true);
    expect(queuedReads("/dossiers/abc/overzicht")).toBe(false);
    expect(routesWithQueuedPosts(build)("/dossiers/abc/overzicht.data")).toBe(true);
    expect(routesWithQueuedPosts(build)("/dossiers/abc/stap/organisatie")).toBe(false);
  });

  it("lets one receipt at a time through, in order, beside a submit in progress and an autosave", async () => {
    const answers = [
      fetch(`${base}/dossiers/a/overzicht`, { method: "POST" }),
      fetch(`${base}/dossiers/a/ontvangstbewijs.data`),
      fetch(`${base}/dossiers/b/ontvangstbewijs.data`),
      fetch(`${base}/dossiers/c/stap/organisatie`, { method: "POST" }),
    ];
    await settle();
    // The second receipt waits; the submit, the first receipt and the autosave are in hand.
    expect(arrived().sort()).toEqual(
      ["POST /dossiers/a/overzicht", "GET /dossiers/a/ontvangstbewijs.data", "POST /dossiers/c/stap/organisatie"].sort(),
    );
    releaseFirst("GET /dossiers/a/ontvangstbewijs.data");
    await settle();
    expect(arrived()).toContain("GET /dossiers/b/ontvangstbewijs.data");
    for (const path of ["POST /dossiers/a/overzicht", "GET /dossiers/b/ontvangstbewijs.data", "POST /dossiers/c/stap/organisatie"])
      releaseFirst(path);
    expect(await Promise.all(answers.map(async (answer) => (await answer).status))).toEqual([200, 200, 200, 200]);
  });
});

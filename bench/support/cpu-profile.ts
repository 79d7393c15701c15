// Summarises a V8 CPU profile (`node --cpu-prof`) by where the time went: Prisma's query
// compiler (WebAssembly), Prisma's client runtime, the database driver, React, Remix, the
// portal's own code (the server build), Node/HTTP, garbage collection.
import { readFileSync } from "node:fs";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const CATEGORIES: Array<[string, (url: string, name: string) => boolean]> = [
  ["Prisma query compiler (wasm)", (url) => url.startsWith("wasm://") || url.includes("query_compiler")],
  ["Prisma client runtime", (url) => url.includes("@prisma/client/runtime")],
  [
    "database adapter and driver",
    (url) => /@prisma\/(adapter-|driver-adapter)|better-sqlite3|node_modules\/pg|pg-protocol|postgres-/.test(url),
  ],
  ["React server render", (url) => url.includes("react-dom") || url.includes("/react/")],
  ["Remix", (url) => url.includes("@remix-run") || url.includes("turbo-stream")],
  ["portal code (build/)", (url) => url.includes("/build/index.js")],
  ["zod", (url) => url.includes("/zod/")],
  [
    "Express and middleware",
    (url) => /node_modules\/(express|helmet|compression|express-rate-limit|body-parser|router|send|serve-static)/.test(url),
  ],
  ["other packages", (url) => url.includes("node_modules")],
  ["garbage collection", (_url, name) => name === "(garbage collector)"],
  ["idle", (_url, name) => name === "(idle)"],
  ["Node.js and V8", () => true],
];

/**
 * Time per category. `lastMs`: only the samples of a window that ended `endedMsBeforeEnd` before
 * the profile ended and lasted `lastMs` (the burst, without the server's start).
 */
export function summariseProfile(
  file: string,
  window?: { lastMs: number; endedMsBeforeEnd: number },
): Array<{ category: string; ms: number; share: number }> {
  const profile: Profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const to = profile.endTime - (window?.endedMsBeforeEnd ?? 0) * 1000;
  const from = window ? to - window.lastMs * 1000 : -Infinity;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < from || at > to) return;
    const node = byId.get(id);
    if (!node) return;
    const { url, functionName } = node.callFrame;
    const category = CATEGORIES.find(([, match]) => match(url, functionName))![0];
    totals.set(category, (totals.get(category) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const busy = [...totals].filter(([category]) => category !== "idle").reduce((sum, [, value]) => sum + value, 0);
  return [...totals]
    .filter(([category]) => category !== "idle")
    .map(([category, value]) => ({ category, ms: value, share: value / busy }))
    .sort((a, b) => b.ms - a.ms);
}

/**
 * `npm run bench:bundle`: how much JavaScript a browser downloads for a full page load of the
 * main routes, read from the last production build (run `npm run build` first).
 *
 * For each route: the entry, every route module from root down to the route, the chunks the
 * manifest lists for them (what the server renders as <link rel="modulepreload">) and every
 * chunk those files import in turn. Sizes are raw and gzipped at zlib's default level, as the
 * `compression` middleware in server.js serves them; 1 kB = 1000 bytes. With lazy route
 * discovery the manifest is inlined in the HTML, so the manifest file is not counted.
 *
 * Exits with 1 when the wizard step exceeds its budget, so CI can run it after the build.
 * Options: BENCH_ROUTES=all (every route instead of the main ones), BENCH_TOP=8.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const PUBLIC_DIR = path.resolve("public");
const BUILD_DIR = path.join(PUBLIC_DIR, "build");
const METAFILE = path.resolve("build/metafile.js.json");
const TOP = Number(process.env.BENCH_TOP ?? 8);

const STEP_ROUTE = "routes/dossiers.$applicationId.stap.$stepId";
// Issue 11; docs/decisions/0027.
const BUDGET_GZ = 150_000;
const MAIN_ROUTES: Record<string, string> = {
  [STEP_ROUTE]: "wizard step",
  "routes/dossiers.$applicationId.overzicht": "summary",
  "routes/aanmelden": "login",
  "routes/dossiers.$applicationId.beoordeling": "staff review",
};

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };
type Size = { raw: number; gz: number };

function readManifest(): { file: string; manifest: Manifest } {
  const candidates = existsSync(BUILD_DIR) ? readdirSync(BUILD_DIR).filter((name) => /^manifest-.*\.js$/.test(name)) : [];
  if (candidates.length === 0) {
    console.error(`No build manifest in ${BUILD_DIR}: run \`npm run build\` first.`);
    process.exit(2);
  }
  // Stale manifests of earlier builds may remain; the newest one belongs to the last build.
  const file = candidates.map((name) => path.join(BUILD_DIR, name)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
  const source = readFileSync(file, "utf8");
  const json = source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1);
  return { file, manifest: JSON.parse(json) as Manifest };
}

/** "/build/_shared/chunk-X.js" -> the file on disk. */
function onDisk(url: string): string {
  return path.join(PUBLIC_DIR, url);
}

// esbuild writes static imports as `from"/build/..."` or `import"/build/..."`; dynamic
// `import("...")` is not fetched on page load and does not match.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\/build\/[^"]+\.js)"/g;

/** Every JS file a full page load of the route fetches. */
function filesForRoute(manifest: Manifest, routeId: string): Set<string> {
  const chain: ManifestRoute[] = [];
  for (
    let route: ManifestRoute | undefined = manifest.routes[routeId];
    route;
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  ) {
    chain.push(route);
  }
  const queue = [manifest.entry.module, ...manifest.entry.imports, ...chain.flatMap((route) => [route.module, ...(route.imports ?? [])])];
  const files = new Set<string>();
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (files.has(url)) continue;
    files.add(url);
    for (const match of readFileSync(onDisk(url), "utf8").matchAll(STATIC_IMPORT)) queue.push(match[1]!);
  }
  return files;
}

const sizes = new Map<string, Size>();
function sizeOf(url: string): Size {
  let size = sizes.get(url);
  if (!size) {
    const bytes = readFileSync(onDisk(url));
    size = { raw: bytes.length, gz: gzipSync(bytes).length };
    sizes.set(url, size);
  }
  return size;
}

function total(files: Iterable<string>): Size {
  let raw = 0;
  let gz = 0;
  for (const url of files) {
    const size = sizeOf(url);
    raw += size.raw;
    gz += size.gz;
  }
  return { raw, gz };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);

/** The packages (or app folders) that make up one output file, biggest first, from the build's metafile. */
function contents(metafile: EsbuildMetafile | null, url: string): string {
  const output = metafile?.outputs[path.relative(process.cwd(), onDisk(url))];
  if (!output) return "";
  const byOrigin = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    // A package and its first two folders ("zod/v4/locales"), or the app folder.
    const inPackage = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/);
    const origin = inPackage
      ? [inPackage[1], ...path.dirname(inPackage[2]!).split("/").slice(0, 2)].filter((part) => part !== ".").join("/")
      : path.dirname(input);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + bytesInOutput);
  }
  return [...byOrigin]
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([origin, bytes]) => `${origin} ${Math.round(bytes / 1000)} kB`)
    .join(", ");
}
type EsbuildMetafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };

function readMetafile(): EsbuildMetafile | null {
  return existsSync(METAFILE) ? (JSON.parse(readFileSync(METAFILE, "utf8")) as EsbuildMetafile) : null;
}

const { file, manifest } = readManifest();
const metafile = readMetafile();
console.log(`Build: ${path.relative(process.cwd(), file)} (${statSync(file).mtime.toISOString()})\n`);

const routeIds = process.env.BENCH_ROUTES === "all" ? Object.keys(manifest.routes) : Object.keys(MAIN_ROUTES);
console.log(`${"route".padEnd(60)} ${"files".padStart(5)} ${"raw".padStart(9)} ${"gzip".padStart(9)}`);
for (const id of routeIds) {
  if (!manifest.routes[id]) {
    console.log(`${id.padEnd(60)} missing from the manifest`);
    continue;
  }
  const files = filesForRoute(manifest, id);
  const { raw, gz } = total(files);
  const name = MAIN_ROUTES[id] ? `${id} (${MAIN_ROUTES[id]})` : id;
  console.log(`${name.padEnd(60)} ${String(files.size).padStart(5)} ${kB(raw)} ${kB(gz)}`);
}

const stepFiles = [...filesForRoute(manifest, STEP_ROUTE)];
console.log(`\nLargest files of the wizard step (gzip, raw${metafile ? ", biggest contents" : ""}):`);
for (const url of stepFiles.sort((a, b) => sizeOf(b).gz - sizeOf(a).gz).slice(0, TOP)) {
  const size = sizeOf(url);
  console.log(`${kB(size.gz)} ${kB(size.raw)}  ${url}  ${contents(metafile, url)}`);
}

const step = total(stepFiles);
const verdict = step.gz <= BUDGET_GZ ? "within" : "OVER";
console.log(`\nWizard step: ${kB(step.gz).trim()} gzipped, ${verdict} the budget of ${kB(BUDGET_GZ).trim()}.`);
if (step.gz > BUDGET_GZ) process.exitCode = 1;

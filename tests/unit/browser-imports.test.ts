import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every module of the app the browser may load (not *.server.ts), as [path relative to app/, source]. */
function browserModules(): Array<[string, string]> {
  const root = path.resolve("app");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.server\.tsx?$/.test(file) && !file.startsWith("generated"))
    .map((file) => [file, readFileSync(path.join(root, file), "utf8")]);
}

describe("imports that decide what the browser downloads", () => {
  it("takes zod as a namespace (import * as z), never as the `z` object or the default export", () => {
    // esbuild cannot tree-shake `import { z } from "zod"`: it ships all of zod, 60 locales included.
    const offenders = browserModules()
      .filter(([, source]) => /^import\s+(\{\s*z\s*\}|z)\s+from\s+"zod(\/mini)?"/m.test(source))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it("uses zod/mini, not zod classic, except in the modules only the server runs", () => {
    // One zod classic schema in any page's browser code keeps most of zod's core (JSON Schema
    // included) in the chunk the wizard loads: about 10 kB gzipped (docs/decisions/0027).
    // These modules are not *.server.ts, but no browser bundle includes them (checked in the
    // build's metafile): the server's form reader, the stored-form reader, the letters' texts
    // and a resource route. A module that moves into the browser must move to zod/mini first.
    const serverOnly = ["forms/stored-form.ts", "routes/rapporten.$callId.$file.ts", "utils/forms.ts"];
    const classic = browserModules()
      .filter(([, source]) => /^import\s+(?!type\b)[^;]*\s+from\s+"zod"/m.test(source))
      .map(([file]) => file)
      .sort();
    expect(classic).toEqual(serverOnly);
  });
});

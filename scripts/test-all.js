// The whole test suite, as run by CI: type check, build, the wizard's JavaScript budget,
// unit + integration tests (Vitest, real SQLite files, real HTTP, real SMTP), end-to-end
// tests (Playwright in Chromium).
import { execFileSync } from "node:child_process";

const steps = [
  ["Prisma client", "npx", ["prisma", "generate"]],
  ["Typecheck", "npx", ["tsc", "--noEmit"]],
  ["Build", "npx", ["remix", "build"]],
  ["Bundle budget", "npx", ["tsx", "bench/bundle-size.ts"]],
  ["Vitest", "npx", ["vitest", "run"]],
  ["Playwright", "npx", ["playwright", "test"]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    execFileSync(command, args, { stdio: "inherit" });
  } catch {
    console.error(`\n${name} mislukt.`);
    process.exit(1);
  }
  console.log(`=== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

// `npm run mail`: the development mail catcher. Point the portal at it with
// SMTP_URL=smtp://127.0.0.1:1025 (the default) and read the mail in the browser.
import { startMailCatcher } from "./catcher.server";

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`${name} is geen geldig poortnummer: ${process.env[name]}`);
    process.exit(1);
  }
  return value;
}

const host = "127.0.0.1";
const catcher = await startMailCatcher({
  smtpPort: port("MAIL_SMTP_PORT", 1025),
  httpPort: port("MAIL_HTTP_PORT", 1080),
  host,
}).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `De poort is al in gebruik (${error.message}). Draait het postvak al?`
      : `Het postvak kon niet starten: ${error.message}`,
  );
  process.exit(1);
});

console.log(`Postvak (ontwikkeling) gestart.`);
console.log(`  SMTP luistert op ${host}:${catcher.smtpPort} (SMTP_URL=smtp://${host}:${catcher.smtpPort})`);
console.log(`  Postvak in de browser: http://${host}:${catcher.httpPort}/`);
console.log(`Stoppen met Ctrl+C.`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} ontvangen: postvak wordt gestopt.`);
  await catcher.close();
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));

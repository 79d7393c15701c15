import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export type RunningServer = {
  url: string;
  /** The server process, e.g. to read its memory use from /proc/<pid>/status */
  pid: number;
  stop: () => Promise<void>;
  /** Ends the process with SIGKILL, as a crash or an out-of-memory kill would */
  kill: () => Promise<void>;
  output: () => string;
};

/**
 * Starts the built portal (server.js + build/) as a real process on a free port, against the
 * test file's own SQLite database. `npm test` builds first.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.resolve("build/index.js"))) {
    throw new Error("build/index.js ontbreekt: voer eerst `npm run build` uit (npm test doet dat zelf).");
  }
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      OUTBOX_INTERVAL_MS: "100",
      RATE_LIMIT_AUTH_PER_MINUTE: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server startte niet:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /luistert op (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server stopte met code ${code}:\n${output}`));
    });
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

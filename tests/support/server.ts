import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "~/db.server";
import { freePort, startIdp, type RunningIdp } from "./idp";

export type RunningServer = {
  url: string;
  /** The server process, e.g. to read its memory use from /proc/<pid>/status */
  pid: number;
  /** The server's own identity provider; none with `login: "password"` */
  idp: RunningIdp | null;
  /** Stops the server and its identity provider */
  stop: () => Promise<void>;
  /** Ends the process with SIGKILL, as a crash or an out-of-memory kill would */
  kill: () => Promise<void>;
  output: () => string;
};

export type ServerOptions = {
  /**
   * "idp" (default): the portal logs in through its own development identity provider, as in
   * production (0047), and `HttpClient.login` goes that way. "password": no OIDC_* variables,
   * passwords only, for the tests about passwords and for servers that nobody logs in to.
   */
  login?: "idp" | "password";
};

/** What `HttpClient.login` needs to log someone in at a portal: its provider and its database. */
export type PortalLogin = {
  idp: RunningIdp;
  database: () => PrismaClient;
  /** The portal's own log, for the message of a login that failed */
  output: () => string;
};
const portalLogins = new Map<string, PortalLogin>();

/** The identity provider and database of the portal at `url`, started by `startServer`. */
export function portalLoginFor(url: string): PortalLogin | undefined {
  return portalLogins.get(new URL(url).origin);
}

/**
 * Starts the built portal (server.js + build/) as a real process on a free port, against the
 * test file's own database, with (by default) its own identity provider process: the provider
 * must know the portal's address before either starts, so the port is picked first. `npm test`
 * builds first.
 */
export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.resolve("build/index.js"))) {
    throw new Error("build/index.js ontbreekt: voer eerst `npm run build` uit (npm test doet dat zelf).");
  }
  if ((options.login ?? "idp") === "password") return startPortal(env, null);
  for (let attempt = 1; ; attempt++) {
    const port = env["PORT"] ?? String(await freePort());
    const publicUrl = env["PUBLIC_URL"] ?? `http://127.0.0.1:${port}`;
    const idp = await startIdp(publicUrl);
    try {
      return await startPortal({ ...idp.portalEnv, ...env, PORT: port }, idp);
    } catch (error) {
      await idp.stop();
      // Another process may take the free port before the portal binds it: pick another one.
      if (env["PORT"] || attempt === 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function startPortal(env: Record<string, string>, idp: RunningIdp | null): Promise<RunningServer> {
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
  let database: PrismaClient | null = null;
  if (idp) {
    const databaseUrl = env["DATABASE_URL"] ?? process.env.DATABASE_URL;
    portalLogins.set(new URL(url).origin, {
      idp,
      database: () => (database ??= createPrismaClient(databaseUrl)),
      output: () => output,
    });
  }
  const end = async (signal: NodeJS.Signals) => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
    portalLogins.delete(new URL(url).origin);
    await database?.$disconnect();
    database = null;
    await idp?.stop();
  };
  return {
    url,
    pid: child.pid!,
    idp,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

/**
 * Which database the portal runs on, read from DATABASE_URL: a SQLite file (the embedded
 * default) or PostgreSQL (production). Used by the app, the Prisma CLI config, the seed, the
 * tests and the scripts, so that they always agree (docs/decisions/0028).
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL wordt niet herkend: gebruik file:… (SQLite) of postgresql://… (PostgreSQL).`);
}

/** Where the Prisma schema and migration history of a provider live (one history each). */
export function prismaPaths(provider: DatabaseProvider): { schema: string; migrations: string } {
  return provider === "sqlite"
    ? { schema: "prisma/schema.prisma", migrations: "prisma/migrations" }
    : { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" };
}

export type PostgresConnection = {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  /** Query parameters of the URL other than the ones above (e.g. sslmode) */
  params: URLSearchParams;
};

/**
 * The parts of a PostgreSQL URL as separate fields. `pg` lets `connectionString` win over a
 * `database` field, so code that switches databases (tests, the shadow database of
 * `migrate diff`) must connect with fields, never with the string.
 */
export function postgresConnection(url: string): PostgresConnection {
  const parsed = new URL(url);
  const params = new URLSearchParams(parsed.search);
  const host = params.get("host") ?? (decodeURIComponent(parsed.hostname) || "127.0.0.1");
  params.delete("host");
  return {
    host,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || "postgres",
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    params,
  };
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

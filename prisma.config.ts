import { defineConfig } from "prisma/config";
import { databaseProvider, databaseUrl, prismaPaths } from "./app/db/database-url";
import { postgresCliAdapter, sqliteCliAdapter } from "./prisma/cli-adapters";

// Prisma does not read .env when a config file exists; DATABASE_URL comes from the environment
// and chooses the provider, its schema file and its migration history (docs/decisions/0028).
const url = databaseUrl();
const provider = databaseProvider(url);
const paths = prismaPaths(provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: paths.schema,
  migrations: { path: paths.migrations, seed: "tsx seeds/seed.ts" },
  async adapter() {
    return provider === "sqlite" ? sqliteCliAdapter(url) : postgresCliAdapter(url);
  },
});

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Prisma does not read .env when a config file exists; DATABASE_URL comes from the environment.
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx seeds/seed.ts" },
  async adapter() {
    const factory = new PrismaBetterSQLite3({ url });
    // better-sqlite3 runs one statement per call; the shadow database that replays migration
    // files for `migrate diff --from-migrations` needs whole scripts (see docs/decisions).
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => {
      const shadow = await connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    };
    return factory;
  },
});

import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; they are applied at
// start by the programmatic migrator (db/migrate.ts), never by this CLI against
// a running PGlite directory (PGlite has no cross-process lock).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});

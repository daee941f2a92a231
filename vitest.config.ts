import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Integration files share one PostgreSQL database when TEST_DATABASE_URL is set.
    fileParallelism: !process.env.TEST_DATABASE_URL,
    // A fixed test key for client data at rest (never a real key; real ones come from the environment).
    env: { CLIENT_DATA_KEY: Buffer.alloc(32, 7).toString("base64") },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

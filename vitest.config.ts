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
    // next-intl's server build imports next/headers and next-intl/config, which a test mocks
    // (tests/unit/i18n-cache.test.ts); only inlined modules see the mocks.
    server: { deps: { inline: ["next-intl"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

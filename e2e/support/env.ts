import path from "node:path";

/** Fixed loopback ports and folders for the end-to-end run (one server, one PGlite owner). */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  sinkPort: Number(process.env.E2E_SINK_PORT ?? 2625),
  oidcPort: Number(process.env.E2E_OIDC_PORT ?? 3199),
  dataDir: path.resolve(".data", "e2e"),
  get baseURL() {
    return `http://localhost:${this.port}`;
  },
  /** Everything the server writes to stdout and stderr, searched for client data by the tests. */
  get logFile() {
    return path.join(this.dataDir, "server.log");
  },
  get mailDir() {
    return path.join(this.dataDir, "mail");
  },
  /** Set for the e2e server, so the tests see the configured address, not the default. */
  feedbackEmail: "saavutettavuuspalaute@jarvipohja.example",
  oidcClientId: "rekisteriportaali",
  oidcClientSecret: "e2e-client-secret-not-for-production",
  // The server's secrets, here so e2e/bundle-secrets.spec.ts can look for them in the build.
  authSecret: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  clientDataKey: Buffer.alloc(32, 42).toString("base64"),
};

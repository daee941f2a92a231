import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native/WASM and socket libraries stay as Node modules, loaded once per process.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "nodemailer",
    "smtp-server",
    "mailparser",
    "exceljs",
  ],
  // Security headers on every response. The Content-Security-Policy carries a fresh nonce
  // per request, so proxy.ts sets it (ADR 0012).
  async headers() {
    const security = [
      { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    return [
      { source: "/:path*", headers: security },
      // Client data may be on any signed-in page or route: nothing but build assets is cached.
      {
        source: "/((?!_next/static/).*)",
        headers: [{ key: "Cache-Control", value: "no-store" }],
      },
    ];
  },
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    // CSV imports arrive as server-action form data (the register export streams separately).
    serverActions: { bodySizeLimit: "20mb" },
  },
};

export default withNextIntl(nextConfig);

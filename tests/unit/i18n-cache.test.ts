import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";

// The language cookie, as next/headers would give it to a server render.
let language: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (language ? { value: language } : undefined) }),
}));
// next-intl's plugin points this at lib/i18n/request.ts in a build.
vi.mock("next-intl/config", async () => await import("@/lib/i18n/request"));
// Outside a react-server build "next-intl/server" is the client stub; the server's
// getRequestConfig is the identity.
vi.mock("next-intl/server", () => ({ getRequestConfig: <T>(create: T) => create }));

const { messageCaches } = await import("@/lib/i18n/request");
// next-intl's own server getTranslations (the react-server build, which pages and layouts use).
const getTranslations = (
  await import(
    pathToFileURL(
      path.resolve(
        "node_modules/next-intl/dist/esm/production/server/react-server/getTranslations.js",
      ),
    ).href
  )
).default as typeof import("next-intl/server").getTranslations;

const parsed = (locale: "fi" | "sv" | "en") =>
  Object.keys(messageCaches.get(locale)?.message ?? {}).length;

describe("next-intl's server translations reuse parsed messages across requests", () => {
  it("parses a message with values once per process and language", async () => {
    language = undefined;
    const before = parsed("fi");
    const t = await getTranslations("common");
    expect(t("resultCount", { count: 3 })).toBe("3 tulosta");
    expect(parsed("fi")).toBe(before + 1);
    // Another request (another translator) finds it parsed.
    const again = await getTranslations("common");
    expect(again("resultCount", { count: 1 })).toBe("1 tulos");
    expect(parsed("fi")).toBe(before + 1);
  });

  it("keeps each language's messages apart", async () => {
    language = "sv";
    const t = await getTranslations("common");
    expect(t("resultCount", { count: 0 })).toBe("Inga resultat");
    expect(parsed("sv")).toBeGreaterThan(0);
    language = "en";
    expect((await getTranslations("common"))("resultCount", { count: 2 })).toBe("2 results");
  });
});

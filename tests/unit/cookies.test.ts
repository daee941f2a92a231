import { describe, expect, it } from "vitest";
import { authCookies } from "@/lib/auth/cookies";
import { parseConfig } from "@/lib/config";

const base = { AUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://127.0.0.1:2525" };

describe("Auth.js cookies follow APP_URL", () => {
  it("on https: __Host- session and CSRF cookies, __Secure- others, all Secure, HttpOnly, Lax, Path=/", () => {
    const { appUrl } = parseConfig({ ...base, APP_URL: "https://rekisteri.hyvinvointialue.fi" });
    const { useSecureCookies, cookies } = authCookies(appUrl);
    expect(useSecureCookies).toBe(true);
    expect(cookies.sessionToken?.name).toBe("__Host-authjs.session-token");
    expect(cookies.csrfToken?.name).toBe("__Host-authjs.csrf-token");
    expect(cookies.callbackUrl?.name).toBe("__Secure-authjs.callback-url");
    expect(cookies.pkceCodeVerifier?.name).toBe("__Secure-authjs.pkce.code_verifier");
    for (const [key, c] of Object.entries(cookies)) {
      expect(c.options, key).toMatchObject({
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: true,
      });
      // A __Host- cookie must not name a Domain, or browsers drop it.
      expect(c.options, key).not.toHaveProperty("domain");
    }
  });

  it("on http://localhost (demo, e2e): no prefix and not Secure, still HttpOnly and Lax", () => {
    const { appUrl } = parseConfig({ ...base, PORT: "3510" });
    expect(appUrl).toBe("http://localhost:3510");
    const { useSecureCookies, cookies } = authCookies(appUrl);
    expect(useSecureCookies).toBe(false);
    expect(cookies.sessionToken?.name).toBe("authjs.session-token");
    expect(cookies.csrfToken?.name).toBe("authjs.csrf-token");
    expect(cookies.callbackUrl?.name).toBe("authjs.callback-url");
    for (const [key, c] of Object.entries(cookies)) {
      expect(c.options, key).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
      expect(c.name, key).not.toMatch(/^__/);
    }
  });
});

import type { NextAuthConfig } from "next-auth";

type Cookies = NonNullable<NextAuthConfig["cookies"]>;

/**
 * Auth.js cookies decided by the configured public address, not by each request's protocol
 * (which behind a TLS-terminating proxy may read http). On https the session and CSRF cookies
 * are `__Host-` (Secure, Path=/, no Domain: only this exact host can set or read them) and the
 * others `__Secure-`; on http (local demo and end-to-end runs) browsers refuse both prefixes and
 * Secure, so there are none. All are HttpOnly and SameSite=Lax (ADR 11).
 */
export function authCookies(appUrl: string): { useSecureCookies: boolean; cookies: Cookies } {
  const secure = new URL(appUrl).protocol === "https:";
  const host = secure ? "__Host-" : "";
  const sec = secure ? "__Secure-" : "";
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const shortLived = { ...base, maxAge: 15 * 60 };
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: `${host}authjs.session-token`, options: base },
      csrfToken: { name: `${host}authjs.csrf-token`, options: base },
      callbackUrl: { name: `${sec}authjs.callback-url`, options: base },
      pkceCodeVerifier: { name: `${sec}authjs.pkce.code_verifier`, options: shortLived },
      state: { name: `${sec}authjs.state`, options: shortLived },
      nonce: { name: `${sec}authjs.nonce`, options: base },
    },
  };
}

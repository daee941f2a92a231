import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { authCookies } from "./cookies";

type SessionToken = { userId: string; sid?: string };

/** Auth.js's own leeway for `exp` (jose's clockTolerance in @auth/core/jwt). */
const CLOCK_TOLERANCE_MS = 15_000;
/** Enough for every browser signed in to one process; a few MB at most. */
export const DECODED_TOKENS_MAX = 5_000;

/**
 * Tokens this process has already decrypted, by the exact cookie text. A JWE decrypts to the
 * same claims every time, so a second request with the same cookie skips the key derivation,
 * the AES and the HMAC (about 4 % of a list page's server time, mostly WebCrypto's argument
 * checks). Only successful decodes are kept, and `exp` is checked again on every use; the
 * server-side session row still decides each request (ADR 11). Oldest first out.
 */
const decoded = new Map<string, SessionToken & { expMs: number }>();
/** The secret the kept tokens were decrypted with: a different one empties the map. */
let decodedWith: string | undefined;

/** The session cookie's text: Auth.js splits a large token into `name.0`, `name.1`, … */
function sessionCookieText(cookieHeader: string, cookieName: string): string {
  const parts: string[] = [];
  for (const pair of cookieHeader.split(";")) {
    const c = pair.trim();
    const eq = c.indexOf("=");
    const name = eq < 0 ? c : c.slice(0, eq);
    if (name === cookieName || name.startsWith(`${cookieName}.`)) parts.push(c);
  }
  return parts.sort().join(";");
}

/**
 * The user id and server-side session id in this request's session cookie, read with Auth.js's
 * own decoder (the cookie's name is the key's salt, as when Auth.js wrote it), or null. Pages,
 * actions and routes read the session here and not through `auth()`: that runs Auth.js's whole
 * session endpoint on every call (a Request, the decrypt, then a re-encrypt with a new expiry and
 * a new CSRF token that a server render cannot even send back), measured at about 3.5 % of a
 * list page's server time. Not rolling the cookie loses nothing: the JWT lives exactly as long
 * as the absolute timeout, and the server-side session row decides everything sooner (ADR 11).
 */
export async function readSessionToken(): Promise<SessionToken | null> {
  const config = getConfig();
  const { useSecureCookies, cookies } = authCookies(config.appUrl);
  const cookieName = cookies.sessionToken!.name!;
  // Only the cookie: a bearer token in an Authorization header is not a way in.
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const text = sessionCookieText(cookie, cookieName);
  if (!text) return null;
  if (decodedWith !== config.authSecret) {
    decoded.clear();
    decodedWith = config.authSecret;
  }
  const known = decoded.get(text);
  if (known) {
    if (Date.now() < known.expMs + CLOCK_TOLERANCE_MS)
      return { userId: known.userId, sid: known.sid };
    decoded.delete(text);
    return null;
  }
  const token = await getToken({
    req: { headers: { cookie } },
    secret: config.authSecret,
    secureCookie: useSecureCookies,
    cookieName,
    salt: cookieName,
  });
  if (!token?.sub) return null;
  const result: SessionToken = { userId: token.sub, sid: token.sid };
  if (typeof token.exp === "number") {
    if (decoded.size >= DECODED_TOKENS_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(text, { ...result, expMs: token.exp * 1000 });
  }
  return result;
}

import { decode, getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { authCookies } from "./cookies";

type SessionToken = { userId: string; sid?: string };

/** Auth.js's own leeway for `exp` (jose's clockTolerance in @auth/core/jwt). */
const CLOCK_TOLERANCE_MS = 15_000;
/** Enough for every browser signed in to one process; a few MB at most (with TOKEN_KEPT_MAX). */
export const DECODED_TOKENS_MAX = 5_000;
/** Our tokens are about 500 characters; a longer one is decoded every time and not kept. */
const TOKEN_KEPT_MAX = 2_048;

/**
 * Tokens this process has already decrypted, by the token's text exactly as Auth.js assembles
 * it from the cookies (its own parser, chunks joined). A JWE decrypts to the same claims every
 * time, so a second request with the same token skips the key derivation, the AES and the HMAC
 * (about 4 % of a list page's server time, mostly WebCrypto's argument checks). Only successful
 * decodes are kept, and `exp` is checked again on every use; the server-side session row still
 * decides each request (ADR 11). Oldest first out.
 */
const decoded = new Map<string, SessionToken & { expMs: number }>();
/** The secret the kept tokens were decrypted with: a different one empties the map. */
let decodedWith: string | undefined;

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
  const params = {
    req: { headers: { cookie } },
    secret: config.authSecret,
    secureCookie: useSecureCookies,
    cookieName,
    salt: cookieName,
  };
  // The token as Auth.js reads it from these cookies, without decrypting it yet.
  const raw = await getToken({ ...params, raw: true });
  if (!raw) return null;
  if (decodedWith !== config.authSecret) {
    decoded.clear();
    decodedWith = config.authSecret;
  }
  const known = decoded.get(raw);
  if (known) {
    if (Date.now() < known.expMs + CLOCK_TOLERANCE_MS)
      return { userId: known.userId, sid: known.sid };
    decoded.delete(raw);
    return null;
  }
  // What getToken does after reading the cookies: a token that does not decrypt is no session.
  const token = await decode({ token: raw, secret: params.secret, salt: params.salt }).catch(
    () => null,
  );
  if (!token?.sub) return null;
  const result: SessionToken = { userId: token.sub, sid: token.sid };
  if (typeof token.exp === "number" && raw.length <= TOKEN_KEPT_MAX) {
    if (decoded.size >= DECODED_TOKENS_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(raw, { ...result, expMs: token.exp * 1000 });
  }
  return result;
}

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { authCookies } from "./cookies";

/**
 * The user id and server-side session id in this request's session cookie, read with Auth.js's
 * own decoder (the cookie's name is the key's salt, as when Auth.js wrote it), or null. Pages,
 * actions and routes read the session here and not through `auth()`: that runs Auth.js's whole
 * session endpoint on every call (a Request, the decrypt, then a re-encrypt with a new expiry and
 * a new CSRF token that a server render cannot even send back), measured at about 3.5 % of a
 * list page's server time. Not rolling the cookie loses nothing: the JWT lives exactly as long
 * as the absolute timeout, and the server-side session row decides everything sooner (ADR 11).
 */
export async function readSessionToken(): Promise<{ userId: string; sid?: string } | null> {
  const config = getConfig();
  const { useSecureCookies, cookies } = authCookies(config.appUrl);
  const cookieName = cookies.sessionToken!.name!;
  // Only the cookie: a bearer token in an Authorization header is not a way in.
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const token = await getToken({
    req: { headers: { cookie } },
    secret: config.authSecret,
    secureCookie: useSecureCookies,
    cookieName,
    salt: cookieName,
  });
  if (!token?.sub) return null;
  return { userId: token.sub, sid: token.sid };
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { parseConfig } from "@/lib/config";

// The request's headers, as next/headers would give them to a page, action or route.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
// The real decoder, counted: a token read again must not be decrypted again.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...actual, decode: vi.fn(actual.decode) };
});
const { decode } = await import("next-auth/jwt");

const { readSessionToken } = await import("@/lib/auth/session-token");

const SECRET = "s".repeat(40);
const g = globalThis as unknown as { __portalConfig?: unknown };

function useConfig(appUrl: string) {
  g.__portalConfig = parseConfig({
    AUTH_SECRET: SECRET,
    SMTP_URL: "smtp://127.0.0.1:2525",
    APP_URL: appUrl,
  });
}

/** A session cookie as Auth.js writes it at sign-in: the cookie's name is the key's salt. */
const token = (opts: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({
    token: { sub: "user-1", sid: "session-1" },
    secret: opts.secret ?? SECRET,
    salt: opts.salt ?? "authjs.session-token",
    maxAge: opts.maxAge ?? 3600,
  });

/**
 * The token with one character of its authentication tag changed. Not the last character:
 * Auth.js's tag (A256CBC-HS512) is 32 bytes, 43 base64url characters, and the last one carries
 * 2 bits nobody reads, so "A" → "B" there left the same bytes (1 token in 16 stayed valid).
 */
const tamper = (jwe: string) => {
  const at = jwe.lastIndexOf(".") + 1;
  return jwe.slice(0, at) + (jwe[at] === "A" ? "B" : "A") + jwe.slice(at + 1);
};

describe("reading the session cookie (readSessionToken)", () => {
  beforeEach(() => useConfig("http://localhost:3000"));
  afterEach(() => {
    requestHeaders = new Headers();
    delete g.__portalConfig;
    vi.mocked(decode).mockClear();
    vi.useRealTimers();
  });

  it("gives the user id and the server-side session id of a cookie Auth.js wrote", async () => {
    requestHeaders = new Headers({ cookie: `other=1; authjs.session-token=${await token()}` });
    expect(await readSessionToken()).toEqual({ userId: "user-1", sid: "session-1" });
  });

  it("gives nothing without a cookie, and nothing for a bearer token in a header", async () => {
    expect(await readSessionToken()).toBeNull();
    requestHeaders = new Headers({ authorization: `Bearer ${await token()}` });
    expect(await readSessionToken()).toBeNull();
  });

  it("refuses a token sealed with another secret, for another cookie, expired or altered", async () => {
    for (const bad of [
      await token({ secret: "t".repeat(40) }),
      await token({ salt: "authjs.csrf-token" }),
      await token({ maxAge: -60 }),
      tamper(await token()),
      "not-a-token",
    ]) {
      requestHeaders = new Headers({ cookie: `authjs.session-token=${bad}` });
      expect(await readSessionToken()).toBeNull();
    }
  });

  it("on https reads only the __Host- cookie, sealed with that name", async () => {
    useConfig("https://portaali.example");
    const secure = await token({ salt: "__Host-authjs.session-token" });
    requestHeaders = new Headers({ cookie: `authjs.session-token=${await token()}` });
    expect(await readSessionToken()).toBeNull();
    requestHeaders = new Headers({ cookie: `__Host-authjs.session-token=${secure}` });
    expect(await readSessionToken()).toEqual({ userId: "user-1", sid: "session-1" });
  });

  it("decrypts a token once, and still refuses it once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cookie = `authjs.session-token=${await token({ maxAge: 60 })}`;
    requestHeaders = new Headers({ cookie: `a=1; ${cookie}` });
    expect(await readSessionToken()).toEqual({ userId: "user-1", sid: "session-1" });
    // Other cookies, and an empty chunk Auth.js skips, leave the same token.
    requestHeaders = new Headers({ cookie: `${cookie}; b=2; authjs.session-token.1=` });
    expect(await readSessionToken()).toEqual({ userId: "user-1", sid: "session-1" });
    expect(decode).toHaveBeenCalledTimes(1);
    // A chunk Auth.js would join into the token makes another token: decrypted, refused.
    requestHeaders = new Headers({ cookie: `${cookie}; authjs.session-token.1=x` });
    expect(await readSessionToken()).toBeNull();
    expect(decode).toHaveBeenCalledTimes(2);
    requestHeaders = new Headers({ cookie });
    // Past exp and Auth.js's 15 s of leeway.
    vi.setSystemTime(Date.now() + 76_000);
    expect(await readSessionToken()).toBeNull();
    expect(await readSessionToken()).toBeNull();
  });

  it("takes the token Auth.js takes when a name repeats: the first", async () => {
    const good = `authjs.session-token=${await token()}`;
    const bad = "authjs.session-token=not-a-token";
    requestHeaders = new Headers({ cookie: `${good}; ${bad}` });
    expect(await readSessionToken()).toEqual({ userId: "user-1", sid: "session-1" });
    requestHeaders = new Headers({ cookie: `${bad}; ${good}` });
    expect(await readSessionToken()).toBeNull();
  });

  it("forgets what it decrypted when the secret changes", async () => {
    requestHeaders = new Headers({ cookie: `authjs.session-token=${await token()}` });
    expect(await readSessionToken()).toEqual({ userId: "user-1", sid: "session-1" });
    g.__portalConfig = parseConfig({
      AUTH_SECRET: "t".repeat(40),
      SMTP_URL: "smtp://127.0.0.1:2525",
      APP_URL: "http://localhost:3000",
    });
    expect(await readSessionToken()).toBeNull();
  });

  it("keeps failures out: an altered cookie is decrypted, and refused, every time", async () => {
    const altered = tamper(await token());
    requestHeaders = new Headers({ cookie: `authjs.session-token=${altered}` });
    expect(await readSessionToken()).toBeNull();
    expect(await readSessionToken()).toBeNull();
    expect(decode).toHaveBeenCalledTimes(2);
  });
});

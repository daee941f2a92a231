"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { writeAudit } from "@/lib/audit";
import { signIn, signOut } from "./auth";
import { getSourceIp } from "./actor";
import { safeCallback } from "./callback";
import { hit, LIMITS, rateLimitKey, type RateLimit } from "./rate-limit";

const emailSchema = z.string().trim().toLowerCase().email().max(254);

export type SignInState = {
  error?: "email" | "tooManyAttempts";
  /** The localized text to show for `tooManyAttempts`. */
  message?: string;
};

/** Where Auth.js sends every magic-link request, known address or not. */
const CHECK_EMAIL = "/signin/check-email?provider=nodemailer&type=email";

/**
 * Counts one attempt; when it is over the limit, audits the refusal (the scope only, never the
 * address) and returns the minutes to wait.
 */
async function limited(
  scope: "address" | "ip",
  key: string,
  limit: RateLimit,
  sourceIp: string | null,
): Promise<number | null> {
  const db = getDb();
  const r = await hit(db, key, limit);
  if (r.allowed) return null;
  await writeAudit(
    db,
    { userId: null, role: null, organiserId: null, providerId: null, sourceIp },
    { action: "auth.rateLimited", outcome: "denied", details: { scope } },
  );
  return Math.max(1, Math.ceil(r.retryAfterSeconds / 60));
}

async function tooManyAttempts(minutes: number): Promise<SignInState> {
  const t = await getTranslations("signin");
  return { error: "tooManyAttempts", message: t("tooManyAttempts", { minutes }) };
}

/** Public: asks for a magic link. The answer is the same whether or not the address is known. */
export async function requestMagicLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { error: "email" };
  const ip = await getSourceIp();
  // Per client: a clear answer, it tells nothing about any address.
  const ipWait = await limited(
    "ip",
    rateLimitKey("magic-link:ip", ip ?? "unknown"),
    LIMITS.magicLinkIp,
    ip,
  );
  if (ipWait !== null) return tooManyAttempts(ipWait);
  // Per address: the same answer as for an unknown address, so it reveals nothing.
  const addressWait = await limited(
    "address",
    rateLimitKey("magic-link:address", email.data),
    LIMITS.magicLinkAddress,
    ip,
  );
  if (addressWait !== null) redirect(CHECK_EMAIL);
  const redirectTo = safeCallback(form.get("callbackUrl"));
  try {
    await signIn("nodemailer", { email: email.data, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) redirect("/signin/error");
    throw e; // Next's redirect to the check-your-e-mail page
  }
  return {};
}

/** OIDC sign-in starts per client; over the limit goes to the sign-in error page. */
async function limitSignInStart(): Promise<void> {
  const ip = await getSourceIp();
  const wait = await limited(
    "ip",
    rateLimitKey("sign-in:ip", ip ?? "unknown"),
    LIMITS.signInIp,
    ip,
  );
  if (wait !== null) redirect("/signin/error?error=TooManyAttempts");
}

/** Public in demo mode only: the "demo" provider does not exist otherwise. */
export async function signInDemo(form: FormData): Promise<void> {
  // Not rate-limited: demo accounts exist only in demo mode, where one person signs in as every
  // role many times from one machine (and the end-to-end suite does the same).
  const redirectTo = safeCallback(form.get("callbackUrl"));
  try {
    await signIn("demo", { userId: String(form.get("userId") ?? ""), redirectTo });
  } catch (e) {
    if (e instanceof AuthError) redirect("/signin/error");
    throw e;
  }
}

/** Public: starts the organiser's OIDC sign-in. */
export async function signInOidc(form: FormData): Promise<void> {
  await limitSignInStart();
  await signIn("oidc", { redirectTo: safeCallback(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}

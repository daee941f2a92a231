import "server-only";
import { getDb } from "@/db";
import { writeAudit } from "@/lib/audit";
import { getConfig } from "@/lib/config";
import { getSourceIp } from "./actor";
import { hit, LIMITS, rateLimitKey, type RateLimit } from "./rate-limit";

/**
 * Auth.js's POST /api/auth/signin/{nodemailer,oidc} can be called without the sign-in page
 * (whose server actions are limited in session-actions.ts). The same keys and limits apply here,
 * so going around the page gains nothing. Returns the refusal, or null to let Auth.js answer.
 */
export async function limitAuthPost(request: Request): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  const provider = /\/api\/auth\/signin\/(nodemailer|oidc)$/.exec(path)?.[1];
  if (!provider) return null;
  const ip = await getSourceIp();
  const checks: [string, string, RateLimit, "ip" | "address"][] = [];
  if (provider === "oidc") checks.push(["sign-in:ip", ip ?? "unknown", LIMITS.signInIp, "ip"]);
  else {
    checks.push(["magic-link:ip", ip ?? "unknown", LIMITS.magicLinkIp, "ip"]);
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && email.trim())
      checks.push(["magic-link:address", email, LIMITS.magicLinkAddress, "address"]);
  }
  const db = getDb();
  for (const [scope, value, limit, kind] of checks) {
    const r = await hit(db, rateLimitKey(scope, value), limit);
    if (r.allowed) continue;
    await writeAudit(
      db,
      { userId: null, role: null, organiserId: null, providerId: null, sourceIp: ip },
      {
        action: "auth.rateLimited",
        outcome: "denied",
        details: { scope: kind, endpoint: provider },
      },
    );
    // Per address: the same neutral answer as an accepted request; per IP: the error page.
    const to =
      kind === "address"
        ? "/signin/check-email?provider=nodemailer&type=email"
        : "/signin/error?error=TooManyAttempts";
    return Response.redirect(new URL(to, getConfig().appUrl), 303);
  }
  return null;
}

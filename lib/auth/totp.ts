import { and, eq, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Executor } from "@/db";
import { organiserProviders, organisers, users, userTotp } from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { clientKeys } from "@/lib/clients/store";
import { decryptField, encryptField } from "@/lib/crypto/field";
import { hit, rateLimitKey, type RateLimit } from "./rate-limit";
import { markMfaVerified } from "./sessions";

/** Provider contacts' TOTP second factor (ADR 11): RFC 6238, SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD = 30;
const ISSUER = "Rekisterinkäyttöoikeusportaali";
/** Code attempts per user: enough for a few typos, far too few to guess 10^6 codes. */
export const TOTP_LIMIT: RateLimit = { limit: 5, windowSeconds: 5 * 60 };

const context = (userId: string) => `totp.secret:${userId}`;

export function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/**
 * Pure: the time step of `code` if it is right at `now` (one step of clock drift either way)
 * and newer than the last accepted step, else null. A code is never accepted twice.
 */
export function acceptCode(
  secretBase32: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32, "x").validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/**
 * A provider contact needs the second factor when any organiser their provider works with
 * requires it (the strictest organiser wins: the contact's data is shared by all of them).
 */
export async function needsTotp(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(users)
    .innerJoin(organiserProviders, eq(organiserProviders.providerId, users.providerId))
    .innerJoin(organisers, eq(organisers.id, organiserProviders.organiserId))
    .where(
      and(
        eq(users.id, userId),
        eq(users.role, "provider_contact"),
        eq(organisers.requireProviderTotp, true),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function totpEnrolled(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ confirmedAt: userTotp.confirmedAt })
    .from(userTotp)
    .where(eq(userTotp.userId, userId));
  return Boolean(row?.confirmedAt);
}

export type Enrolment = { secret: string; uri: string; qrDataUrl: string };

/**
 * The secret a contact is enrolling with: created (encrypted at rest) on first call and kept
 * until confirmed, so reloading the page shows the same QR code.
 */
export async function enrolment(db: Executor, userId: string, label: string): Promise<Enrolment> {
  const keys = clientKeys();
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (row?.confirmedAt) throw new Error("already enrolled");
  let secret: string;
  if (row) secret = decryptField(keys, row.secret, context(userId));
  else {
    secret = new Secret({ size: 20 }).base32;
    await db
      .insert(userTotp)
      .values({ userId, secret: encryptField(keys, secret, context(userId)) })
      .onConflictDoNothing();
  }
  const uri = totpOf(secret, label).toString();
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 2, width: 240 }) };
}

export type VerifyResult = { ok: true } | { ok: false; reason: "code" | "rateLimited" };

/**
 * Checks a code for the session `sid`: rate-limited per user, never the same step twice.
 * A right code confirms an enrolment, records the step and marks the session verified, all in
 * one transaction with its audit row.
 */
export async function verifyTotp(
  db: Executor,
  actor: AuditActor & { userId: string },
  sid: string,
  code: string,
  now: Date = new Date(),
): Promise<VerifyResult> {
  const limit = await hit(db, rateLimitKey("totp:user", actor.userId), TOTP_LIMIT, now);
  if (!limit.allowed) {
    await writeAudit(db, actor, {
      action: "auth.totp.verify",
      outcome: "denied",
      entityType: "user",
      entityId: actor.userId,
      details: { reason: "rate_limited" },
    });
    return { ok: false, reason: "rateLimited" };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(userTotp)
      .where(eq(userTotp.userId, actor.userId))
      .for("update");
    const step = row
      ? acceptCode(
          decryptField(clientKeys(), row.secret, context(actor.userId)),
          code,
          now,
          row.lastStep,
        )
      : null;
    if (!row || step === null) {
      await writeAudit(tx, actor, {
        action: "auth.totp.verify",
        outcome: "failure",
        entityType: "user",
        entityId: actor.userId,
      });
      return { ok: false as const, reason: "code" as const };
    }
    await tx
      .update(userTotp)
      .set({ lastStep: step, confirmedAt: row.confirmedAt ?? now })
      .where(eq(userTotp.userId, actor.userId));
    await markMfaVerified(tx, sid, now);
    await writeAudit(tx, actor, {
      action: row.confirmedAt ? "auth.totp.verify" : "auth.totp.enrol",
      outcome: "success",
      entityType: "user",
      entityId: actor.userId,
    });
    return { ok: true as const };
  });
}

/** The admin's setting: provider contacts of this organiser's providers need TOTP. */
export async function setRequireProviderTotp(
  db: Executor,
  actor: AuditActor,
  organiserId: string,
  value: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({ v: organisers.requireProviderTotp })
      .from(organisers)
      .where(eq(organisers.id, organiserId))
      .for("update");
    if (!org) throw new Error("organiser not found");
    if (org.v !== value)
      await tx
        .update(organisers)
        .set({ requireProviderTotp: value })
        .where(eq(organisers.id, organiserId));
    await writeAudit(tx, actor, {
      action: "settings.providerTotp",
      outcome: "success",
      entityType: "organiser",
      entityId: organiserId,
      details: { from: org.v, to: value },
    });
  });
}

/**
 * What a session still lacks before any portal page or action: nothing, an enrolment, or a
 * code. getSessionState treats a session that lacks either as not signed in to the portal.
 */
export async function mfaRequirement(
  db: Executor,
  userId: string,
  mfaVerifiedAt: Date | null,
): Promise<null | "enrol" | "code"> {
  if (mfaVerifiedAt || !(await needsTotp(db, userId))) return null;
  return (await totpEnrolled(db, userId)) ? "code" : "enrol";
}

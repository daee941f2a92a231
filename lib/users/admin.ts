import { and, asc, eq, ilike, inArray, isNotNull, like, max, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, organiserProviders, providers, users, userTotp } from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { actorMay, type ActionKey } from "@/lib/auth/access";
import { organiserOf } from "@/lib/auth/scope";
import { revokeUserSessions } from "@/lib/auth/sessions";

export type ManagedUser = {
  id: string;
  name: string | null;
  email: string | null;
  role: string | null;
  providerName: string | null;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  totpConfirmed: boolean;
};

/**
 * Who an organiser's admin manages: the organiser's own staff, and the provider contacts of
 * providers the organiser works with (a contact of a provider shared by two organisers is
 * managed by the admins of both; disabling is for the person, not per organiser: ADR 11).
 */
function managedBy(organiserId: string) {
  return or(
    eq(users.organiserId, organiserId),
    and(
      eq(users.role, "provider_contact"),
      inArray(
        users.providerId,
        sql`(select ${organiserProviders.providerId} from ${organiserProviders} where ${organiserProviders.organiserId} = ${organiserId})`,
      ),
    ),
  );
}

/** The admin's users, optionally filtered by name, e-mail or provider name. */
export async function listManagedUsers(
  db: Executor,
  actor: AuditActor,
  q?: string,
): Promise<ManagedUser[]> {
  const organiserId = organiserOf(actor);
  const term = q?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  // Every sign-in is audited with the user as actor: the latest such row is the last sign-in.
  const lastSignIn = db
    .select({ userId: auditLog.actorUserId, at: max(auditLog.at).as("last_at") })
    .from(auditLog)
    .where(
      and(
        isNotNull(auditLog.actorUserId),
        like(auditLog.action, "auth.sign\\_in.%"),
        eq(auditLog.outcome, "success"),
      ),
    )
    .groupBy(auditLog.actorUserId)
    .as("last_sign_in");
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      providerName: providers.name,
      lastSignInAt: lastSignIn.at,
      disabledAt: users.disabledAt,
      totpConfirmedAt: userTotp.confirmedAt,
    })
    .from(users)
    .leftJoin(providers, eq(providers.id, users.providerId))
    .leftJoin(lastSignIn, eq(lastSignIn.userId, users.id))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(
      and(
        managedBy(organiserId),
        pattern
          ? or(
              ilike(users.name, pattern),
              ilike(users.email, pattern),
              ilike(providers.name, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.role), asc(providers.name), asc(users.name));
  return rows.map(({ totpConfirmedAt, ...r }) => ({
    ...r,
    lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt) : null,
    totpConfirmed: Boolean(totpConfirmedAt),
  }));
}

export type UserAdminResult = { ok: true } | { ok: false; message: string };

/**
 * Loads a user the admin may manage, locked for the change; refusals are audited and answered
 * "not found" so an id from another organiser reveals nothing.
 */
async function managedTarget(tx: Executor, actor: AuditActor, action: ActionKey, userId: string) {
  const [target] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), managedBy(organiserOf(actor))))
    .for("update");
  if (!target) await auditOutOfScope(tx, actor, action, "user", userId);
  return target;
}

/**
 * Disables or enables a user. Disabling revokes every session of that user in the same
 * transaction, so their next request lands on sign-in. Nobody disables themselves.
 */
export async function setUserDisabled(
  db: Executor,
  actor: AuditActor,
  input: { userId: string; disabled: boolean },
  now: Date = new Date(),
): Promise<UserAdminResult> {
  const action: ActionKey = input.disabled ? "users.disable" : "users.enable";
  if (!actorMay(actor, action)) {
    await writeAudit(db, actor, { action, outcome: "denied", details: { reason: "role" } });
    return { ok: false, message: "validation.forbidden" };
  }
  if (input.userId === actor.userId) {
    await writeAudit(db, actor, {
      action,
      outcome: "denied",
      entityType: "user",
      entityId: input.userId,
      details: { reason: "self" },
    });
    return { ok: false, message: "users.notSelf" };
  }
  return db.transaction(async (tx) => {
    const target = await managedTarget(tx, actor, action, input.userId);
    if (!target) return { ok: false as const, message: "validation.notFound" };
    const wasDisabled = Boolean(target.disabledAt);
    let revokedSessions = 0;
    if (input.disabled) {
      if (!wasDisabled)
        await tx.update(users).set({ disabledAt: now }).where(eq(users.id, target.id));
      revokedSessions = await revokeUserSessions(tx, target.id, "user_disabled", now);
    } else if (wasDisabled) {
      await tx.update(users).set({ disabledAt: null }).where(eq(users.id, target.id));
    }
    await writeAudit(tx, actor, {
      action,
      outcome: "success",
      entityType: "user",
      entityId: target.id,
      details: {
        changes: { disabled: { from: wasDisabled, to: input.disabled } },
        ...(input.disabled ? { revokedSessions } : {}),
      },
    });
    return { ok: true as const };
  });
}

/**
 * Removes a provider contact's TOTP second factor (a lost phone): they enrol again after their
 * next magic link. Their sessions end in the same transaction, so no session outlives the reset.
 */
export async function resetUserTotp(
  db: Executor,
  actor: AuditActor,
  input: { userId: string },
  now: Date = new Date(),
): Promise<UserAdminResult> {
  const action: ActionKey = "users.resetTotp";
  if (!actorMay(actor, action)) {
    await writeAudit(db, actor, { action, outcome: "denied", details: { reason: "role" } });
    return { ok: false, message: "validation.forbidden" };
  }
  return db.transaction(async (tx) => {
    const target = await managedTarget(tx, actor, action, input.userId);
    if (!target) return { ok: false as const, message: "validation.notFound" };
    const removed = await tx
      .delete(userTotp)
      .where(eq(userTotp.userId, target.id))
      .returning({ userId: userTotp.userId });
    const revokedSessions = await revokeUserSessions(tx, target.id, "totp_reset", now);
    await writeAudit(tx, actor, {
      action,
      outcome: "success",
      entityType: "user",
      entityId: target.id,
      details: { hadTotp: removed.length > 0, revokedSessions },
    });
    return { ok: true as const };
  });
}

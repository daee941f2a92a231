import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { organisers, providers, users, userSessions, type Role } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { auditOutOfScope as auditOutOfScopeRow, writeAudit, type AuditActor } from "@/lib/audit";
import { getConfig } from "@/lib/config";
import { readSessionToken } from "./session-token";
import { settleSession } from "./sessions";
import { mfaRequirement } from "./totp";
import { demoOnlyPages, mayCallRoute, mayOpenPage, type PageKey, type RouteKey } from "./access";

/** The signed-in person as the data layer sees them: role and scope loaded fresh from the database. */
export type Actor = AuditActor & {
  userId: string;
  role: Role;
  name: string;
  email: string | null;
};

export const getSourceIp = cache(async (): Promise<string | null> => {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
});

/** Why a request that carried a session cookie has no actor: the session ended (ADR 11). */
export type SessionEnd = "missing" | "revoked" | "idle" | "absolute" | "disabled";

/** A provider contact signed in with the magic link who still owes the TOTP step. */
export type MfaPending = {
  required: "enrol" | "code";
  actor: AuditActor & { userId: string };
  /** Shown in the authenticator app next to the portal's name. */
  label: string;
};

/** The name of the actor's organiser (per language) or provider, for the portal's frame. */
export type OrganisationName = Record<Locale, string>;

type SessionState = {
  actor: Actor | null;
  ended: SessionEnd | null;
  sid: string | null;
  mfa?: MfaPending;
  organisation?: OrganisationName;
};

/**
 * The session row, its user and the user's organisation name in one query, prepared once per
 * database: every signed-in request starts with it, and three round trips (session, user,
 * organiser) cost about as much Node CPU as a list page's own query.
 */
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();
function prepareSessionQuery(db: Db) {
  return db
    .select({
      session: userSessions,
      user: users,
      organiser: { fi: organisers.nameFi, sv: organisers.nameSv, en: organisers.nameEn },
      providerName: providers.name,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(organisers, eq(organisers.id, users.organiserId))
    .leftJoin(providers, eq(providers.id, users.providerId))
    .where(eq(userSessions.id, sql.placeholder("sid")))
    .prepare("session_state");
}
function sessionQuery(db: Db) {
  let q = sessionQueries.get(db);
  if (!q) sessionQueries.set(db, (q = prepareSessionQuery(db)));
  return q;
}

/**
 * The current session: the actor, or null with the reason when a cookie was sent but its
 * session no longer counts. The JWT only carries the user id and the server-side session id:
 * the session row must exist and be live (lib/auth/sessions.ts), and role, organiser and
 * provider are read from the database on every request, so sign-out, a disabled user or a
 * changed role takes effect at once.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const session = await readSessionToken();
  const id = session?.userId;
  if (!id) return { actor: null, ended: null, sid: null };
  const db = getDb();
  const [row] = session.sid ? await sessionQuery(db).execute({ sid: session.sid }) : [];
  const check = await settleSession(db, row?.session, id, getConfig().session);
  if (!check.ok) return { actor: null, ended: check.reason, sid: null };
  const u = row!.user;
  if (!u.role || u.disabledAt) return { actor: null, ended: "disabled", sid: null };
  const sourceIp = await getSourceIp();
  if (u.role === "provider_contact") {
    // No portal page, route or action for a session that has not passed its second factor.
    const required = await mfaRequirement(db, u.id, check.session.mfaVerifiedAt);
    if (required)
      return {
        actor: null,
        ended: null,
        sid: check.session.id,
        mfa: {
          required,
          label: u.email ?? u.id,
          actor: {
            userId: u.id,
            role: u.role,
            organiserId: null,
            providerId: u.providerId,
            sourceIp,
          },
        },
      };
  }
  return {
    actor: {
      userId: u.id,
      role: u.role,
      name: u.name ?? u.email ?? u.id,
      email: u.email,
      organiserId: u.organiserId,
      providerId: u.providerId,
      sourceIp,
    },
    ended: null,
    sid: check.session.id,
    organisation: row!.organiser ?? (row!.providerName ? sameInAll(row!.providerName) : undefined),
  };
});

function sameInAll(name: string): OrganisationName {
  return { fi: name, sv: name, en: name };
}

/** The current actor, or null (signed out, or the session ended). */
export const getActor = cache(async (): Promise<Actor | null> => (await getSessionState()).actor);

/** Where a request without a live session goes: sign-in, with a notice when a session ended. */
export function signInUrl(path: string | null, ended: SessionEnd | null): string {
  const q = new URLSearchParams();
  if (ended) q.set("ended", "1");
  if (path) q.set("callbackUrl", path);
  const s = q.toString();
  return s ? `/signin?${s}` : "/signin";
}

/**
 * Every page starts with this. Signed out: to sign-in and back to `path`.
 * Wrong role: audited and answered 403.
 */
export async function requirePage(page: PageKey, path: string = page): Promise<Actor> {
  const { actor, ended, mfa } = await getSessionState();
  if (mfa) redirect(`/signin/totp?callbackUrl=${encodeURIComponent(path)}`);
  if (!actor) redirect(signInUrl(path, ended));
  if (demoOnlyPages.includes(page) && !getConfig().demoMode) notFound();
  if (!mayOpenPage(actor.role, page)) {
    await writeAudit(getDb(), actor, {
      action: "page.open",
      outcome: "denied",
      entityType: "page",
      entityId: page,
    });
    forbidden();
  }
  return actor;
}

/** Records a refused attempt to reach data outside the actor's scope (e.g. an id changed in a URL). */
export async function auditOutOfScope(
  actor: Actor,
  entityType: string,
  entityId: string,
  action: string,
) {
  await auditOutOfScopeRow(getDb(), actor, action, entityType, entityId);
}

/**
 * Every route handler starts with this: the actor, or a JSON error Response
 * (401 signed out, 403 wrong role, audited) to return as is.
 */
export async function requireRoute(route: RouteKey): Promise<Actor | Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!mayCallRoute(actor.role, route)) {
    await writeAudit(getDb(), actor, {
      action: "route.call",
      outcome: "denied",
      entityType: "route",
      entityId: route,
    });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  return actor;
}

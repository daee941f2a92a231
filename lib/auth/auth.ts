import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import type { OIDCConfig } from "next-auth/providers";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, isNull } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { getDb } from "@/db";
import { accounts, organisers, sessions, users, verificationTokens } from "@/db/schema";
import { getConfig, type Config } from "@/lib/config";
import { writeAudit } from "@/lib/audit";
import { sendMail } from "@/lib/mail/send";
import { allMessages } from "@/lib/i18n/messages";
import { isLocale } from "@/lib/i18n/locales";
import { roleFromClaims } from "./claims";
import { requestLog } from "@/lib/log";
import { authCookies } from "./cookies";
import { createSession, revokeSession } from "./sessions";

declare module "next-auth" {
  interface Session {
    /** The server-side session (user_sessions.id) this JWT belongs to. */
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

type Profile = Record<string, unknown>;

const anonymous = { userId: null, role: null, organiserId: null, providerId: null };

async function sendMagicLink(identifier: string, url: string, config: Config) {
  const db = getDb();
  const email = identifier.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, locale: users.locale, providerId: users.providerId })
    .from(users)
    .where(
      and(eq(users.email, email), eq(users.role, "provider_contact"), isNull(users.disabledAt)),
    );
  // Same answer for known and unknown addresses: the page never tells which.
  if (!user) {
    await writeAudit(db, anonymous, { action: "auth.magic_link.request", outcome: "denied" });
    return;
  }
  const locale = isLocale(user.locale) ? user.locale : "fi";
  const t = createTranslator({ locale, messages: allMessages[locale], namespace: "mail" });
  // The link always points at the configured address, whatever host the request named.
  const parsed = new URL(url);
  const link = new URL(`${parsed.pathname}${parsed.search}`, config.appUrl).toString();
  // Not awaited: a known address must not answer more slowly than an unknown one.
  void sendMail({
    to: email,
    subject: t("magicLinkSubject"),
    text: t("magicLinkBody", { url: link, minutes: config.magicLinkMinutes }),
  }).catch(
    (e: unknown) =>
      void requestLog().then((l) =>
        l.error({ err: String((e as Error)?.message) }, "magic link send failed"),
      ),
  );
  await writeAudit(
    db,
    { userId: user.id, role: "provider_contact", organiserId: null, providerId: user.providerId },
    {
      action: "auth.magic_link.request",
      outcome: "success",
      entityType: "user",
      entityId: user.id,
    },
  );
}

function buildConfig(): NextAuthConfig {
  const config = getConfig();
  const db = getDb();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // The transport is ours (lib/mail); this value only satisfies the provider's shape.
      server: config.smtpUrl,
      from: config.mailFrom,
      maxAge: config.magicLinkMinutes * 60,
      sendVerificationRequest: ({ identifier, url }) => sendMagicLink(identifier, url, config),
    }),
  ];
  if (config.oidc) {
    const oidc = config.oidc;
    providers.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid profile email" } },
      // The organiser's own identity provider is authoritative for its staff
      // addresses, so a pre-provisioned staff user is linked on first sign-in.
      allowDangerousEmailAccountLinking: true,
      profile(profile: Profile) {
        return {
          id: String(profile.sub),
          name: typeof profile.name === "string" ? profile.name : null,
          email: typeof profile.email === "string" ? profile.email.toLowerCase() : null,
        };
      },
    } satisfies OIDCConfig<Profile>);
  }
  if (config.demoMode) {
    // One-click demo accounts: only registered when DEMO_MODE is on.
    providers.push(
      Credentials({
        id: "demo",
        name: "Demo",
        credentials: { userId: { type: "text" } },
        async authorize(credentials) {
          const userId = typeof credentials?.userId === "string" ? credentials.userId : "";
          const [user] = await db
            .select()
            .from(users)
            .where(and(eq(users.id, userId), eq(users.isDemo, true), isNull(users.disabledAt)));
          if (!user) {
            await writeAudit(db, anonymous, { action: "auth.sign_in.demo", outcome: "failure" });
            return null;
          }
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
    );
  }

  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: config.authSecret,
    trustHost: true,
    ...authCookies(config.appUrl),
    // The JWT lives as long as the absolute timeout; the server-side row decides sooner (ADR 11).
    session: { strategy: "jwt", maxAge: config.session.maxHours * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers,
    callbacks: {
      async signIn({ user, account, profile, email }) {
        if (account?.provider === "nodemailer") {
          if (email?.verificationRequest) return true; // the link request itself
          const [known] = await db
            .select({ id: users.id })
            .from(users)
            .where(
              and(
                eq(users.email, String(user.email ?? "").toLowerCase()),
                eq(users.role, "provider_contact"),
                isNull(users.disabledAt),
              ),
            );
          if (!known) {
            await writeAudit(db, anonymous, {
              action: "auth.sign_in.magic_link",
              outcome: "denied",
            });
            return false;
          }
          return true;
        }
        if (account?.provider === "oidc" && config.oidc) {
          const role = profile
            ? roleFromClaims(profile, config.oidc.roleClaim, config.oidc.roleMap)
            : null;
          const [existing] = user.email
            ? await db.select().from(users).where(eq(users.email, user.email.toLowerCase()))
            : [];
          // The refusal belongs to the organiser whose IdP this is, so its admins see it.
          const [org] = await db
            .select({ id: organisers.id })
            .from(organisers)
            .where(eq(organisers.code, config.oidc.organiserCode));
          // Signing in through OIDC while already signed in would make Auth.js link the
          // staff account to the current user: never allowed.
          const alreadySignedIn = Boolean((await auth())?.user?.id);
          const reason = !org
            ? "unknown_organiser"
            : !role
              ? "no_portal_role"
              : alreadySignedIn
                ? "already_signed_in"
                : existing?.role === "provider_contact" ||
                    existing?.disabledAt ||
                    (existing?.organiserId && existing.organiserId !== org.id)
                  ? "account_not_allowed"
                  : null;
          if (reason) {
            await writeAudit(db, anonymous, {
              organiserId: org?.id ?? null,
              entityType: "oidc_subject",
              entityId: String(profile?.sub ?? "").slice(0, 100),
              action: "auth.sign_in.oidc",
              outcome: "denied",
              details: { reason },
            });
            return false;
          }
          return true;
        }
        return account?.provider === "demo" && config.demoMode;
      },
      async jwt({ token, user, account, profile }) {
        if (user?.id) token.sub = user.id;
        if (account?.provider === "oidc" && config.oidc && profile && user?.id) {
          // Role and organiser come from the organiser's IdP at every sign-in.
          const role = roleFromClaims(profile, config.oidc.roleClaim, config.oidc.roleMap);
          const [org] = await db
            .select({ id: organisers.id })
            .from(organisers)
            .where(eq(organisers.code, config.oidc.organiserCode));
          if (!role || !org) return null;
          const refused = await db.transaction(async (tx) => {
            const [current] = await tx
              .select()
              .from(users)
              .where(eq(users.id, user.id!))
              .for("update");
            // Never turn a provider contact or another organiser's user into this organiser's staff.
            if (
              !current ||
              current.providerId ||
              (current.organiserId && current.organiserId !== org.id)
            )
              return true;
            if (current.role !== role || current.organiserId !== org.id) {
              await tx
                .update(users)
                .set({ role, organiserId: org.id })
                .where(eq(users.id, current.id));
              await writeAudit(
                tx,
                { userId: current.id, role, organiserId: org.id, providerId: null },
                {
                  action: "user.role_sync",
                  outcome: "success",
                  entityType: "user",
                  entityId: current.id,
                  details: {
                    changes: {
                      role: { from: current.role, to: role },
                      organiserId: { from: current.organiserId, to: org.id },
                    },
                  },
                },
              );
            }
            return false;
          });
          if (refused) return null;
        }
        // `user` is only present at sign-in: each sign-in gets its own server-side session.
        if (user?.id) token.sid = await createSession(db, user.id);
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sid = token.sid;
        return session;
      },
    },
    logger: {
      // Auth.js reports failed sign-ins here (used or expired magic links, refused
      // OIDC accounts, bad demo ids). Audit them; log only the error type, never
      // addresses or tokens.
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        void requestLog().then((l) => l.warn({ type }, "auth error"));
        if (type === "AccessDenied") return; // already audited with its reason in signIn
        writeAudit(db, anonymous, {
          action: "auth.sign_in",
          outcome: "failure",
          details: { error: type },
        }).catch(() => {});
      },
      warn() {},
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await revokeSession(db, sid, "sign_out");
      },
      async signIn({ user, account }) {
        if (!user.id) return;
        const [u] = await db.select().from(users).where(eq(users.id, user.id));
        await writeAudit(
          db,
          {
            userId: user.id,
            role: u?.role ?? null,
            organiserId: u?.organiserId ?? null,
            providerId: u?.providerId ?? null,
          },
          {
            action: `auth.sign_in.${account?.provider ?? "unknown"}`,
            outcome: "success",
            entityType: "user",
            entityId: user.id,
          },
        );
      },
    },
  };
}

// Built on first use, not at import (the build has no configuration), then kept: building it
// (providers, the Drizzle adapter's table mapping) on every request cost about 2 % of a page.
let built: NextAuthConfig | undefined;
export const { handlers, auth, signIn, signOut } = NextAuth(() => (built ??= buildConfig()));

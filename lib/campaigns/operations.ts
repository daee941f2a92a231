import { and, eq, inArray, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Executor } from "@/db";
import {
  campaignInvitations,
  campaigns,
  contactPeople,
  organiserProviders,
  organisers,
  users,
} from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";
import { formatCalendarDate } from "@/lib/i18n/format";
import { allMessages } from "@/lib/i18n/messages";
import { orgName } from "@/lib/i18n/pick";
import type { SentMail, OutgoingMail } from "@/lib/mail/send";

export async function openCampaign(
  db: Executor,
  actor: AuditActor,
  input: { opensOn: string; closesOn: string },
): Promise<string> {
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        organiserId,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        createdBy: actor.userId,
      })
      .returning({ id: campaigns.id });
    await writeAudit(tx, actor, {
      action: "campaign.open",
      outcome: "success",
      entityType: "campaign",
      entityId: row!.id,
      details: {
        changes: {
          opensOn: { from: null, to: input.opensOn },
          closesOn: { from: null, to: input.closesOn },
        },
      },
    });
    return row!.id;
  });
}

export type InviteResult = { invited: number; sent: number; failed: number; skipped: number };

/**
 * Invites every contact person of every provider the organiser works with.
 * Each contact gets a sign-in account (provider_contact) if it has none, and
 * one invitation row per campaign (never two); rows are stored first and then
 * sent, so a failed send stays "failed" and is retried by the next call.
 */
export async function inviteContacts(
  db: Executor,
  actor: AuditActor,
  campaignId: string,
  deps: { send: (mail: OutgoingMail) => Promise<SentMail>; appUrl: string },
): Promise<InviteResult | null> {
  const organiserId = organiserOf(actor);
  const prepared = await db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.organiserId, organiserId)));
    if (!campaign) return null;
    const contacts = await tx
      .select({
        id: contactPeople.id,
        email: contactPeople.email,
        providerId: contactPeople.providerId,
        name: contactPeople.name,
        language: contactPeople.language,
      })
      .from(contactPeople)
      .innerJoin(
        organiserProviders,
        and(
          eq(organiserProviders.providerId, contactPeople.providerId),
          eq(organiserProviders.organiserId, organiserId),
        ),
      );
    let skipped = 0;
    const emails = contacts.map((c) => c.email.toLowerCase());
    const existing = emails.length
      ? await tx.select().from(users).where(inArray(users.email, emails))
      : [];
    const byEmail = new Map(existing.map((u) => [u.email, u]));
    for (const c of contacts) {
      const email = c.email.toLowerCase();
      const u = byEmail.get(email);
      if (!u) {
        await tx
          .insert(users)
          .values({
            email,
            name: c.name,
            role: "provider_contact",
            providerId: c.providerId,
            locale: c.language,
          })
          .onConflictDoNothing();
        byEmail.set(email, { email } as (typeof existing)[number]);
      } else if (u.role !== "provider_contact" || (u.providerId && u.providerId !== c.providerId)) {
        // The address belongs to someone else (staff, or another provider's contact): never re-bind it.
        skipped++;
      }
    }
    await tx
      .insert(campaignInvitations)
      .values(contacts.map((c) => ({ campaignId, organiserId, contactId: c.id })))
      .onConflictDoNothing();
    return { campaign, invited: contacts.length, skipped };
  });
  if (!prepared) return null;

  const [org] = await db.select().from(organisers).where(eq(organisers.id, organiserId));
  const pending = await db
    .select({ inv: campaignInvitations, contact: contactPeople })
    .from(campaignInvitations)
    .innerJoin(contactPeople, eq(contactPeople.id, campaignInvitations.contactId))
    .where(
      and(
        eq(campaignInvitations.campaignId, campaignId),
        inArray(campaignInvitations.status, ["queued", "failed"]),
      ),
    );
  let sent = 0;
  let failed = 0;
  const url = `${deps.appUrl}/signin?callbackUrl=%2Fprovider%2Funits`;
  const sendOne = async ({ inv, contact }: (typeof pending)[number]) => {
    const locale = contact.language;
    const t = createTranslator({ locale, messages: allMessages[locale], namespace: "mail" });
    try {
      const info = await deps.send({
        to: contact.email,
        subject: t("invitationSubject", { organiser: org ? orgName(org, locale) : "" }),
        text: t("invitationBody", {
          organiser: org ? orgName(org, locale) : "",
          opensOn: formatCalendarDate(prepared.campaign.opensOn),
          closesOn: formatCalendarDate(prepared.campaign.closesOn),
          url,
        }),
      });
      await db
        .update(campaignInvitations)
        .set({
          status: "sent",
          sentAt: sql`now()`,
          messageId: info.messageId,
          error: null,
          attempts: sql`${campaignInvitations.attempts} + 1`,
        })
        .where(eq(campaignInvitations.id, inv.id));
      sent++;
    } catch (e) {
      await db
        .update(campaignInvitations)
        .set({
          status: "failed",
          error: String((e as Error).message ?? e).slice(0, 300),
          attempts: sql`${campaignInvitations.attempts} + 1`,
        })
        .where(eq(campaignInvitations.id, inv.id));
      failed++;
    }
  };
  // A few at a time, matching the mail transport's connection pool.
  for (let i = 0; i < pending.length; i += 4)
    await Promise.all(pending.slice(i, i + 4).map(sendOne));
  await writeAudit(db, actor, {
    action: "campaign.invite",
    outcome: failed > 0 ? "failure" : "success",
    entityType: "campaign",
    entityId: campaignId,
    details: { invited: prepared.invited, sent, failed, skipped: prepared.skipped },
  });
  return { invited: prepared.invited, sent, failed, skipped: prepared.skipped };
}

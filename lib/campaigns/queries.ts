import { count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { campaignInvitations, campaigns } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";
import { organiserOf } from "@/lib/auth/scope";

/** The organiser's campaigns with invitation counts, newest first. */
export async function listCampaigns(db: Executor, actor: AuditActor) {
  const organiserId = organiserOf(actor);
  return db
    .select({
      id: campaigns.id,
      opensOn: campaigns.opensOn,
      closesOn: campaigns.closesOn,
      createdAt: campaigns.createdAt,
      invitations: count(campaignInvitations.id),
      sent: sql<number>`count(*) filter (where ${campaignInvitations.status} = 'sent')`.mapWith(
        Number,
      ),
      failed: sql<number>`count(*) filter (where ${campaignInvitations.status} = 'failed')`.mapWith(
        Number,
      ),
    })
    .from(campaigns)
    .leftJoin(campaignInvitations, eq(campaignInvitations.campaignId, campaigns.id))
    .where(eq(campaigns.organiserId, organiserId))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.createdAt));
}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { getConfig } from "@/lib/config";
import { sendMail } from "@/lib/mail/send";
import { campaignSchema } from "@/lib/registry/schemas";
import { inviteContacts, openCampaign } from "./operations";

export const openCampaignAction = validatedAction(
  "campaign.open",
  campaignSchema,
  async (input, actor) => {
    await openCampaign(getDb(), actor, input);
    revalidatePath("/providers/campaign");
    return { status: "success", message: "registry.campaignOpened", at: Date.now() };
  },
);

export const inviteAction = validatedAction(
  "campaign.invite",
  z.object({ campaignId: z.uuid({ error: "notFound" }) }),
  async (input, actor) => {
    const r = await inviteContacts(getDb(), actor, input.campaignId, {
      send: sendMail,
      appUrl: getConfig().appUrl,
    });
    revalidatePath("/providers/campaign");
    if (!r) return { status: "error", message: "validation.notFound" };
    const params = { invited: r.invited, sent: r.sent, failed: r.failed };
    return r.failed > 0
      ? { status: "error", message: "registry.invited", params }
      : { status: "success", message: "registry.invited", params, at: Date.now() };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { ClientKeyMissing } from "@/lib/clients/store";
import { sendCaseOid } from "./operations";

/** Queues a window's case OID to the provider's receiving contacts (one message per click). */
export const sendCaseOidAction = validatedAction(
  "deliveries.send",
  z.object({ windowId: z.uuid({ error: "notFound" }), requestKey: z.uuid({ error: "invalid" }) }),
  async (input, actor) => {
    let r;
    try {
      r = await sendCaseOid(getDb(), actor, input);
    } catch (e) {
      if (!(e instanceof ClientKeyMissing)) throw e;
      return { status: "error", message: "cases.keyMissing" };
    }
    if (!r.ok) return { status: "error", message: r.message };
    revalidatePath("/cases/[id]", "page");
    revalidatePath("/deliveries");
    if (r.queued === 0)
      return { status: "success", message: "delivery.send.alreadyQueued", at: Date.now() };
    return {
      status: "success",
      message: "delivery.send.queued",
      params: { count: r.queued },
      at: Date.now(),
    };
  },
);

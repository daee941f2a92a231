"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction, type ActionState } from "@/lib/auth/action";
import { ClientKeyMissing } from "@/lib/clients/store";
import { sendBatch, type BatchSendResult } from "./batch";

/** The form's own request key (a uuid made once per page load): a repeated submission queues nothing. */
const sendBatchSchema = z.object({
  requestKey: z
    .string()
    .trim()
    .pipe(z.uuid({ error: "invalid" })),
});

/** Queues the case-number batch; on success the batch id goes back to the form for its progress view. */
export const sendBatchAction = validatedAction(
  "deliveries.batch",
  sendBatchSchema,
  async (input, actor): Promise<ActionState> => {
    let r: BatchSendResult;
    try {
      r = await sendBatch(getDb(), actor, input);
    } catch (e) {
      if (!(e instanceof ClientKeyMissing)) throw e;
      return { status: "error", message: "batch.keyMissing" };
    }
    if (!r.ok) return { status: "error", message: r.message };
    revalidatePath("/deliveries/batch");
    revalidatePath("/deliveries");
    return {
      status: "success",
      message: r.already ? "batch.send.already" : "batch.send.queued",
      params: { count: r.messages, provider: r.providers },
      data: { batchId: r.batchId },
      at: Date.now(),
    };
  },
);

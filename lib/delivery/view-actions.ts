"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { retryDelivery } from "./operations";
import { deliveryIdentifiers, setDeliveryIdentifier } from "./settings";

/** Operation messages that have their wording in the "outbox" namespace. */
const MESSAGE_KEYS: Record<string, string> = { "delivery.notFailed": "outbox.retryNotFailed" };

const retrySchema = z.object({ id: z.uuid({ error: "notFound" }) });

/** Staff put a failed delivery back in the queue. */
export const retryDeliveryAction = validatedAction(
  "deliveries.retry",
  retrySchema,
  async (input, actor) => {
    const r = await retryDelivery(getDb(), actor, input);
    if (!r.ok) return { status: "error", message: MESSAGE_KEYS[r.message] ?? r.message };
    revalidatePath("/deliveries");
    revalidatePath("/cases/[id]", "page");
    return { status: "success", message: "outbox.retried", at: Date.now() };
  },
);

const identifierSchema = z.object({
  deliveryIdentifier: z.enum(deliveryIdentifiers, { error: "required" }),
});

/** The admin chooses what identifies the client in case-OID messages. */
export const setDeliveryIdentifierAction = validatedAction(
  "settings.deliveryIdentifier",
  identifierSchema,
  async (input, actor, raw) => {
    const r = await setDeliveryIdentifier(getDb(), actor, input.deliveryIdentifier);
    if (!r.ok) return { status: "error", message: r.message, values: raw };
    revalidatePath("/settings");
    return { status: "success", message: "outbox.identifier.saved", at: Date.now() };
  },
);

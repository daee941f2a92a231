"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { updateOwnContact } from "./operations";
import { contactUpdateSchema } from "./schemas";

/** A provider contact updates one of its own provider's contact people. */
export const updateContact = validatedAction(
  "provider.updateContact",
  contactUpdateSchema,
  async (input, actor) => {
    const result = await updateOwnContact(getDb(), actor, input);
    if (result === "denied") return { status: "error", message: "validation.notFound" };
    revalidatePath("/provider/contacts");
    return { status: "success", message: "providerSide.contactSaved", at: Date.now() };
  },
);

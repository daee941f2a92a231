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
  async (input, actor, raw) => {
    const result = await updateOwnContact(getDb(), actor, input);
    if (result.status === "denied") return { status: "error", message: "validation.notFound" };
    if (result.status === "invalid")
      return {
        status: "error",
        message: "validation.invalid",
        fieldErrors: result.fieldErrors,
        fieldParams: result.fieldParams,
        values: raw,
      };
    revalidatePath("/provider/contacts");
    return { status: "success", message: "providerSide.contactSaved", at: Date.now() };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { savePolicy } from "./operations";
import { formFieldOf, policyFormSchema } from "./schemas";

/** An admin saves the eligibility policy as a new version (lib/policy/operations.ts). */
export const savePolicyAction = validatedAction(
  "policy.save",
  policyFormSchema,
  async (input, actor, raw) => {
    const r = await savePolicy(getDb(), actor, input.settings, input.expectedVersion);
    if (!r.ok) {
      const fieldErrors = r.fieldErrors
        ? Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [formFieldOf(k), v]))
        : undefined;
      return { status: "error", message: r.message, fieldErrors, values: raw };
    }
    if (r.changed) revalidatePath("/settings/policy");
    return {
      status: "success",
      message: r.changed ? "policy.saved" : "policy.unchanged",
      params: { version: r.version },
      at: Date.now(),
    };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { resetUserTotp, setUserDisabled } from "./admin";

const userSchema = z.object({ userId: z.string().min(1, "required").max(100, "notFound") });

/** The admin disables a user: every session of theirs ends at once. */
export const disableUserAction = validatedAction(
  "users.disable",
  userSchema,
  async (input, actor) => {
    const r = await setUserDisabled(getDb(), actor, { userId: input.userId, disabled: true });
    if (!r.ok) return { status: "error", message: r.message };
    revalidatePath("/settings/users");
    return { status: "success", message: "users.disabled", at: Date.now() };
  },
);

/** The admin enables a disabled user again; they sign in anew. */
export const enableUserAction = validatedAction(
  "users.enable",
  userSchema,
  async (input, actor) => {
    const r = await setUserDisabled(getDb(), actor, { userId: input.userId, disabled: false });
    if (!r.ok) return { status: "error", message: r.message };
    revalidatePath("/settings/users");
    return { status: "success", message: "users.enabled", at: Date.now() };
  },
);

/** The admin removes a provider contact's second factor; they enrol again at next sign-in. */
export const resetTotpAction = validatedAction(
  "users.resetTotp",
  userSchema,
  async (input, actor) => {
    const r = await resetUserTotp(getDb(), actor, { userId: input.userId });
    if (!r.ok) return { status: "error", message: r.message };
    revalidatePath("/settings/users");
    return { status: "success", message: "users.totpReset", at: Date.now() };
  },
);

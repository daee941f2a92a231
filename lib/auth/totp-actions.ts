"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { organiserOf } from "./scope";
import { getSessionState } from "./actor";
import { originAllowed, refuseOrigin, validatedAction, type ActionState } from "./action";
import { safeCallback } from "./callback";
import { setRequireProviderTotp, verifyTotp } from "./totp";

const codeSchema = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/));

/**
 * Public in the sense of the route table: the session is signed in but not yet through its
 * second factor, so it has no portal actor. Only a session waiting for TOTP gets this far.
 */
export async function verifyTotpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!(await originAllowed())) return refuseOrigin("auth.totp.verify", null);
  const state = await getSessionState();
  if (!state.mfa || !state.sid) redirect(state.actor ? "/" : "/signin");
  const code = codeSchema.safeParse(form.get("code") ?? "");
  if (!code.success)
    return {
      status: "error",
      message: "validation.invalid",
      fieldErrors: { code: "totpCode" },
    };
  const r = await verifyTotp(getDb(), state.mfa.actor, state.sid, code.data);
  if (!r.ok)
    return r.reason === "rateLimited"
      ? { status: "error", message: "totp.tooMany" }
      : { status: "error", message: "totp.wrongCode", fieldErrors: { code: "totpWrong" } };
  redirect(safeCallback(form.get("callbackUrl")));
}

const requireSchema = z.object({ requireProviderTotp: z.enum(["on"]).optional() });

/** The admin requires (or stops requiring) TOTP from their providers' contacts. */
export const setProviderTotpAction = validatedAction(
  "settings.providerTotp",
  requireSchema,
  async (input, actor) => {
    await setRequireProviderTotp(
      getDb(),
      actor,
      organiserOf(actor),
      input.requireProviderTotp === "on",
    );
    revalidatePath("/settings");
    return { status: "success", message: "totp.settingSaved", at: Date.now() };
  },
);

"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "./auth";
import { safeCallback } from "./callback";

const emailSchema = z.string().trim().toLowerCase().email().max(254);

export type SignInState = { error?: "email" };

/** Public: asks for a magic link. The answer is the same whether or not the address is known. */
export async function requestMagicLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { error: "email" };
  const redirectTo = safeCallback(form.get("callbackUrl"));
  try {
    await signIn("nodemailer", { email: email.data, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) redirect("/signin/error");
    throw e; // Next's redirect to the check-your-e-mail page
  }
  return {};
}

/** Public in demo mode only: the "demo" provider does not exist otherwise. */
export async function signInDemo(form: FormData): Promise<void> {
  const redirectTo = safeCallback(form.get("callbackUrl"));
  try {
    await signIn("demo", { userId: String(form.get("userId") ?? ""), redirectTo });
  } catch (e) {
    if (e instanceof AuthError) redirect("/signin/error");
    throw e;
  }
}

/** Public: starts the organiser's OIDC sign-in. */
export async function signInOidc(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeCallback(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}

"use server";

import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { readSessionToken } from "@/lib/auth/session-token";
import { isLocale, LOCALE_COOKIE } from "./locales";

/** Public: anyone may choose the UI language; a signed-in user's choice is remembered for e-mail too. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  const session = await readSessionToken();
  if (session) {
    await getDb().update(users).set({ locale }).where(eq(users.id, session.userId));
  }
}

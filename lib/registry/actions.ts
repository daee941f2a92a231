"use server";

import { revalidatePath } from "next/cache";
import { createTranslator } from "next-intl";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contactPeople, serviceUnits } from "@/db/schema";
import { validatedAction } from "@/lib/auth/action";
import { getConfig } from "@/lib/config";
import { allMessages } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/send";
import { reviewUnitOid, saveOwnUnit } from "./operations";
import { reviewSchema, unitSchema } from "./schemas";

/** A provider contact adds or edits one of its own service units (with its OID). */
export const saveUnit = validatedAction(
  "provider.saveUnit",
  unitSchema,
  async (input, actor, raw) => {
    const r = await saveOwnUnit(getDb(), actor, input);
    if (!r.ok)
      return {
        status: "error",
        message: r.message,
        fieldErrors: r.fieldErrors,
        fieldParams: r.fieldParams,
        values: raw,
      };
    revalidatePath("/provider/units");
    return { status: "success", message: "registry.unitSaved", at: Date.now() };
  },
);

/** Staff accept a submitted OID, or return it with a reason that is e-mailed to the provider's contacts. */
export const reviewOid = validatedAction(
  "registry.reviewOid",
  reviewSchema,
  async (input, actor, raw) => {
    const db = getDb();
    const r = await reviewUnitOid(db, actor, input);
    if (!r.ok) return { status: "error", message: r.message, values: raw };
    if (input.decision === "return" && r.providerId) {
      const [unit] = await db.select().from(serviceUnits).where(eq(serviceUnits.id, r.id));
      const contacts = await db
        .select()
        .from(contactPeople)
        .where(eq(contactPeople.providerId, r.providerId));
      const url = `${getConfig().appUrl}/provider/units`;
      for (const c of contacts) {
        const t = createTranslator({
          locale: c.language,
          messages: allMessages[c.language],
          namespace: "mail",
        });
        // The reason and the unit are the provider's own data, no client data: plain mail is fine.
        await sendMail({
          to: c.email,
          subject: t("returnedSubject"),
          text: t("returnedBody", {
            unit: unit?.name ?? "",
            oid: unit?.oid ?? "",
            reason: input.reason,
            url,
          }),
        }).catch(() => {
          // The return itself is recorded; the contact also sees the reason after sign-in.
        });
      }
    }
    revalidatePath(`/providers/${r.providerId ?? ""}`);
    return {
      status: "success",
      message: input.decision === "verify" ? "registry.verified" : "registry.returned",
      at: Date.now(),
    };
  },
);

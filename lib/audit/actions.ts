"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { validateHetu } from "@/lib/clients/hetu";
import { ClientKeyMissing } from "@/lib/clients/store";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { isCalendarDate } from "@/lib/windows/dates";
import { CLIENT_ACCESS_MAX, clientAccessLog, type ClientAccessResult } from "./client-access";

const day = z
  .string()
  .trim()
  .min(1, "required")
  .refine((v) => isCalendarDate(v), "date");

/** The client-access search form: identity code (posted, never in a URL) and a date range. */
const clientAccessSchema = z
  .object({
    hetu: z.string().superRefine((v, ctx) => {
      const verdict = validateHetu(v);
      if (!verdict.ok) ctx.addIssue({ code: "custom", message: `hetu.${verdict.code}` });
    }),
    from: day,
    to: day,
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "auditView.clientAccess.badRange" });

/** One row as the results table shows it: already translated and formatted (serialisable). */
export type ClientAccessView = {
  id: string;
  at: string;
  who: string;
  role: string;
  organisation: string;
  what: string;
  code: string;
  kind: string;
  target: string;
  purpose: string;
  outcome: string;
};

/**
 * Who saw or was sent a client's data between two days. Runs only as a POST (server action):
 * the identity code stays in the request body, and the result is not kept in the form.
 */
export const clientAccessAction = validatedAction(
  "audit.clientAccess",
  clientAccessSchema,
  async (input, actor) => {
    let r: ClientAccessResult;
    try {
      r = await clientAccessLog(getDb(), actor, input);
    } catch (e) {
      if (!(e instanceof ClientKeyMissing)) throw e;
      return { status: "error", message: "auditView.clientAccess.keyMissing" };
    }
    if (!r.ok) return { status: "error", message: r.message };
    const range = { from: formatCalendarDate(input.from), to: formatCalendarDate(input.to) };
    if (!r.clientFound)
      return {
        status: "success",
        message: "auditView.clientAccess.notFound",
        data: { rows: [], range, truncated: false },
        at: Date.now(),
      };
    const t = await getTranslations();
    const locale = await getLocale();
    // The "auditView" namespace is merged into the messages separately: untyped keys here.
    const tr = (key: string) => (t.has(key as never) ? t(key as never) : null);
    const rows: ClientAccessView[] = r.rows.map((row) => {
      const organiser =
        locale === "sv"
          ? row.organiserNameSv
          : locale === "en"
            ? row.organiserNameEn
            : row.organiserNameFi;
      return {
        id: String(row.id),
        at: formatDateTime(row.at),
        who:
          row.actorName ??
          (row.actorRole ? (tr("audit.system") ?? "") : (tr("audit.unknownActor") ?? "")),
        role: row.actorRole ? (tr(`roles.${row.actorRole}`) ?? row.actorRole) : "",
        organisation: [row.providerName, organiser].filter(Boolean).join(" / "),
        what: tr(`audit.actions.${row.action.replaceAll(".", "__")}`) ?? row.action,
        code: row.action,
        kind: tr(`auditView.clientAccess.kinds.${row.kind}`) ?? row.kind,
        target: row.entityType
          ? (tr(`auditView.clientAccess.targets.${row.entityType}`) ?? row.entityType)
          : "",
        purpose: row.purpose
          ? (tr(`auditView.clientAccess.purposes.${row.purpose}`) ?? row.purpose)
          : "",
        outcome: tr(`audit.outcomes.${row.outcome}`) ?? row.outcome,
      };
    });
    return {
      status: "success",
      message: "auditView.clientAccess.found",
      params: { count: rows.length },
      data: { rows, range, truncated: r.truncated, max: CLIENT_ACCESS_MAX },
      at: Date.now(),
    };
  },
);

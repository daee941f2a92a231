"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { helsinkiToday } from "@/lib/windows/dates";
import { runRemindersNow, saveReminderSchedule } from "./operations";
import { reminderScheduleFormSchema, runNowSchema } from "./schemas";

const PAGE = "/readiness/reminders";

/** Project staff save the organiser's reminder schedule (lib/reminders/operations.ts). */
export const saveReminderScheduleAction = validatedAction(
  "reminders.saveSchedule",
  reminderScheduleFormSchema,
  async (input, actor, raw) => {
    const r = await saveReminderSchedule(getDb(), actor, input);
    if (!r.ok)
      return { status: "error", message: r.message, fieldErrors: r.fieldErrors, values: raw };
    if (r.changed) revalidatePath(PAGE);
    return {
      status: "success",
      message: r.changed ? "reminders.schedule.saved" : "reminders.schedule.unchanged",
      at: Date.now(),
    };
  },
);

/** Project staff run the organiser's reminders now: queue what is due and send it. */
export const runRemindersNowAction = validatedAction(
  "reminders.runNow",
  runNowSchema,
  async (_input, actor) => {
    const now = new Date();
    const r = await runRemindersNow(getDb(), actor, helsinkiToday(now), now);
    if (!r.ok) return { status: "error", message: r.message };
    revalidatePath(PAGE);
    const params = { count: r.queued, sent: r.sent, failed: r.failed };
    return r.failed > 0
      ? { status: "error", message: "reminders.run.done", params }
      : { status: "success", message: "reminders.run.done", params, at: Date.now() };
  },
);

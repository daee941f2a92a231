import { z } from "zod";
import {
  defaultReminderSettings,
  parseDaysList,
  reminderLimits,
  type ReminderSettings,
} from "./rules";

/**
 * The reminder schedule: the form's raw strings → ReminderSettings, and the settings themselves
 * (what the operation checks and what is read back from reminder_settings.settings). Every error
 * is a message key under "reminders.errors" on the field it concerns; the form fields have the
 * same names as the settings.
 */
const E = {
  oidMissingDays: "reminders.errors.oidMissingDays",
  windowRepeatDays: "reminders.errors.windowRepeatDays",
  deleteDaysBefore: "reminders.errors.deleteDaysBefore",
  enabled: "reminders.errors.enabled",
} as const;

function wholeDays(bounds: { min: number; max: number }, error: string) {
  return z.number({ error }).int({ error }).min(bounds.min, { error }).max(bounds.max, { error });
}

/** The settings as stored and as the operation takes them. */
export const reminderSettingsSchema = z.object({
  oidMissingEnabled: z.boolean({ error: E.enabled }),
  oidMissingDays: z
    .array(wholeDays(reminderLimits.oidMissingDays, E.oidMissingDays), { error: E.oidMissingDays })
    .min(1, { error: E.oidMissingDays })
    .max(reminderLimits.oidMissingDays.maxCount, { error: E.oidMissingDays })
    .refine((days) => new Set(days).size === days.length, { error: E.oidMissingDays })
    .transform((days) => [...days].sort((a, b) => b - a)),
  windowShouldCloseEnabled: z.boolean({ error: E.enabled }),
  windowRepeatDays: wholeDays(reminderLimits.windowRepeatDays, E.windowRepeatDays),
  deleteClientDataEnabled: z.boolean({ error: E.enabled }),
  deleteDaysBefore: wholeDays(reminderLimits.deleteDaysBefore, E.deleteDaysBefore),
}) satisfies z.ZodType<ReminderSettings, unknown>;

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

function wholeDaysText(bounds: { min: number; max: number }, error: string) {
  return z
    .string({ error })
    .trim()
    .regex(/^\d{1,3}$/, { error })
    .transform(Number)
    .pipe(wholeDays(bounds, error));
}

/** The schedule form (raw strings). */
export const reminderScheduleFormSchema = z
  .object({
    oidMissingEnabled: checkbox,
    oidMissingDays: z
      .string({ error: E.oidMissingDays })
      .refine((s) => parseDaysList(s) !== null, { error: E.oidMissingDays })
      .transform((s) => parseDaysList(s)!),
    windowShouldCloseEnabled: checkbox,
    windowRepeatDays: wholeDaysText(reminderLimits.windowRepeatDays, E.windowRepeatDays),
    deleteClientDataEnabled: checkbox,
    deleteDaysBefore: wholeDaysText(reminderLimits.deleteDaysBefore, E.deleteDaysBefore),
  })
  .transform((v): ReminderSettings => v);

/** The "Run now" form has no fields. */
export const runNowSchema = z.object({});

/** Field → message key of the first error per field, for a settings object that did not parse. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}

/**
 * Stored settings → ReminderSettings. Stored rows are checked on the way in; a row that no longer
 * parses (an older shape) falls back field by field to the defaults.
 */
export function readStoredSettings(value: unknown): ReminderSettings {
  const whole = reminderSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const o = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const shape = reminderSettingsSchema.shape;
  const out = { ...defaultReminderSettings } as Record<string, unknown>;
  for (const key of Object.keys(shape) as (keyof ReminderSettings)[]) {
    const r = shape[key].safeParse(o[key]);
    if (r.success) out[key] = r.data;
  }
  return out as ReminderSettings;
}

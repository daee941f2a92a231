/**
 * Reminder due-date rules. Pure (no I/O); dates are calendar dates `yyyy-mm-dd` in Helsinki
 * (lib/windows/dates.ts), compared as strings.
 *
 * Three kinds, each keyed so that the same reminder has the same target key on every run
 * (reminder_log's unique index then keeps it from being sent twice):
 * - oid_missing: provider contacts whose provider still lacks service-unit OIDs, on the days
 *   before the open OID campaign closes (DOMAIN rule 1). Key: contact + campaign + step.
 * - window_should_close: the responsible case worker of an access window that is still open
 *   although the service has ended and the window does not close by itself (DOMAIN rule 2).
 *   Key: window + round (a new round every `windowRepeatDays` days while it stays open).
 * - delete_client_data: provider contacts who receive case OIDs, before and on the day by which
 *   the provider must delete the client's data (closing date + 6 months, DOMAIN rule 7).
 *   Key: window + contact + step.
 *
 * A step is "due" from its date up to the event (closing date, deadline), so a run that missed
 * a day still sends it, but only the latest step that has come: reminders never pile up.
 */
import { addDays, daysBetween } from "@/lib/windows/dates";
import { deletionDeadline } from "@/lib/windows/rules";

export type ReminderSettings = {
  /** Remind provider contacts about missing OIDs. */
  oidMissingEnabled: boolean;
  /** Days before the OID campaign closes, distinct, largest first (e.g. [14, 3]). */
  oidMissingDays: number[];
  /** Remind case workers about windows still open after the service ended. */
  windowShouldCloseEnabled: boolean;
  /** Repeat that reminder every this many days while the window stays open. */
  windowRepeatDays: number;
  /** Remind provider contacts to delete client data after access ended. */
  deleteClientDataEnabled: boolean;
  /** Days before the deletion deadline (and again on the deadline). */
  deleteDaysBefore: number;
};

export const defaultReminderSettings: ReminderSettings = {
  oidMissingEnabled: true,
  oidMissingDays: [14, 3],
  windowShouldCloseEnabled: true,
  windowRepeatDays: 7,
  deleteClientDataEnabled: true,
  deleteDaysBefore: 30,
};

/** Bounds of the settings (the schemas and the messages say the same). */
export const reminderLimits = {
  oidMissingDays: { min: 0, max: 60, maxCount: 5 },
  windowRepeatDays: { min: 1, max: 90 },
  deleteDaysBefore: { min: 1, max: 180 },
} as const;

/**
 * "14, 3" → [14, 3]: whole numbers separated by commas, semicolons or spaces, within the bounds,
 * at most five; duplicates are dropped and the result sorted largest first. null when invalid
 * (also when empty).
 */
export function parseDaysList(input: string): number[] | null {
  const parts = input
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const { min, max, maxCount } = reminderLimits.oidMissingDays;
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n < min || n > max) return null;
    if (!days.includes(n)) days.push(n);
  }
  if (days.length > maxCount) return null;
  return days.sort((a, b) => b - a);
}

/** [14, 3] → "14, 3" (the form's value). */
export function formatDaysList(days: number[]): string {
  return days.join(", ");
}

/**
 * The step of a schedule due on `today` before an event on `eventDate`: the smallest `s` of
 * `steps` (days before the event) whose date `eventDate − s` has come, provided the event has
 * not passed (today <= eventDate). null when no step has come yet or the event is past.
 */
export function dueStep(today: string, eventDate: string, steps: readonly number[]): number | null {
  if (today > eventDate) return null;
  const left = daysBetween(today, eventDate);
  let best: number | null = null;
  for (const s of steps) if (s >= left && (best === null || s < best)) best = s;
  return best;
}

/** A campaign is open on `today` from opensOn through closesOn (inclusive). */
export function campaignOpenOn(c: { opensOn: string; closesOn: string }, today: string): boolean {
  return c.opensOn <= today && today <= c.closesOn;
}

/** Does a unit count as "OID missing": no OID yet, or returned by the organiser's staff. */
export function unitLacksOid(oidStatus: string): boolean {
  return oidStatus === "missing" || oidStatus === "returned";
}

/**
 * The oid_missing step due on `today` for a campaign, or null: only while the campaign is open,
 * and only steps of the schedule (days before closesOn).
 */
export function oidMissingStep(
  campaign: { opensOn: string; closesOn: string },
  today: string,
  daysBefore: readonly number[],
): number | null {
  if (!campaignOpenOn(campaign, today)) return null;
  return dueStep(today, campaign.closesOn, daysBefore);
}

/**
 * Should the case worker close this window by hand? It is open, its service ended before
 * `today`, and it will not close by itself on time: no closing date, or one later than
 * endsOn + daysAfterEnd (the policy's window after the service).
 */
export function windowShouldClose(
  w: { state: string; endsOn: string | null; closesOn: string | null },
  today: string,
  daysAfterEnd: number,
): boolean {
  if (w.state !== "open" || w.endsOn === null || !(w.endsOn < today)) return false;
  return w.closesOn === null || w.closesOn > addDays(w.endsOn, daysAfterEnd);
}

/**
 * The round of the window_should_close reminder on `today`: 0 from the day after the service
 * ended, 1 after `repeatDays` more days, and so on. Each round is one reminder.
 */
export function windowReminderRound(endsOn: string, today: string, repeatDays: number): number {
  const since = daysBetween(addDays(endsOn, 1), today);
  if (since < 0) return -1;
  return Math.floor(since / Math.max(1, repeatDays));
}

/**
 * The delete_client_data step due on `today` for a window that closed on `closesOn`: the
 * deletion deadline (closesOn + 6 months) and the step (`daysBefore`, or 0 on the deadline),
 * or null when neither has come or the deadline has passed.
 */
export function deletionStep(
  closesOn: string,
  today: string,
  daysBefore: number,
): { deadline: string; step: number } | null {
  const deadline = deletionDeadline(closesOn);
  const step = dueStep(today, deadline, [daysBefore, 0]);
  return step === null ? null : { deadline, step };
}

/** Target keys (reminder_log.targetKey): stable for the same reminder on every run. */
export const targetKey = {
  oidMissing: (contactId: string, campaignId: string, step: number) =>
    `contact:${contactId}/campaign:${campaignId}/d${step}`,
  windowShouldClose: (windowId: string, round: number) => `window:${windowId}/n${round}`,
  deleteClientData: (windowId: string, contactId: string, step: number) =>
    `window:${windowId}/contact:${contactId}/d${step}`,
};

/** The step or round a target key names ("d14" → 14 days, "n2" → round 2), for the log view. */
export function stepOf(key: string): { days: number } | { round: number } | null {
  const m = /\/(d|n)(\d+)$/.exec(key);
  if (!m) return null;
  return m[1] === "d" ? { days: Number(m[2]) } : { round: Number(m[2]) };
}

/**
 * The readiness dashboard's key dates and their countdowns. Pure: `today` is a calendar date
 * (yyyy-mm-dd) in Europe/Helsinki that the caller passes (lib/windows/dates.ts helsinkiToday).
 */
import type { PolicySettings } from "@/lib/eligibility/policy";
import { daysBetween, isCalendarDate } from "@/lib/windows/dates";

/**
 * 1.1.2027: the last of the organisers' starts. The brief for this dashboard attributes it to
 * seed 002, but seed 002 (Helsinki, Vantaa–Kerava) starts every service task on 1.9.2026; the
 * date is in seed 001 (Ekhva): a provider must have acquired and deployed a client information
 * system by 1.1.2027 at the latest, or it cannot in principle go on as a contract partner.
 */
export const LAST_ORGANISERS_START = "2027-01-01";

export const keyDateKeys = ["goLive", "caseNumbers", "useBy", "lastStart"] as const;
export type KeyDateKey = (typeof keyDateKeys)[number];

export type KeyDate = {
  key: KeyDateKey;
  /** yyyy-mm-dd */
  date: string;
  /** Calendar days from today to the date: 0 on the day, negative once it has passed. */
  daysLeft: number;
  passed: boolean;
};

/** Calendar days from `today` to `date` (negative when the date has passed). */
export function daysUntil(date: string, today: string): number {
  return daysBetween(today, date);
}

/**
 * The key dates from the organiser's policy (go-live, case-number deadline, use-by) and the last
 * organisers' start, each with its countdown. A date that is not a real calendar date (a policy
 * read from a damaged row) is left out rather than failing the page.
 */
export function keyDates(
  settings: Pick<PolicySettings, "goLiveDate" | "caseNumberDeadline" | "useByDate">,
  today: string,
): KeyDate[] {
  const dates: Record<KeyDateKey, string> = {
    goLive: settings.goLiveDate,
    caseNumbers: settings.caseNumberDeadline,
    useBy: settings.useByDate,
    lastStart: LAST_ORGANISERS_START,
  };
  if (!isCalendarDate(today)) throw new RangeError(`today: not a calendar date: ${today}`);
  return keyDateKeys
    .filter((key) => isCalendarDate(dates[key]))
    .map((key) => {
      const daysLeft = daysUntil(dates[key], today);
      return { key, date: dates[key], daysLeft, passed: daysLeft < 0 };
    });
}

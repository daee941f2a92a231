/**
 * Access-window (rekisterinkäyttöoikeus) rules on calendar dates. Pure; dates are `yyyy-mm-dd`
 * strings (see ./dates.ts), compared as strings (four-digit years, so string order = date order).
 *
 * DOMAIN.md rule 2: access may open `daysBeforeStart` days (default 7) before the service starts and
 * ends `daysAfterEnd` days (default 14) after it ends; each organiser sets its own numbers.
 * Rule 4: existing clients get access all at once on the go-live date; new clients per client.
 * Rule 6: a faulty access is invalidated and a new one granted (an invalidated window stays so).
 * Rule 7: the provider deletes the client's data within 6 months of the access ending.
 */
import {
  addDays,
  daysInMonth,
  formatCalendarDate,
  isCalendarDate,
  parseCalendarDate,
} from "./dates";

export type WindowProposal = { opensOn: string; closesOn: string | null };

export type WindowState = "planned" | "open" | "closed" | "invalidated";

function requireDate(value: string, name: string): void {
  if (!isCalendarDate(value)) {
    throw new RangeError(`${name}: not a calendar date (yyyy-mm-dd): ${JSON.stringify(value)}`);
  }
}

function requireDayCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name}: must be a whole number of days >= 0, got ${value}`);
  }
}

function later(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * The window a case worker is offered for a client's service implementation.
 *
 * - opens: existing clients (already in service at go-live) open on the go-live date. New clients
 *   open `daysBeforeStart` days before the service starts, but never before go-live, since no access
 *   exists before it.
 * - closes: `daysAfterEnd` days after the service ends, or null (open-ended) while the end is unknown.
 *
 * If the whole window would fall before go-live (the service ended long before it), the proposal
 * closes before it opens; validateWindow rejects it with `dateOrder` (there is nothing to grant).
 * Throws RangeError on invalid dates or negative/non-integer day counts.
 */
export function proposeWindow(input: {
  serviceStart: string;
  serviceEnd: string | null;
  existingClient: boolean;
  goLiveDate: string;
  daysBeforeStart: number;
  daysAfterEnd: number;
}): WindowProposal {
  requireDate(input.serviceStart, "serviceStart");
  if (input.serviceEnd !== null) requireDate(input.serviceEnd, "serviceEnd");
  requireDate(input.goLiveDate, "goLiveDate");
  requireDayCount(input.daysBeforeStart, "daysBeforeStart");
  requireDayCount(input.daysAfterEnd, "daysAfterEnd");

  const opensOn = input.existingClient
    ? input.goLiveDate
    : later(addDays(input.serviceStart, -input.daysBeforeStart), input.goLiveDate);
  const closesOn = input.serviceEnd === null ? null : addDays(input.serviceEnd, input.daysAfterEnd);
  return { opensOn, closesOn };
}

/**
 * The state of a window on a calendar date: planned before opensOn, open from opensOn through
 * closesOn (both inclusive; open-ended when closesOn is null), closed after closesOn.
 * An invalidated window is "invalidated" whatever the date.
 */
export function stateOn(
  window: { opensOn: string; closesOn: string | null; invalidated: boolean },
  today: string,
): WindowState {
  if (window.invalidated) return "invalidated";
  requireDate(today, "today");
  requireDate(window.opensOn, "opensOn");
  if (window.closesOn !== null) requireDate(window.closesOn, "closesOn");
  if (today < window.opensOn) return "planned";
  if (window.closesOn !== null && today > window.closesOn) return "closed";
  return "open";
}

/**
 * The last day by which the provider must have deleted the client's data from its own system
 * (DOMAIN rule 7): closesOn + 6 calendar months, clamped to the end of a shorter month
 * (2026-08-31 → 2027-02-28, 2027-08-31 → 2028-02-29, 2026-03-31 → 2026-09-30).
 */
export function deletionDeadline(closesOn: string): string {
  const p = parseCalendarDate(closesOn);
  if (!p)
    throw new RangeError(`closesOn: not a calendar date (yyyy-mm-dd): ${JSON.stringify(closesOn)}`);
  const monthIndex = p.month - 1 + 6;
  const year = p.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (year > 9999) throw new RangeError("deletionDeadline: date out of range");
  return formatCalendarDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/**
 * Checks a window entered or edited by a person. Errors name the field and a message key:
 * `date` (not a real yyyy-mm-dd date) or `dateOrder` (closes before it opens). A one-day window
 * (closesOn === opensOn) is valid; closesOn null means open-ended.
 */
export function validateWindow(w: {
  opensOn: string;
  closesOn: string | null;
}): { ok: true } | { ok: false; field: "opensOn" | "closesOn"; key: "date" | "dateOrder" } {
  if (!isCalendarDate(w.opensOn)) return { ok: false, field: "opensOn", key: "date" };
  if (w.closesOn === null) return { ok: true };
  if (!isCalendarDate(w.closesOn)) return { ok: false, field: "closesOn", key: "date" };
  if (w.closesOn < w.opensOn) return { ok: false, field: "closesOn", key: "dateOrder" };
  return { ok: true };
}

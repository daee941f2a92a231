/**
 * Calendar-date arithmetic on ISO `yyyy-mm-dd` strings. Pure and time-zone free.
 *
 * Dates are converted to integer day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar) with exact integer formulas, so no `Date`, local time, DST change or year boundary can
 * ever shift a date. The only instant-to-date conversion is `helsinkiToday`, which asks
 * Intl.DateTimeFormat for the calendar date in Europe/Helsinki (independent of the process TZ).
 *
 * Supported range: years 0001–9999 (four-digit years, so string order equals date order).
 * Invalid input throws a RangeError; callers that take user input check `isCalendarDate` first.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MIN_DAY = dayNumberOf(1, 1, 1); // 0001-01-01
const MAX_DAY = dayNumberOf(9999, 12, 31); // 9999-12-31

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Integer day number (days since 1970-01-01) of a civil date. H. Hinnant's days_from_civil. */
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** Civil date of an integer day number. H. Hinnant's civil_from_days. */
function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11]
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Parts of a valid date string, or null. */
export function parseCalendarDate(s: string): { year: number; month: number; day: number } | null {
  if (typeof s !== "string") return null;
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

/** Formats parts as `yyyy-mm-dd` (parts must be a real date in range). */
export function formatCalendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True for a real calendar date written `yyyy-mm-dd` (years 0001–9999), e.g. not 2026-02-29. */
export function isCalendarDate(s: string): boolean {
  return parseCalendarDate(s) !== null;
}

function toDayNumber(date: string, name: string): number {
  const p = parseCalendarDate(date);
  if (!p)
    throw new RangeError(`${name}: not a calendar date (yyyy-mm-dd): ${JSON.stringify(date)}`);
  return dayNumberOf(p.year, p.month, p.day);
}

function fromDayNumber(n: number): string {
  if (n < MIN_DAY || n > MAX_DAY) throw new RangeError("date out of range (0001-01-01–9999-12-31)");
  const { year, month, day } = civilOf(n);
  return formatCalendarDate(year, month, day);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days: not an integer: ${days}`);
  return fromDayNumber(toDayNumber(date, "date") + days);
}

/** Calendar days from `a` to `b` (b − a): positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b, "b") - toDayNumber(a, "a");
}

const helsinkiFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Helsinki",
  calendar: "gregory",
  numberingSystem: "latn",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Europe/Helsinki at an instant (default now), whatever the process TZ. */
export function helsinkiToday(now: Date = new Date()): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError("helsinkiToday: invalid instant");
  }
  const parts = helsinkiFormat.formatToParts(now);
  const get = (type: "year" | "month" | "day") => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`helsinkiToday: no ${type} in formatted date`);
    return Number(part.value);
  };
  const result = formatCalendarDate(get("year"), get("month"), get("day"));
  if (!isCalendarDate(result)) throw new RangeError("helsinkiToday: instant out of range");
  return result;
}

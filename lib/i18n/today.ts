import { TIME_ZONE } from "./locales";

const ymd = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date (yyyy-mm-dd) in Helsinki at an instant. */
export function helsinkiDate(at: Date = new Date()): string {
  return ymd.format(at);
}

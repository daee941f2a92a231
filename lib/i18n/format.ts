import { TIME_ZONE } from "./locales";

/**
 * Dates are shown as d.M.yyyy in every language (Finnish public-sector
 * convention) and always in Europe/Helsinki.
 */
const dateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(d: Date) {
  const p = Object.fromEntries(dateParts.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    day: Number(p.day),
    month: Number(p.month),
    year: p.year,
    hour: p.hour,
    minute: p.minute,
  };
}

/** A calendar date (yyyy-mm-dd, as stored in a `date` column) as d.M.yyyy; no time-zone shift. */
export function formatCalendarDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

/** Finnish short dates are d.M.yyyy: one format call, where parts() costs a list of objects. */
const finnishDate = new Intl.DateTimeFormat("fi-FI", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** An instant as d.M.yyyy in Helsinki. */
export function formatDate(d: Date): string {
  return finnishDate.format(d);
}

/** An instant as d.M.yyyy HH.mm in Helsinki (Finnish time uses a dot). */
export function formatDateTime(d: Date): string {
  const p = parts(d);
  return `${p.day}.${p.month}.${p.year} ${p.hour}.${p.minute}`;
}

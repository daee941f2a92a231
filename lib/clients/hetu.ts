/**
 * Finnish personal identity code (henkilötunnus, HETU): DDMMYYCZZZQ.
 *
 * - DDMMYY: date of birth; C: century sign; ZZZ: individual number; Q: check character.
 * - Century signs (additional signs in use since 1 January 2023):
 *   1800s "+"; 1900s "-", "Y", "X", "W", "V", "U"; 2000s "A", "B", "C", "D", "E", "F".
 * - Individual numbers 002–899 are ordinary, 900–999 temporary; 000 and 001 are not used.
 * - Check character: CHECK_CHARACTERS[(DDMMYYZZZ as an integer) mod 31].
 *
 * Pure and never throws. Input is normalised only by trimming and upper-casing.
 */

export type HetuErrorCode =
  "empty" | "format" | "date" | "centurySign" | "checkCharacter" | "notTemporary";

export type HetuVerdict =
  | { ok: true; hetu: string; birthDate: string /* yyyy-mm-dd */; temporary: boolean }
  | { ok: false; code: HetuErrorCode };

const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/** The first year of the century each sign denotes. */
const CENTURY_BY_SIGN: ReadonlyMap<string, number> = new Map([
  ["+", 1800],
  ...[..."-YXWVU"].map((s) => [s, 1900] as const),
  ...[..."ABCDEF"].map((s) => [s, 2000] as const),
]);

/** Eleven characters: six digits, any sign character, three digits, any check character. */
const SHAPE = /^(\d{2})(\d{2})(\d{2})([\s\S])(\d{3})([\s\S])$/u;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The check character for nine digits (DDMMYY followed by ZZZ).
 * Returns "" when the argument is not exactly nine ASCII digits.
 */
export function hetuCheckCharacter(nineDigits: string): string {
  if (typeof nineDigits !== "string" || !/^\d{9}$/.test(nineDigits)) return "";
  return CHECK_CHARACTERS[Number(nineDigits) % 31] ?? "";
}

/**
 * Validates a personal identity code. Checks, in order: empty, shape and individual
 * number 000/001 ("format"), century sign, date of birth, check character and, with
 * `requireTemporary`, the temporary range 900–999 ("notTemporary").
 */
export function validateHetu(input: string, opts?: { requireTemporary?: boolean }): HetuVerdict {
  if (typeof input !== "string") return { ok: false, code: "empty" };
  const hetu = input.trim().toUpperCase();
  if (hetu === "") return { ok: false, code: "empty" };

  const m = SHAPE.exec(hetu);
  if (!m) return { ok: false, code: "format" };
  const [, dd = "", mm = "", yy = "", sign = "", zzz = "", check = ""] = m;

  const individual = Number(zzz);
  if (individual < 2) return { ok: false, code: "format" };

  const century = CENTURY_BY_SIGN.get(sign);
  if (century === undefined) return { ok: false, code: "centurySign" };

  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, code: "date" };
  }

  if (hetuCheckCharacter(`${dd}${mm}${yy}${zzz}`) !== check) {
    return { ok: false, code: "checkCharacter" };
  }

  const temporary = individual >= 900;
  if (opts?.requireTemporary && !temporary) return { ok: false, code: "notTemporary" };

  return { ok: true, hetu, birthDate: `${year}-${mm}-${dd}`, temporary };
}

/**
 * Masks a personal identity code for display: keeps the date of birth and the century
 * sign and masks the individual number and check character ("010190-****"). Anything
 * not shaped like a code is masked entirely, without revealing its length.
 */
export function maskHetu(hetu: string): string {
  const normalised = typeof hetu === "string" ? hetu.trim().toUpperCase() : "";
  const m = SHAPE.exec(normalised);
  if (m && CENTURY_BY_SIGN.has(m[4] ?? "")) return `${m[1]}${m[2]}${m[3]}${m[4]}****`;
  return "***********";
}

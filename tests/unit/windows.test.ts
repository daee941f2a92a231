/**
 * Access-window arithmetic (lib/windows). These results must not depend on the process time zone;
 * run this file under other zones too:
 *
 *   TZ=Europe/Helsinki npx vitest run tests/unit/windows.test.ts
 *   TZ=America/New_York npx vitest run tests/unit/windows.test.ts
 *   TZ=UTC npx vitest run tests/unit/windows.test.ts
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, helsinkiToday, isCalendarDate } from "@/lib/windows/dates";
import { deletionDeadline, proposeWindow, stateOn, validateWindow } from "@/lib/windows/rules";

/** DOMAIN rule 4: go-live for access on 15 June 2026. */
const GO_LIVE = "2026-06-15";
const LEAD = 7;
const TAIL = 14;

function propose(
  serviceStart: string,
  serviceEnd: string | null,
  existingClient = false,
  goLiveDate = "2020-01-01", // far enough back not to clamp unless a test says so
) {
  return proposeWindow({
    serviceStart,
    serviceEnd,
    existingClient,
    goLiveDate,
    daysBeforeStart: LEAD,
    daysAfterEnd: TAIL,
  });
}

/** Valid dates 1900–2199, generated independently of the code under test (UTC instants). */
const dateArb = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2199, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Independent oracle for addDays: UTC-only Date arithmetic. */
function oracleAddDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

describe("isCalendarDate", () => {
  it.each(["2026-03-03", "2028-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31"])(
    "accepts %s",
    (s) => expect(isCalendarDate(s)).toBe(true),
  );

  it.each([
    "2026-02-29", // not a leap year
    "1900-02-29", // century, not a leap year
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
    "26-01-05",
    "2026-01-05T00:00:00Z",
    " 2026-01-05",
    "2026/01/05",
    "0000-01-01",
    "",
    "٢٠٢٦-٠١-٠٥", // non-ASCII digits
  ])("rejects %j", (s) => expect(isCalendarDate(s)).toBe(false));

  it("rejects non-strings at run time", () => {
    expect(isCalendarDate(undefined as unknown as string)).toBe(false);
    expect(isCalendarDate(20260105 as unknown as string)).toBe(false);
  });
});

describe("addDays and daysBetween", () => {
  it("handles the DOMAIN example: 3 March − 7 days = 24 February", () => {
    expect(addDays("2026-03-03", -7)).toBe("2026-02-24");
    expect(daysBetween("2026-02-24", "2026-03-03")).toBe(7);
  });

  it("handles leap years", () => {
    expect(addDays("2028-03-03", -7)).toBe("2028-02-25");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-29", 365)).toBe("2029-02-28");
    expect(addDays("2028-02-29", 366)).toBe("2029-03-01");
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(addDays("1900-02-28", 1)).toBe("1900-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
  });

  it("crosses year boundaries", () => {
    expect(addDays("2026-01-03", -7)).toBe("2025-12-27");
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(daysBetween("2026-12-25", "2027-01-08")).toBe(14);
  });

  it("crosses the Finnish DST weekends of 2026 without shifting", () => {
    // Summer time starts Sunday 2026-03-29, ends Sunday 2026-10-25.
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-03-25", 7)).toBe("2026-04-01");
    expect(addDays("2026-04-02", -7)).toBe("2026-03-26");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(addDays("2026-10-24", 1)).toBe("2026-10-25");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2026-10-20", 14)).toBe("2026-11-03");
    expect(addDays("2026-10-30", -7)).toBe("2026-10-23");
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });

  it("steps through every day of 2026–2028 one at a time", () => {
    let d = "2026-01-01";
    const seen = new Set<string>([d]);
    for (let i = 1; i <= 365 + 365 + 366; i++) {
      const next = addDays(d, 1);
      expect(isCalendarDate(next)).toBe(true);
      expect(next > d).toBe(true);
      expect(daysBetween(d, next)).toBe(1);
      expect(daysBetween("2026-01-01", next)).toBe(i);
      seen.add(next);
      d = next;
    }
    expect(d).toBe("2029-01-01");
    expect(seen.size).toBe(365 + 365 + 366 + 1);
  });

  it("returns zero and the same date for zero days", () => {
    expect(addDays("2026-06-15", 0)).toBe("2026-06-15");
    expect(daysBetween("2026-06-15", "2026-06-15")).toBe(0);
    expect(daysBetween("2026-06-16", "2026-06-15")).toBe(-1);
  });

  it("rejects invalid input", () => {
    expect(() => addDays("2026-02-29", 1)).toThrow(RangeError);
    expect(() => addDays("2026-03-03", 1.5)).toThrow(RangeError);
    expect(() => addDays("2026-03-03", Number.NaN)).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
    expect(() => addDays("0001-01-01", -1)).toThrow(RangeError);
    expect(() => daysBetween("2026-03-03", "nope")).toThrow(RangeError);
  });

  it("property: addDays(addDays(d, n), -n) === d", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it("property: daysBetween(d, addDays(d, n)) === n", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it("property: agrees with UTC-only Date arithmetic", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        expect(addDays(d, n)).toBe(oracleAddDays(d, n));
      }),
    );
  });

  it("property: string order matches day order", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const diff = daysBetween(a, b);
        expect(Math.sign(diff)).toBe(a < b ? 1 : a > b ? -1 : 0);
      }),
    );
  });
});

describe("helsinkiToday", () => {
  it.each([
    // Winter (EET, UTC+2): Helsinki midnight is 22:00 UTC the day before.
    ["2026-01-15T21:59:59.999Z", "2026-01-15"],
    ["2026-01-15T22:00:00.000Z", "2026-01-16"],
    // Summer (EEST, UTC+3): Helsinki midnight is 21:00 UTC the day before.
    ["2026-07-15T20:59:59.999Z", "2026-07-15"],
    ["2026-07-15T21:00:00.000Z", "2026-07-16"],
    // New Year in Helsinki, while still 31 December in UTC (and New York).
    ["2025-12-31T21:59:59.999Z", "2025-12-31"],
    ["2025-12-31T22:00:00.000Z", "2026-01-01"],
    // DST weekends: midnights either side of 2026-03-29 (+2 → +3) and 2026-10-25 (+3 → +2).
    ["2026-03-28T21:59:59.999Z", "2026-03-28"],
    ["2026-03-28T22:00:00.000Z", "2026-03-29"],
    ["2026-03-29T20:59:59.999Z", "2026-03-29"],
    ["2026-03-29T21:00:00.000Z", "2026-03-30"],
    ["2026-10-24T20:59:59.999Z", "2026-10-24"],
    ["2026-10-24T21:00:00.000Z", "2026-10-25"],
    ["2026-10-25T21:59:59.999Z", "2026-10-25"],
    ["2026-10-25T22:00:00.000Z", "2026-10-26"],
    // Go-live day, early morning in Helsinki.
    ["2026-06-14T21:00:00.000Z", "2026-06-15"],
  ])("at %s is %s", (instant, expected) => {
    expect(helsinkiToday(new Date(instant))).toBe(expected);
  });

  it("defaults to now and returns a calendar date", () => {
    expect(isCalendarDate(helsinkiToday())).toBe(true);
  });

  it("rejects an invalid instant", () => {
    expect(() => helsinkiToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("proposeWindow", () => {
  it("proposes the DOMAIN example: start 3 March → opens 24 February; end + 14 days", () => {
    expect(propose("2026-03-03", null)).toEqual({ opensOn: "2026-02-24", closesOn: null });
    expect(propose("2026-03-03", "2026-05-31")).toEqual({
      opensOn: "2026-02-24",
      closesOn: "2026-06-14",
    });
  });

  it("uses the organiser's own numbers", () => {
    const w = proposeWindow({
      serviceStart: "2026-09-10",
      serviceEnd: "2026-09-20",
      existingClient: false,
      goLiveDate: GO_LIVE,
      daysBeforeStart: 0,
      daysAfterEnd: 30,
    });
    expect(w).toEqual({ opensOn: "2026-09-10", closesOn: "2026-10-20" });
  });

  it("opens existing clients on the go-live date", () => {
    expect(propose("2024-05-01", null, true, GO_LIVE)).toEqual({
      opensOn: GO_LIVE,
      closesOn: null,
    });
    expect(propose("2025-01-10", "2026-12-25", true, GO_LIVE)).toEqual({
      opensOn: GO_LIVE,
      closesOn: "2027-01-08",
    });
  });

  it("clamps a new client's window to go-live, and not otherwise", () => {
    // start − 7 = 2026-06-12, before go-live: opens on go-live.
    expect(propose("2026-06-19", null, false, GO_LIVE).opensOn).toBe(GO_LIVE);
    // start − 7 = go-live exactly.
    expect(propose("2026-06-22", null, false, GO_LIVE).opensOn).toBe(GO_LIVE);
    // start − 7 = 2026-06-16, after go-live: not clamped.
    expect(propose("2026-06-23", null, false, GO_LIVE).opensOn).toBe("2026-06-16");
  });

  it("crosses leap days, year ends and DST weekends without shifting", () => {
    expect(propose("2028-03-03", "2028-02-29").opensOn).toBe("2028-02-25");
    expect(propose("2028-03-03", "2028-02-29").closesOn).toBe("2028-03-14");
    expect(propose("2026-01-03", "2026-12-25")).toEqual({
      opensOn: "2025-12-27",
      closesOn: "2027-01-08",
    });
    expect(propose("2026-04-02", "2026-10-20")).toEqual({
      opensOn: "2026-03-26",
      closesOn: "2026-11-03",
    });
  });

  it("marks a window wholly before go-live as not grantable (closes before it opens)", () => {
    const w = propose("2025-01-01", "2025-03-01", true, GO_LIVE);
    expect(w).toEqual({ opensOn: GO_LIVE, closesOn: "2025-03-15" });
    expect(validateWindow(w)).toEqual({ ok: false, field: "closesOn", key: "dateOrder" });
  });

  it("rejects invalid input", () => {
    expect(() => propose("2026-02-30", null)).toThrow(RangeError);
    expect(() => propose("2026-03-03", "2026-13-01")).toThrow(RangeError);
    expect(() => propose("2026-03-03", null, false, "15.6.2026")).toThrow(RangeError);
    const base = {
      serviceStart: "2026-03-03",
      serviceEnd: null,
      existingClient: false,
      goLiveDate: GO_LIVE,
    };
    expect(() => proposeWindow({ ...base, daysBeforeStart: -1, daysAfterEnd: 14 })).toThrow(
      RangeError,
    );
    expect(() => proposeWindow({ ...base, daysBeforeStart: 7, daysAfterEnd: 1.5 })).toThrow(
      RangeError,
    );
  });

  it("property: opensOn <= closesOn when end >= start (unless it all lies before go-live)", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 3_000 }),
        fc.boolean(),
        dateArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (start, length, existingClient, goLiveDate, daysBeforeStart, daysAfterEnd) => {
          const serviceEnd = addDays(start, length);
          const w = proposeWindow({
            serviceStart: start,
            serviceEnd,
            existingClient,
            goLiveDate,
            daysBeforeStart,
            daysAfterEnd,
          });
          expect(w.closesOn).not.toBeNull();
          const closesOn = w.closesOn as string;
          expect(w.opensOn >= goLiveDate).toBe(true);
          expect(daysBetween(serviceEnd, closesOn)).toBe(daysAfterEnd);
          if (!existingClient && addDays(start, -daysBeforeStart) >= goLiveDate) {
            // No go-live clamp: the window spans the service plus lead and tail.
            expect(w.opensOn <= closesOn).toBe(true);
            expect(daysBetween(w.opensOn, closesOn)).toBe(daysBeforeStart + length + daysAfterEnd);
          }
          if (closesOn >= goLiveDate && !existingClient) {
            expect(w.opensOn <= closesOn).toBe(true);
          }
          // Valid exactly when it does not close before it opens.
          expect(validateWindow(w).ok).toBe(w.opensOn <= closesOn);
        },
      ),
    );
  });
});

describe("stateOn", () => {
  const w = { opensOn: "2026-02-24", closesOn: "2026-06-14", invalidated: false };

  it("is inclusive at both ends", () => {
    expect(stateOn(w, "2026-02-23")).toBe("planned");
    expect(stateOn(w, "2026-02-24")).toBe("open");
    expect(stateOn(w, "2026-04-01")).toBe("open");
    expect(stateOn(w, "2026-06-14")).toBe("open");
    expect(stateOn(w, "2026-06-15")).toBe("closed");
  });

  it("stays open without an end date", () => {
    const open = { ...w, closesOn: null };
    expect(stateOn(open, "2026-02-23")).toBe("planned");
    expect(stateOn(open, "2026-02-24")).toBe("open");
    expect(stateOn(open, "2099-12-31")).toBe("open");
  });

  it("is open on a one-day window's only day", () => {
    const one = { opensOn: "2026-03-29", closesOn: "2026-03-29", invalidated: false };
    expect(stateOn(one, "2026-03-28")).toBe("planned");
    expect(stateOn(one, "2026-03-29")).toBe("open");
    expect(stateOn(one, "2026-03-30")).toBe("closed");
  });

  it("lets invalidation win on every date", () => {
    const inv = { ...w, invalidated: true };
    for (const d of ["2026-02-23", "2026-02-24", "2026-06-14", "2026-06-15"]) {
      expect(stateOn(inv, d)).toBe("invalidated");
    }
  });

  it("works with helsinkiToday across a year boundary", () => {
    const newYear = { opensOn: "2026-01-01", closesOn: null, invalidated: false };
    expect(stateOn(newYear, helsinkiToday(new Date("2025-12-31T21:59:59Z")))).toBe("planned");
    expect(stateOn(newYear, helsinkiToday(new Date("2025-12-31T22:00:00Z")))).toBe("open");
  });

  it("rejects an invalid date", () => {
    expect(() => stateOn(w, "2026-02-30")).toThrow(RangeError);
  });
});

describe("deletionDeadline", () => {
  it.each([
    ["2026-06-14", "2026-12-14"],
    ["2026-08-31", "2027-02-28"],
    ["2027-08-31", "2028-02-29"], // leap year
    ["2026-03-31", "2026-09-30"],
    ["2026-05-31", "2026-11-30"],
    ["2026-07-01", "2027-01-01"],
    ["2026-12-31", "2027-06-30"],
    ["2027-08-29", "2028-02-29"],
    ["2026-08-29", "2027-02-28"],
    ["2028-02-29", "2028-08-29"],
  ])("%s → %s", (closesOn, expected) => {
    expect(deletionDeadline(closesOn)).toBe(expected);
  });

  it("rejects an invalid date", () => {
    expect(() => deletionDeadline("2026-09-31")).toThrow(RangeError);
  });

  it("property: about six months later, never past the same day six months on", () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const deadline = deletionDeadline(d);
        expect(isCalendarDate(deadline)).toBe(true);
        const days = daysBetween(d, deadline);
        expect(days).toBeGreaterThanOrEqual(178);
        expect(days).toBeLessThanOrEqual(184);
        expect(deadline.slice(8) <= d.slice(8)).toBe(true);
      }),
    );
  });
});

describe("validateWindow", () => {
  it("accepts ordered, one-day and open-ended windows", () => {
    expect(validateWindow({ opensOn: "2026-02-24", closesOn: "2026-06-14" })).toEqual({ ok: true });
    expect(validateWindow({ opensOn: "2026-02-24", closesOn: "2026-02-24" })).toEqual({ ok: true });
    expect(validateWindow({ opensOn: "2026-02-24", closesOn: null })).toEqual({ ok: true });
  });

  it("names the field and key of the first error", () => {
    expect(validateWindow({ opensOn: "2026-02-30", closesOn: "2026-06-14" })).toEqual({
      ok: false,
      field: "opensOn",
      key: "date",
    });
    expect(validateWindow({ opensOn: "", closesOn: null })).toEqual({
      ok: false,
      field: "opensOn",
      key: "date",
    });
    expect(validateWindow({ opensOn: "2026-02-24", closesOn: "14.6.2026" })).toEqual({
      ok: false,
      field: "closesOn",
      key: "date",
    });
    expect(validateWindow({ opensOn: "2026-02-24", closesOn: "2026-02-23" })).toEqual({
      ok: false,
      field: "closesOn",
      key: "dateOrder",
    });
  });
});

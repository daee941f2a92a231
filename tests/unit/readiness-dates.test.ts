import { describe, expect, it } from "vitest";
import { defaultPolicySettings } from "@/lib/eligibility/policy";
import { daysUntil, keyDates, LAST_ORGANISERS_START } from "@/lib/readiness/dates";
import { helsinkiToday } from "@/lib/windows/dates";

const dates = (today: string) =>
  Object.fromEntries(keyDates(defaultPolicySettings, today).map((k) => [k.key, k]));

describe("readiness key dates", () => {
  it("counts calendar days down to the defaults and the last organisers' start", () => {
    const d = dates("2026-05-01");
    expect(Object.keys(d)).toEqual(["goLive", "caseNumbers", "useBy", "lastStart"]);
    expect(d.goLive).toEqual({ key: "goLive", date: "2026-06-15", daysLeft: 45, passed: false });
    expect(d.caseNumbers!.daysLeft).toBe(122);
    expect(d.useBy!.daysLeft).toBe(123);
    expect(d.lastStart).toMatchObject({ date: LAST_ORGANISERS_START, daysLeft: 245 });
    expect(LAST_ORGANISERS_START).toBe("2027-01-01");
  });

  it("says 0 on the day and counts passed dates as negative", () => {
    expect(dates("2026-06-15").goLive).toMatchObject({ daysLeft: 0, passed: false });
    expect(dates("2026-06-16").goLive).toMatchObject({ daysLeft: -1, passed: true });
    expect(dates("2027-01-02").lastStart).toMatchObject({ daysLeft: -1, passed: true });
    expect(daysUntil("2026-03-01", "2026-02-28")).toBe(1);
    expect(daysUntil("2028-03-01", "2028-02-28")).toBe(2); // leap year
  });

  it("follows the organiser's own policy dates", () => {
    const k = keyDates(
      { goLiveDate: "2026-09-01", caseNumberDeadline: "2026-09-01", useByDate: "2026-09-02" },
      "2026-08-31",
    );
    expect(k.map((x) => [x.key, x.daysLeft])).toEqual([
      ["goLive", 1],
      ["caseNumbers", 1],
      ["useBy", 2],
      ["lastStart", 123],
    ]);
  });

  it("leaves out a damaged date and rejects a bad today", () => {
    const k = keyDates({ ...defaultPolicySettings, useByDate: "2026-02-30" }, "2026-05-01");
    expect(k.map((x) => x.key)).toEqual(["goLive", "caseNumbers", "lastStart"]);
    expect(() => keyDates(defaultPolicySettings, "1.5.2026")).toThrow(RangeError);
  });

  it("today is the calendar date in Helsinki, across midnight and DST", () => {
    // 22:30 UTC on 14 June is already 15 June in Helsinki (UTC+3): go-live day.
    const today = helsinkiToday(new Date("2026-06-14T22:30:00Z"));
    expect(dates(today).goLive!.daysLeft).toBe(0);
    // 21:59 UTC on 31 December 2026 is 23:59 in Helsinki (UTC+2): one day to 1.1.2027.
    expect(dates(helsinkiToday(new Date("2026-12-31T21:59:00Z"))).lastStart!.daysLeft).toBe(1);
    expect(dates(helsinkiToday(new Date("2026-12-31T22:00:00Z"))).lastStart!.daysLeft).toBe(0);
  });
});

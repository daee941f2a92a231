import { describe, expect, it } from "vitest";
import {
  defaultReminderSettings,
  deletionStep,
  dueStep,
  formatDaysList,
  oidMissingStep,
  parseDaysList,
  stepOf,
  targetKey,
  unitLacksOid,
  windowReminderRound,
  windowShouldClose,
} from "@/lib/reminders/rules";
import {
  readStoredSettings,
  reminderScheduleFormSchema,
  reminderSettingsSchema,
} from "@/lib/reminders/schemas";

const CAMPAIGN = { opensOn: "2026-05-01", closesOn: "2026-06-15" };

describe("dueStep: the latest step of a schedule that has come, until the event", () => {
  it.each([
    ["2026-05-31", null], // 15 days before: nothing yet
    ["2026-06-01", 14], // 14 days before
    ["2026-06-05", 14], // a missed day still finds step 14
    ["2026-06-11", 14],
    ["2026-06-12", 3],
    ["2026-06-15", 3], // the closing day itself
    ["2026-06-16", null], // after the event: never
  ])("%s → %s", (today, step) => {
    expect(dueStep(today, "2026-06-15", [14, 3])).toBe(step);
  });

  it("takes steps in any order, and step 0 is the day itself", () => {
    expect(dueStep("2026-06-15", "2026-06-15", [0, 3, 14])).toBe(0);
    expect(dueStep("2026-06-14", "2026-06-15", [0, 3, 14])).toBe(3);
    expect(dueStep("2026-06-14", "2026-06-15", [])).toBeNull();
  });

  it("counts calendar days across month and year ends", () => {
    expect(dueStep("2026-12-18", "2027-01-01", [14])).toBe(14);
    expect(dueStep("2026-12-17", "2027-01-01", [14])).toBeNull();
  });
});

describe("oid_missing", () => {
  it("only while the campaign is open, on the schedule's steps (at most one per step)", () => {
    expect(oidMissingStep(CAMPAIGN, "2026-06-01", [14, 3])).toBe(14);
    expect(oidMissingStep(CAMPAIGN, "2026-06-13", [14, 3])).toBe(3);
    expect(oidMissingStep(CAMPAIGN, "2026-06-16", [14, 3])).toBeNull();
    // Before the campaign opens nothing is due, even if a step's date has come.
    expect(
      oidMissingStep({ opensOn: "2026-06-10", closesOn: "2026-06-15" }, "2026-06-09", [14]),
    ).toBeNull();
    const steps = new Set<number>();
    for (let d = 1; d <= 46; d++) {
      const day = `2026-${d <= 31 ? "05" : "06"}-${String(d <= 31 ? d : d - 31).padStart(2, "0")}`;
      const s = oidMissingStep(CAMPAIGN, day, defaultReminderSettings.oidMissingDays);
      if (s !== null) steps.add(s);
    }
    expect([...steps]).toEqual([14, 3]);
  });

  it("counts units without an OID or with a returned one", () => {
    expect(unitLacksOid("missing")).toBe(true);
    expect(unitLacksOid("returned")).toBe(true);
    expect(unitLacksOid("submitted")).toBe(false);
    expect(unitLacksOid("verified")).toBe(false);
    expect(unitLacksOid("needs_attention")).toBe(false);
  });
});

describe("window_should_close", () => {
  const base = { state: "open", endsOn: "2026-08-31", closesOn: null as string | null };
  it("an open window whose service ended and which will not close by itself", () => {
    expect(windowShouldClose(base, "2026-09-01", 14)).toBe(true);
    expect(windowShouldClose({ ...base, closesOn: "2026-09-30" }, "2026-09-01", 14)).toBe(true);
  });
  it("not while the service lasts, nor when it closes on time, nor when not open", () => {
    expect(windowShouldClose(base, "2026-08-31", 14)).toBe(false);
    expect(windowShouldClose({ ...base, endsOn: null }, "2026-09-01", 14)).toBe(false);
    expect(windowShouldClose({ ...base, closesOn: "2026-09-14" }, "2026-09-01", 14)).toBe(false);
    expect(windowShouldClose({ ...base, closesOn: "2026-09-05" }, "2026-09-01", 14)).toBe(false);
    expect(windowShouldClose({ ...base, state: "closed" }, "2026-09-01", 14)).toBe(false);
    expect(windowShouldClose({ ...base, state: "planned" }, "2026-09-01", 14)).toBe(false);
    expect(windowShouldClose({ ...base, state: "invalidated" }, "2026-09-01", 14)).toBe(false);
  });
  it("a new round every repeatDays days from the day after the service ended", () => {
    expect(windowReminderRound("2026-08-31", "2026-08-31", 7)).toBe(-1);
    expect(windowReminderRound("2026-08-31", "2026-09-01", 7)).toBe(0);
    expect(windowReminderRound("2026-08-31", "2026-09-07", 7)).toBe(0);
    expect(windowReminderRound("2026-08-31", "2026-09-08", 7)).toBe(1);
    expect(windowReminderRound("2026-08-31", "2026-09-15", 7)).toBe(2);
    expect(windowReminderRound("2026-08-31", "2026-09-02", 1)).toBe(1);
  });
});

describe("delete_client_data", () => {
  it("N days before the deadline (closesOn + 6 months) and on the deadline", () => {
    // 31 Aug + 6 months is clamped to 28 Feb.
    expect(deletionStep("2026-08-31", "2027-01-28", 30)).toBeNull();
    expect(deletionStep("2026-08-31", "2027-01-29", 30)).toEqual({
      deadline: "2027-02-28",
      step: 30,
    });
    expect(deletionStep("2026-08-31", "2027-02-27", 30)).toEqual({
      deadline: "2027-02-28",
      step: 30,
    });
    expect(deletionStep("2026-08-31", "2027-02-28", 30)).toEqual({
      deadline: "2027-02-28",
      step: 0,
    });
    expect(deletionStep("2026-08-31", "2027-03-01", 30)).toBeNull();
  });
});

describe("target keys", () => {
  it("are stable and name their step", () => {
    const k = targetKey.oidMissing("c1", "k1", 14);
    expect(k).toBe("contact:c1/campaign:k1/d14");
    expect(stepOf(k)).toEqual({ days: 14 });
    expect(stepOf(targetKey.windowShouldClose("w1", 2))).toEqual({ round: 2 });
    expect(stepOf(targetKey.deleteClientData("w1", "c1", 0))).toEqual({ days: 0 });
    expect(stepOf("something else")).toBeNull();
  });
});

describe("schedule settings", () => {
  it("parses a days list: whole numbers 0–60, at most five, duplicates dropped, largest first", () => {
    expect(parseDaysList("14, 3")).toEqual([14, 3]);
    expect(parseDaysList("3 14;14")).toEqual([14, 3]);
    expect(parseDaysList("0")).toEqual([0]);
    expect(parseDaysList("")).toBeNull();
    expect(parseDaysList("14, x")).toBeNull();
    expect(parseDaysList("-1")).toBeNull();
    expect(parseDaysList("61")).toBeNull();
    expect(parseDaysList("2.5")).toBeNull();
    expect(parseDaysList("1,2,3,4,5,6")).toBeNull();
    expect(formatDaysList([14, 3])).toBe("14, 3");
  });

  it("the form: checkboxes, numbers, and errors that name the field", () => {
    const ok = reminderScheduleFormSchema.safeParse({
      oidMissingEnabled: "on",
      oidMissingDays: "3, 14",
      windowRepeatDays: "7",
      deleteDaysBefore: " 30 ",
    });
    expect(ok.success && ok.data).toEqual({
      oidMissingEnabled: true,
      oidMissingDays: [14, 3],
      windowShouldCloseEnabled: false,
      windowRepeatDays: 7,
      deleteClientDataEnabled: false,
      deleteDaysBefore: 30,
    });
    const bad = reminderScheduleFormSchema.safeParse({
      oidMissingDays: "14, abc",
      windowRepeatDays: "0",
      deleteDaysBefore: "181",
    });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries(
      (bad.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
    );
    expect(byField).toEqual({
      oidMissingDays: "reminders.errors.oidMissingDays",
      windowRepeatDays: "reminders.errors.windowRepeatDays",
      deleteDaysBefore: "reminders.errors.deleteDaysBefore",
    });
  });

  it("the stored settings: checked, and read back with defaults for what no longer parses", () => {
    expect(reminderSettingsSchema.safeParse(defaultReminderSettings).success).toBe(true);
    expect(
      reminderSettingsSchema.safeParse({ ...defaultReminderSettings, oidMissingDays: [3, 3] })
        .success,
    ).toBe(false);
    expect(readStoredSettings({ ...defaultReminderSettings, windowRepeatDays: 3 })).toEqual({
      ...defaultReminderSettings,
      windowRepeatDays: 3,
    });
    expect(readStoredSettings({ windowRepeatDays: 500, deleteDaysBefore: 10 })).toEqual({
      ...defaultReminderSettings,
      deleteDaysBefore: 10,
    });
    expect(readStoredSettings(null)).toEqual(defaultReminderSettings);
  });
});

import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { allMessages } from "@/lib/i18n/messages";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/i18n/format";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("messages", () => {
  const fi = keys(allMessages.fi).sort();
  it.each(["sv", "en"] as const)("%s has exactly the Finnish keys", (l) => {
    expect(keys(allMessages[l]).sort()).toEqual(fi);
  });
  it.each(["fi", "sv", "en"] as const)("every %s message formats", (l) => {
    const t = createTranslator({
      locale: l,
      messages: allMessages[l],
      onError: (e) => {
        throw e;
      },
    });
    const params = {
      email: "a@b.example",
      kind: "S/MIME",
      fingerprint: "AB12",
      value: "V",
      line: 3,
      rows: 1,
      pn: 1,
      pu: 1,
      un: 1,
      uu: 1,
      cn: 1,
      cu: 1,
      organiser: "O",
      opensOn: "1.5.2026",
      closesOn: "15.6.2026",
      unit: "U",
      oid: "1.2",
      reason: "R",
      entries: 1,
      social: 1,
      checked: 1,
      changed: 1,
      invited: 1,
      sent: 1,
      failed: 0,
      detail: "D",
      example: "1.2.246.10.1.10.1",
      found: "F",
      expected: "E",
      name: "X",
      count: 2,
      date: "1.1.2026",
      url: "http://x",
      minutes: 10,
      created: "1.1.2026",
      updated: "2.1.2026",
      field: "F",
      max: 5,
      page: 1,
      pages: 2,
      role: "R",
      reasons: "R",
      service: "S",
      dates: "1.1.2026 –",
      provider: "P",
      moved: 1,
      before: 7,
      after: 14,
      goLive: "15.6.2026",
      earliest: "1.1.2026",
      latest: "1.1.2026",
      justification: "J",
      opens: "1.1.2026",
      closes: "2.1.2026",
      hetu: "010190-****",
      version: 1,
      deadline: "31.8.2026",
      method: "M",
      from: "1.1.2026",
      to: "2.1.2026",
    };
    for (const k of fi) {
      const s = t(k as never, params as never);
      expect(s, `${l}:${k}`).not.toMatch(/^(fi|sv|en)\./);
      expect(s.length, `${l}:${k}`).toBeGreaterThan(0);
    }
  });
});

describe("date formatting (d.M.yyyy, Europe/Helsinki)", () => {
  it("formats calendar dates without any time-zone shift", () => {
    expect(formatCalendarDate("2026-03-03")).toBe("3.3.2026");
    expect(formatCalendarDate("2026-12-31")).toBe("31.12.2026");
    expect(formatCalendarDate(null)).toBe("");
  });
  it("shows instants in Helsinki time across DST and year boundaries", () => {
    // 22:30 UTC on 31 Dec is already New Year in Helsinki (UTC+2).
    expect(formatDate(new Date("2026-12-31T22:30:00Z"))).toBe("1.1.2027");
    // Summer time (UTC+3).
    expect(formatDateTime(new Date("2026-06-15T05:04:00Z"))).toBe("15.6.2026 08.04");
    // The night DST ends (last Sunday of October).
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"))).toBe("25.10.2026 03.30");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"))).toBe("25.10.2026 03.30");
  });
});

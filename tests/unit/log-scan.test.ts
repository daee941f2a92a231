import { describe, expect, it } from "vitest";
import { findClientData } from "@/lib/clients/log-scan";
import { demoClientName, demoHetu } from "@/db/seed/demo";

describe("the log scan finds client data", () => {
  it("finds a valid identity code of any century sign, upper or lower case, inside JSON", () => {
    for (const code of [demoHetu(0), demoHetu(7).replace("-", "A"), "131052-308T"]) {
      const fixed = code.includes("A") ? fixFor(code) : code;
      expect(findClientData(`{"msg":"x","v":"${fixed}"}`)).toContain("identity code");
      expect(findClientData(`value=${fixed.toLowerCase()};`)).toContain("identity code");
    }
  });

  it("ignores look-alikes with a wrong check character, OIDs and dates", () => {
    const good = demoHetu(3);
    const bad = good.slice(0, 10) + (good.endsWith("0") ? "1" : "0");
    expect(findClientData(bad)).toEqual([]);
    expect(findClientData("1.2.246.10.12345678.10.1 2026-05-01 010526-1234")).not.toContain(
      "client name",
    );
    expect(findClientData("case 1.2.246.537.10.15616612.12345.2026.1")).toEqual([]);
  });

  it("finds the demo and factory client names", () => {
    for (let n = 0; n < 24; n++)
      expect(findClientData(`opened by ${demoClientName(n)}.`)).toContain("client name");
    expect(findClientData("Testi Asiakas4")).toEqual(["client name"]);
    expect(findClientData("Erkki Eräajo1")).toEqual(["client name"]);
    expect(findClientData("Anna Virtanen sent 3 messages")).toEqual([]);
  });
});

/** The same birth date and individual number with the 2000s sign: recompute the check character. */
function fixFor(code: string): string {
  const chars = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  const nine = code.slice(0, 6) + code.slice(7, 10);
  return code.slice(0, 10) + chars[Number(nine) % 31];
}

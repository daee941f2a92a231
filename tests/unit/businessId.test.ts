import { describe, expect, it } from "vitest";
import {
  businessIdCheckDigit,
  isValidBusinessId,
  organisationOidRoot,
} from "@/lib/providers/businessId";

describe("business ID (Y-tunnus)", () => {
  it.each(["0737546-2", "1572860-0", "2286189-9"])("accepts the valid %s", (id) => {
    expect(isValidBusinessId(id)).toBe(true);
  });
  it.each(["0737546-3", "1572860-1", "737546-2", "07375462", "0737546-", "abcdefg-1"])(
    "rejects %s",
    (id) => {
      expect(isValidBusinessId(id)).toBe(false);
    },
  );
  it("has no check digit when the remainder is 1", () => {
    // Find a body whose remainder is 1 and check it is never valid.
    let body = "";
    for (let n = 1000000; n < 1000100; n++) {
      if (businessIdCheckDigit(String(n)) === null) {
        body = String(n);
        break;
      }
    }
    expect(body).not.toBe("");
    for (let d = 0; d <= 9; d++) expect(isValidBusinessId(`${body}-${d}`)).toBe(false);
  });
  it("builds the organisation OID root without hyphen and leading zeros", () => {
    expect(organisationOidRoot("0737546-2")).toBe("1.2.246.10.7375462");
    expect(organisationOidRoot("2286189-9")).toBe("1.2.246.10.22861899");
  });
});

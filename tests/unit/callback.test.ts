import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/auth/callback";

describe("return path after sign-in", () => {
  it.each(["/cases", "/providers?q=Kuusela&page=2", "/provider/units#x", "/"])(
    "keeps the same-site path %s",
    (p) => {
      expect(safeCallback(p)).toBe(p);
    },
  );
  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil",
    "",
    undefined,
    42,
  ])("refuses %j", (p) => {
    expect(safeCallback(p)).toBe("/");
  });
});

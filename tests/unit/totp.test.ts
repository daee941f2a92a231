import { describe, expect, it } from "vitest";
import { Secret } from "otpauth";
import { acceptCode, TOTP_PERIOD, totpOf } from "@/lib/auth/totp";

// Fixed secrets: with random ones, two codes in nearby steps coincide about once in 90,000 runs
// and the drift checks below would then pass or fail by chance. RFC 6238's key has seven
// different codes in the steps from NOW − 90 s to NOW + 90 s.
const SECRET = Secret.fromLatin1("12345678901234567890").base32;
const OTHER = Secret.fromLatin1("abcdefghijabcdefghij").base32;
const NOW = new Date("2026-03-02T10:00:10Z");
const step = (d: Date) => Math.floor(d.getTime() / 1000 / TOTP_PERIOD);
const codeAt = (d: Date) => totpOf(SECRET, "x").generate({ timestamp: d.getTime() });
const shift = (s: number) => new Date(NOW.getTime() + s * 1000);

describe("TOTP code check", () => {
  it("accepts the current code and returns its time step", () => {
    expect(acceptCode(SECRET, codeAt(NOW), NOW, null)).toBe(step(NOW));
    // Spaces as some apps show them ("123 456") are ignored.
    const c = codeAt(NOW);
    expect(acceptCode(SECRET, `${c.slice(0, 3)} ${c.slice(3)}`, NOW, null)).toBe(step(NOW));
  });

  it("allows one step of clock drift either way, not two", () => {
    expect(acceptCode(SECRET, codeAt(shift(-30)), NOW, null)).toBe(step(NOW) - 1);
    expect(acceptCode(SECRET, codeAt(shift(30)), NOW, null)).toBe(step(NOW) + 1);
    expect(acceptCode(SECRET, codeAt(shift(-90)), NOW, null)).toBeNull();
    expect(acceptCode(SECRET, codeAt(shift(90)), NOW, null)).toBeNull();
  });

  it("refuses a code from another secret, a malformed code, and a step already used", () => {
    const other = totpOf(OTHER, "x").generate({ timestamp: NOW.getTime() });
    expect(acceptCode(SECRET, other, NOW, null)).toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef"])
      expect(acceptCode(SECRET, bad, NOW, null)).toBeNull();
    expect(acceptCode(SECRET, codeAt(NOW), NOW, step(NOW))).toBeNull();
    // An older code after a newer one was used is refused too.
    expect(acceptCode(SECRET, codeAt(shift(-30)), NOW, step(NOW))).toBeNull();
    expect(acceptCode(SECRET, codeAt(shift(30)), NOW, step(NOW))).toBe(step(NOW) + 1);
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import {
  checkOidSyntax,
  expectedServiceUnitOidExample,
  normaliseOid,
  validateServiceUnitOid,
  type OidErrorCode,
  type OidVerdict,
} from "@/lib/oid/validate";
import { oidMessages } from "@/lib/oid/messages";
import { businessIdCheckDigit, organisationOidRoot } from "@/lib/providers/businessId";

/** Every code, checked at compile time to be complete. */
const ALL_CODES = Object.keys({
  empty: true,
  syntax: true,
  emptyArc: true,
  leadingZero: true,
  tooLong: true,
  notFinnishOrganisation: true,
  invalidBusinessId: true,
  otherBusinessId: true,
  organisationUnit: true,
  notServiceUnit: true,
} satisfies Record<OidErrorCode, true>) as OidErrorCode[];

const GENERIC_EXAMPLE = "1.2.246.10.8286189.10.1";

/** The provider under test: 2286189-9, root 1.2.246.10.22861899. */
const BID = "2286189-9";
const ROOT = "1.2.246.10.22861899";
const EXAMPLE = `${ROOT}.10.1`;
/** Another valid provider. */
const OTHER_BID = "0737546-2";
const OTHER_ROOT = "1.2.246.10.7375462";

function codeOf(v: OidVerdict): OidErrorCode | "ok" {
  return v.ok ? "ok" : v.code;
}

function expectFail(v: OidVerdict): Extract<OidVerdict, { ok: false }> {
  if (v.ok) throw new Error(`expected a failure, got ok ${v.oid}`);
  return v;
}

const NBSP = "\u00a0";

describe("normaliseOid", () => {
  it.each([
    ["1.2.246.10.22861899.10.1", "1.2.246.10.22861899.10.1"],
    ["  1.2.3  ", "1.2.3"],
    ["\t1.2.3\n", "1.2.3"],
    ["\r\n1.2.3\r\n", "1.2.3"],
    [`${NBSP}1.2.3${NBSP}`, "1.2.3"],
    ["\u2003\u20281.2.3\u3000", "1.2.3"],
    ["\ufeff1.2.3", "1.2.3"],
    ["urn:oid:1.2.3", "1.2.3"],
    ["URN:OID:1.2.3", "1.2.3"],
    ["Urn:Oid:1.2.3", "1.2.3"],
    [" urn:oid:1.2.3 ", "1.2.3"],
    [`${NBSP}urn:oid: 1.2.3\t`, "1.2.3"],
    ["", ""],
    ["   ", ""],
    ["urn:oid:", ""],
    // Nothing else is fixed silently.
    ["1.2.3.", "1.2.3."],
    [".1.2.3", ".1.2.3"],
    ["1. 2.3", "1. 2.3"],
    ["1,2,3", "1,2,3"],
    ["oid:1.2.3", "oid:1.2.3"],
    ["urn:oid:urn:oid:1.2.3", "urn:oid:1.2.3"],
    ["1.2.3 urn:oid:", "1.2.3 urn:oid:"],
    ["\u200b1.2.3", "\u200b1.2.3"],
  ])("%j -> %j", (input, expected) => {
    expect(normaliseOid(input)).toBe(expected);
  });
});

describe("checkOidSyntax", () => {
  it.each([
    "0.0",
    "0.39",
    "1.0",
    "1.39",
    "2.0",
    "2.999",
    "2.25.12345678901234567890",
    "1.2.246.10.22861899.10.1",
    "1.2.246.537.6.12.2002.1",
    "1.2.840.113549",
    "1.2.0.0.0",
    ` urn:oid:1.2.246.10.22861899.10.0${NBSP}`,
  ])("accepts %j", (input) => {
    const v = checkOidSyntax(input);
    expect(v).toEqual({ ok: true, oid: normaliseOid(input) });
  });

  it.each<[string, OidErrorCode]>([
    ["", "empty"],
    ["   ", "empty"],
    [`${NBSP}\t\n`, "empty"],
    ["urn:oid:", "empty"],
    [" URN:OID: ", "empty"],
    ["1.2.246.10.22861899.10.x", "syntax"],
    ["1.2.246.10.2286189-9.10.1", "syntax"],
    ["1,2,246", "syntax"],
    ["1 .2.246", "syntax"],
    ["1.2. 246", "syntax"],
    ["1.2.246\n.10", "syntax"],
    ["oid:1.2.246", "syntax"],
    ["urn:oid:urn:oid:1.2.246", "syntax"],
    ["urn:1.2.246", "syntax"],
    ["+1.2.246", "syntax"],
    ["-1.2.246", "syntax"],
    ["1.2.246e3", "syntax"],
    ["1.2.246.10.١", "syntax"], // Arabic-Indic digit one
    ["١.٢.٢٤٦", "syntax"],
    ["１.２.２４６", "syntax"], // full-width digits
    ["1.2.246.10.𝟏", "syntax"], // mathematical bold digit (astral)
    ["1.2.246\u200b.10", "syntax"], // zero-width space inside
    ["\u200b1.2.246", "syntax"], // zero-width space is not whitespace
    ["1.2.246.10.22861899.10.1;", "syntax"],
    ["1", "syntax"], // a single arc is not an OID
    ["2", "syntax"],
    ["3.1", "syntax"],
    ["9.2.246", "syntax"],
    ["10.2.246", "syntax"],
    ["0.40", "syntax"],
    ["1.40.5", "syntax"],
    ["1.999", "syntax"],
    [".", "emptyArc"],
    ["..", "emptyArc"],
    ["1..2", "emptyArc"],
    [".1.2.246", "emptyArc"],
    ["1.2.246.", "emptyArc"],
    ["1.2.246.10.22861899.10.1.", "emptyArc"],
    ["1.2.246..10.22861899.10.1", "emptyArc"],
    ["urn:oid:.1.2", "emptyArc"],
    ["01.2.246", "leadingZero"],
    ["1.02.246", "leadingZero"],
    ["1.2.0246", "leadingZero"],
    ["1.2.246.10.022861899.10.1", "leadingZero"],
    ["1.2.246.10.22861899.010.1", "leadingZero"],
    ["1.2.246.10.22861899.10.01", "leadingZero"],
    ["1.2.246.10.22861899.10.00", "leadingZero"],
    ["00.1", "leadingZero"],
    [`1.2.${"3".repeat(21)}`, "tooLong"],
    [`2.${"9".repeat(21)}`, "tooLong"],
    [`1.2.${Array.from({ length: 19 }, () => "1").join(".")}`, "tooLong"], // 21 arcs
    [`1.2.${Array.from({ length: 40 }, () => "12345").join(".")}`, "tooLong"], // 244 chars
    [`1.2.${Array.from({ length: 7 }, () => "12345678901234567").join(".")}`, "tooLong"], // 129 chars
    [`1.${"2.".repeat(5000)}3`, "tooLong"],
  ])("%j -> %s", (input, code) => {
    expect(codeOf(checkOidSyntax(input))).toBe(code);
  });

  it("accepts exactly 20 arcs, 20-digit arcs and 128 characters", () => {
    expect(checkOidSyntax(`1.2.${Array.from({ length: 18 }, () => "1").join(".")}`).ok).toBe(true);
    expect(checkOidSyntax(`2.${"9".repeat(20)}`).ok).toBe(true);
    const long = `1.2.${Array.from({ length: 6 }, () => "1".repeat(20)).join(".")}`;
    expect(long.length).toBe(129);
    expect(codeOf(checkOidSyntax(long))).toBe("tooLong");
    const exactly128 = `1.2.${Array.from({ length: 5 }, () => "1".repeat(20)).join(".")}.${"1".repeat(19)}`;
    expect(exactly128.length).toBe(128);
    expect(checkOidSyntax(exactly128).ok).toBe(true);
  });

  it("gives the generic example with every error and the normalised input as oid", () => {
    const v = expectFail(checkOidSyntax("  urn:oid:1..2 "));
    expect(v).toEqual({
      ok: false,
      code: "emptyArc",
      oid: "1..2",
      params: { example: GENERIC_EXAMPLE },
    });
  });

  it("handles a megabyte of input", () => {
    expect(codeOf(checkOidSyntax("1.".repeat(500_000)))).toBe("emptyArc");
    expect(codeOf(checkOidSyntax(`${"1.".repeat(500_000)}1`))).toBe("tooLong");
    expect(codeOf(checkOidSyntax("x".repeat(1_000_000)))).toBe("syntax");
  });
});

describe("validateServiceUnitOid: accepted", () => {
  it.each<[string, string, string]>([
    [`${ROOT}.10.1`, BID, `${ROOT}.10.1`],
    [`${ROOT}.10.9`, BID, `${ROOT}.10.9`],
    [`${ROOT}.10.100012`, BID, `${ROOT}.10.100012`],
    [`${ROOT}.10.${"9".repeat(20)}`, BID, `${ROOT}.10.${"9".repeat(20)}`],
    [`urn:oid:${ROOT}.10.1`, BID, `${ROOT}.10.1`],
    [`URN:OID:${ROOT}.10.1`, BID, `${ROOT}.10.1`],
    [`  ${ROOT}.10.2  `, BID, `${ROOT}.10.2`],
    [`${NBSP}${ROOT}.10.3${NBSP}`, BID, `${ROOT}.10.3`],
    [`\t${ROOT}.10.4\r\n`, BID, `${ROOT}.10.4`],
    [` urn:oid:${ROOT}.10.5${NBSP}\n`, BID, `${ROOT}.10.5`],
    // The business ID is trimmed too.
    [`${ROOT}.10.1`, ` ${BID}\t`, `${ROOT}.10.1`],
    // Leading zeros of the business ID are dropped in the root.
    ["1.2.246.10.7375462.10.1", "0737546-2", "1.2.246.10.7375462.10.1"],
    ["1.2.246.10.123457.10.77", "0012345-7", "1.2.246.10.123457.10.77"],
    ["1.2.246.10.19.10.1", "0000001-9", "1.2.246.10.19.10.1"],
    ["1.2.246.10.15728600.10.3", "1572860-0", "1.2.246.10.15728600.10.3"],
    ["1.2.246.10.8286189.10.100012", "0828618-9", "1.2.246.10.8286189.10.100012"], // the glossary example
    ["1.2.246.10.82861890.10.1", "8286189-0", "1.2.246.10.82861890.10.1"],
  ])("%j for %j", (input, businessId, oid) => {
    expect(validateServiceUnitOid(input, businessId)).toEqual({ ok: true, oid });
  });
});

describe("validateServiceUnitOid: rejected", () => {
  it.each<[string, OidErrorCode]>([
    // empty
    ["", "empty"],
    [" ", "empty"],
    [`${NBSP}${NBSP}`, "empty"],
    ["\n\t", "empty"],
    ["urn:oid:", "empty"],
    // syntax
    [`${ROOT}.10.1a`, "syntax"],
    [`${ROOT}.10.I`, "syntax"],
    [`${ROOT}.10.O`, "syntax"],
    [`${ROOT}.10 .1`, "syntax"],
    [`${ROOT},10,1`, "syntax"],
    [`1.2.246.10.2286189-9.10.1`, "syntax"],
    [`${ROOT}.10.١`, "syntax"],
    [`${ROOT}.10.１`, "syntax"],
    [`"${ROOT}.10.1"`, "syntax"],
    [`urn:oid:urn:oid:${ROOT}.10.1`, "syntax"],
    [`oid:${ROOT}.10.1`, "syntax"],
    [`${ROOT}.10.1 ${ROOT}.10.2`, "syntax"],
    [`${ROOT}.10.1;${ROOT}.10.2`, "syntax"],
    ["Palveluyksikkö", "syntax"],
    ["3.2.246.10.22861899.10.1", "syntax"],
    ["1.40.246.10.22861899.10.1", "syntax"],
    // emptyArc
    [`${ROOT}.10.1.`, "emptyArc"],
    [`.${ROOT}.10.1`, "emptyArc"],
    [`${ROOT}..10.1`, "emptyArc"],
    [`${ROOT}.10..1`, "emptyArc"],
    ["1..2", "emptyArc"],
    [`${ROOT}.10.`, "emptyArc"],
    // leadingZero
    [`${ROOT}.10.01`, "leadingZero"],
    [`${ROOT}.10.00`, "leadingZero"],
    [`${ROOT}.010.1`, "leadingZero"],
    ["1.2.246.10.022861899.10.1", "leadingZero"],
    ["1.2.246.10.07375462.10.1", "leadingZero"],
    ["1.2.0246.10.22861899.10.1", "leadingZero"],
    // tooLong
    [`${ROOT}.10.${"1".repeat(21)}`, "tooLong"],
    [`${ROOT}.10.1${".1".repeat(14)}`, "tooLong"], // 21 arcs
    [`${ROOT}.10.${"1".repeat(200)}`, "tooLong"],
    [`${ROOT}.10.1.${"12345678.".repeat(12)}1`, "tooLong"],
    // notFinnishOrganisation
    ["1.2.246.537.6.12.2002.1", "notFinnishOrganisation"],
    ["1.2.246.537.10.22861899.10.1", "notFinnishOrganisation"],
    ["1.2.246.11.22861899.10.1", "notFinnishOrganisation"],
    ["1.2.246.10", "notFinnishOrganisation"],
    ["1.2.246", "notFinnishOrganisation"],
    ["1.2.247.10.22861899.10.1", "notFinnishOrganisation"],
    ["1.2.752.10.22861899.10.1", "notFinnishOrganisation"],
    ["2.16.840.1.113883.3.1", "notFinnishOrganisation"],
    ["0.2.246.10.22861899.10.1", "notFinnishOrganisation"],
    ["1.3.246.10.22861899.10.1", "notFinnishOrganisation"],
    ["2.2.246.10.22861899.10.1", "notFinnishOrganisation"],
    ["1.2.22861899.10.1", "notFinnishOrganisation"],
    // otherBusinessId
    [`${OTHER_ROOT}.10.1`, "otherBusinessId"],
    [`${OTHER_ROOT}.10.0`, "otherBusinessId"],
    [OTHER_ROOT, "otherBusinessId"],
    [`${OTHER_ROOT}.11.5`, "otherBusinessId"],
    ["1.2.246.10.2286189.10.1", "otherBusinessId"], // check digit dropped
    ["1.2.246.10.22861898.10.1", "otherBusinessId"], // wrong check digit
    ["1.2.246.10.228618990.10.1", "otherBusinessId"],
    ["1.2.246.10.0.10.1", "otherBusinessId"],
    ["1.2.246.10.8286189.10.100012", "otherBusinessId"],
    // organisationUnit
    [`${ROOT}.10.0`, "organisationUnit"],
    [`urn:oid:${ROOT}.10.0`, "organisationUnit"],
    [` ${ROOT}.10.0${NBSP}`, "organisationUnit"],
    // notServiceUnit
    [ROOT, "notServiceUnit"],
    [`${ROOT}.10`, "notServiceUnit"],
    [`${ROOT}.11.5`, "notServiceUnit"],
    [`${ROOT}.0.1`, "notServiceUnit"],
    [`${ROOT}.1.10`, "notServiceUnit"],
    [`${ROOT}.10.5.1`, "notServiceUnit"],
    [`${ROOT}.10.0.1`, "notServiceUnit"],
    [`${ROOT}.10.1.10.1`, "notServiceUnit"],
    [`${ROOT}.100.1`, "notServiceUnit"],
  ])("%j -> %s", (input, code) => {
    expect(codeOf(validateServiceUnitOid(input, BID))).toBe(code);
  });

  it.each(["1.2.246.10.07375462.10.1", "1.2.246.10.737546.10.1", "1.2.246.10.73754620.10.1"])(
    "a leading-zero business ID has no other spelling of its root: %s",
    (input) => {
      expect(validateServiceUnitOid(input, "0737546-2").ok).toBe(false);
    },
  );
});

describe("validateServiceUnitOid: params", () => {
  it("carries the provider's example for syntax-type errors", () => {
    for (const input of ["", "x", "1..2", "01.2", `1.2.${"1".repeat(30)}`, "5.5"]) {
      const v = expectFail(validateServiceUnitOid(input, BID));
      expect(v.params, input).toEqual({ example: EXAMPLE });
    }
  });

  it("organisationUnit carries the right shape", () => {
    expect(validateServiceUnitOid(` urn:oid:${ROOT}.10.0 `, BID)).toEqual({
      ok: false,
      code: "organisationUnit",
      oid: `${ROOT}.10.0`,
      params: { example: EXAMPLE },
    });
  });

  it("notFinnishOrganisation and notServiceUnit carry the example", () => {
    expect(validateServiceUnitOid("1.2.246.537.6.1", BID)).toEqual({
      ok: false,
      code: "notFinnishOrganisation",
      oid: "1.2.246.537.6.1",
      params: { example: EXAMPLE },
    });
    expect(validateServiceUnitOid(`${ROOT}.10.5.1`, BID)).toEqual({
      ok: false,
      code: "notServiceUnit",
      oid: `${ROOT}.10.5.1`,
      params: { example: EXAMPLE },
    });
  });

  it.each<[string, string, string]>([
    // found shown as a business ID when the arc is one, with its leading zeros back
    [`${OTHER_ROOT}.10.1`, BID, OTHER_BID],
    ["1.2.246.10.19.10.1", BID, "0000001-9"],
    ["1.2.246.10.123457.10.1", BID, "0012345-7"],
    ["1.2.246.10.8286189.10.100012", BID, "0828618-9"],
    [`${ROOT}.10.1`, OTHER_BID, BID],
    // otherwise the raw arc
    ["1.2.246.10.2286189.10.1", BID, "2286189"],
    ["1.2.246.10.22861898.10.1", BID, "22861898"],
    ["1.2.246.10.228618990.10.1", BID, "228618990"],
    ["1.2.246.10.12345678901234567890.10.1", BID, "12345678901234567890"],
    ["1.2.246.10.0.10.1", BID, "0"],
  ])("otherBusinessId for %j (own %s) reports found %s", (input, own, found) => {
    expect(validateServiceUnitOid(input, own)).toEqual({
      ok: false,
      code: "otherBusinessId",
      oid: input,
      params: { found, expected: own, example: expectedServiceUnitOidExample(own) },
    });
  });

  it("otherBusinessId reports the trimmed own business ID", () => {
    const v = expectFail(validateServiceUnitOid(`${OTHER_ROOT}.10.1`, `  ${BID} `));
    expect(v.params.expected).toBe(BID);
  });
});

describe("validateServiceUnitOid: the provider's business ID", () => {
  it.each([
    "",
    " ",
    "2286189-8", // wrong check digit
    "22861899", // no hyphen
    "2286189 9",
    "286189-9",
    "02286189-9",
    "abcdefg-1",
    "1234567-0", // remainder 1: no check digit exists
    "0000000-0", // passes the check digit but has no organisation arc
    "2286189-9x",
    "١٢٣٤٥٦٧-٨",
    "null",
  ])("%j is invalidBusinessId for a well-formed Finnish OID", (businessId) => {
    const v = expectFail(validateServiceUnitOid(`${ROOT}.10.1`, businessId));
    expect(v.code).toBe("invalidBusinessId");
    expect(v.params).toEqual({ example: GENERIC_EXAMPLE, expected: businessId.trim() });
  });

  it("reports syntax and notFinnishOrganisation before an invalid business ID", () => {
    expect(codeOf(validateServiceUnitOid("1..2", "bad"))).toBe("emptyArc");
    expect(codeOf(validateServiceUnitOid("", "bad"))).toBe("empty");
    expect(codeOf(validateServiceUnitOid("1.2.246.537.1", "bad"))).toBe("notFinnishOrganisation");
    expect(expectFail(validateServiceUnitOid("x", "bad")).params).toEqual({
      example: GENERIC_EXAMPLE,
    });
  });

  it.each<[string, string]>([
    ["2286189-9", "1.2.246.10.22861899.10.1"],
    [" 2286189-9 ", "1.2.246.10.22861899.10.1"],
    ["0737546-2", "1.2.246.10.7375462.10.1"],
    ["0012345-7", "1.2.246.10.123457.10.1"],
    ["0828618-9", GENERIC_EXAMPLE],
    ["8286189-0", "1.2.246.10.82861890.10.1"],
    ["0000001-9", "1.2.246.10.19.10.1"],
    ["", GENERIC_EXAMPLE],
    ["2286189-8", GENERIC_EXAMPLE],
    ["0000000-0", GENERIC_EXAMPLE],
    ["garbage", GENERIC_EXAMPLE],
  ])("expectedServiceUnitOidExample(%j) = %s", (businessId, example) => {
    expect(expectedServiceUnitOidExample(businessId)).toBe(example);
    if (example !== GENERIC_EXAMPLE) {
      expect(validateServiceUnitOid(example, businessId).ok).toBe(true);
    }
  });

  it("agrees with organisationOidRoot for 0737546-2", () => {
    expect(organisationOidRoot("0737546-2")).toBe("1.2.246.10.7375462");
    expect(validateServiceUnitOid("1.2.246.10.7375462.10.0", "0737546-2")).toMatchObject({
      code: "organisationUnit",
      params: { example: "1.2.246.10.7375462.10.1" },
    });
  });

  it("never throws for non-string arguments from untyped callers", () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(() => validateServiceUnitOid(bad as never, BID)).not.toThrow();
      expect(() => validateServiceUnitOid(`${ROOT}.10.1`, bad as never)).not.toThrow();
      expect(() => checkOidSyntax(bad as never)).not.toThrow();
      expect(() => normaliseOid(bad as never)).not.toThrow();
      expect(() => expectedServiceUnitOidExample(bad as never)).not.toThrow();
    }
    expect(codeOf(validateServiceUnitOid(undefined as never, BID))).toBe("empty");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** A valid business ID (not the all-zero one) and its organisation arc. */
const validBusinessId = fc
  .integer({ min: 1, max: 9_999_999 })
  .map((n) => String(n).padStart(7, "0"))
  .map((seven) => ({ seven, check: businessIdCheckDigit(seven) }))
  .filter((x): x is { seven: string; check: number } => x.check !== null)
  .map(({ seven, check }) => `${seven}-${check}`);

const unitNumber = fc.bigInt({ min: 1n, max: 10n ** 20n - 1n }).map(String);

const whitespace = fc
  .array(fc.constantFrom(" ", "\t", "\n", "\r", NBSP, "\u2003", "\u3000", "\ufeff"), {
    maxLength: 4,
  })
  .map((a) => a.join(""));

/** OID-like strings that reach the deeper checks, not only the syntax ones. */
const oidLike = fc
  .tuple(
    fc.constantFrom("", "urn:oid:", "URN:OID:", " ", "1.2.246.10.", "1.2.246.10.22861899.10."),
    fc.array(
      fc.oneof(
        fc.nat().map(String),
        fc.constantFrom("0", "00", "01", "10", "", "246", "22861899", "7375462", "١", "x"),
      ),
      { maxLength: 25 },
    ),
  )
  .map(([prefix, arcs]) => prefix + arcs.join("."));

const anyInput = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string(), oidLike);
const anyBusinessId = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  validBusinessId,
  fc.constantFrom(BID, OTHER_BID, "0000000-0", ""),
);

describe("properties", () => {
  it("(a) never throws and always returns ok or a known code with string params", () => {
    fc.assert(
      fc.property(anyInput, anyBusinessId, (input, businessId) => {
        const v = validateServiceUnitOid(input, businessId);
        expect(v.oid).toBe(normaliseOid(input));
        if (v.ok) {
          expect(v.oid).toMatch(/^1\.2\.246\.10\.[1-9][0-9]*\.10\.[1-9][0-9]*$/);
          expect(checkOidSyntax(v.oid).ok).toBe(true);
        } else {
          expect(ALL_CODES).toContain(v.code);
          expect(typeof v.params.example).toBe("string");
          for (const value of Object.values(v.params)) expect(typeof value).toBe("string");
        }
        const s = checkOidSyntax(input);
        expect(s.ok || ALL_CODES.includes(s.code)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("(a') normalising is idempotent and a verdict does not change after normalising", () => {
    fc.assert(
      fc.property(anyInput, anyBusinessId, (input, businessId) => {
        const n = normaliseOid(input);
        // Only one urn:oid: prefix is stripped ("urn:oid:urn:oid:1.2" stays a syntax error).
        if (!/^urn:oid:/i.test(n)) {
          expect(normaliseOid(n)).toBe(n);
          expect(validateServiceUnitOid(n, businessId)).toEqual(
            validateServiceUnitOid(input, businessId),
          );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("(b) <root>.10.<n>, n >= 1, is accepted, also with urn:oid: and whitespace", () => {
    fc.assert(
      fc.property(
        validBusinessId,
        unitNumber,
        whitespace,
        whitespace,
        (businessId, n, before, after) => {
          const oid = `${organisationOidRoot(businessId)}.10.${n}`;
          expect(validateServiceUnitOid(oid, businessId)).toEqual({ ok: true, oid });
          const wrapped = ` urn:oid:${oid} `;
          expect(normaliseOid(wrapped)).toBe(oid);
          expect(validateServiceUnitOid(wrapped, businessId)).toEqual({ ok: true, oid });
          expect(validateServiceUnitOid(`${before}urn:oid:${oid}${after}`, businessId)).toEqual({
            ok: true,
            oid,
          });
        },
      ),
    );
  });

  it("(c) <root>.10.0 is always organisationUnit", () => {
    fc.assert(
      fc.property(validBusinessId, whitespace, (businessId, ws) => {
        const oid = `${organisationOidRoot(businessId)}.10.0`;
        expect(validateServiceUnitOid(`${ws}${oid}${ws}`, businessId)).toEqual({
          ok: false,
          code: "organisationUnit",
          oid,
          params: { example: `${organisationOidRoot(businessId)}.10.1` },
        });
      }),
    );
  });

  it("(d) a valid OID under another valid business ID is always otherBusinessId", () => {
    fc.assert(
      fc.property(
        validBusinessId,
        validBusinessId,
        fc.array(fc.nat().map(String), { maxLength: 8 }),
        (own, other, tail) => {
          fc.pre(own !== other);
          const oid = [organisationOidRoot(other), ...tail].join(".");
          expect(validateServiceUnitOid(oid, own)).toEqual({
            ok: false,
            code: "otherBusinessId",
            oid,
            params: { found: other, expected: own, example: expectedServiceUnitOidExample(own) },
          });
        },
      ),
    );
  });

  it("(e) anything under the own root other than .10.<n> is notServiceUnit or organisationUnit", () => {
    fc.assert(
      fc.property(
        validBusinessId,
        fc.array(fc.nat({ max: 20 }).map(String), { maxLength: 6 }),
        (businessId, tail) => {
          const oid = [organisationOidRoot(businessId), ...tail].join(".");
          const v = validateServiceUnitOid(oid, businessId);
          if (tail.length === 2 && tail[0] === "10") {
            expect(codeOf(v)).toBe(tail[1] === "0" ? "organisationUnit" : "ok");
          } else {
            expect(codeOf(v)).toBe("notServiceUnit");
          }
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Messages

describe("oidMessages", () => {
  const locales = ["fi", "sv", "en"] as const;
  const callerKeys = ["duplicate", "label"] as const;
  const allParams = {
    field: "Palveluyksikön OID",
    example: EXAMPLE,
    found: OTHER_BID,
    expected: BID,
    unit: "Kotihoito Koivu",
  };

  it.each(["sv", "en"] as const)("%s has exactly the Finnish keys", (l) => {
    expect(Object.keys(oidMessages[l]).sort()).toEqual(Object.keys(oidMessages.fi).sort());
  });

  it.each(locales)("%s has a message for every code, duplicate and label", (l) => {
    expect(Object.keys(oidMessages[l]).sort()).toEqual([...ALL_CODES, ...callerKeys].sort());
  });

  it.each(locales)("every %s message formats with next-intl", (l) => {
    const t = createTranslator({
      locale: l,
      messages: { oid: oidMessages[l] },
      namespace: "oid",
      onError: (e) => {
        throw e;
      },
    });
    for (const code of [...ALL_CODES, ...callerKeys]) {
      const s = t(code, allParams);
      expect(s, `${l}:${code}`).not.toMatch(/[{}]/);
      expect(s.length, `${l}:${code}`).toBeGreaterThan(0);
      if (code !== "label") expect(s.startsWith(`${allParams.field}: `), `${l}:${code}`).toBe(true);
      if (ALL_CODES.includes(code as OidErrorCode)) {
        expect(s, `${l}:${code} shows the right shape`).toContain(EXAMPLE);
      }
    }
    expect(t("otherBusinessId", allParams)).toContain(OTHER_BID);
    expect(t("otherBusinessId", allParams)).toContain(BID);
    expect(t("invalidBusinessId", allParams)).toContain(BID);
    expect(t("duplicate", allParams)).toContain("Kotihoito Koivu");
  });

  it.each(locales)("%s: each verdict's own params are enough to format its message", (l) => {
    const t = createTranslator({
      locale: l,
      messages: { oid: oidMessages[l] },
      namespace: "oid",
      onError: (e) => {
        throw e;
      },
    });
    const samples: [string, string][] = [
      ["", BID],
      ["x", BID],
      ["1..2", BID],
      ["01.2", BID],
      [`1.2.${"1".repeat(30)}`, BID],
      ["1.2.246.537.1", BID],
      [`${ROOT}.10.1`, "bad"],
      [`${OTHER_ROOT}.10.1`, BID],
      ["1.2.246.10.123.10.1", BID],
      [`${ROOT}.10.0`, BID],
      [`${ROOT}.11.1`, BID],
    ];
    const seen = new Set<OidErrorCode>();
    for (const [input, businessId] of samples) {
      const v = expectFail(validateServiceUnitOid(input, businessId));
      seen.add(v.code);
      const s = t(v.code, { field: allParams.field, ...v.params });
      expect(s, `${l}:${v.code}`).not.toMatch(/[{}]/);
      expect(s, `${l}:${v.code}`).toContain(v.params.example);
    }
    expect([...seen].sort()).toEqual([...ALL_CODES].sort());
  });

  it("uses the Finnish wording from the brief for the organisation unit", () => {
    const t = createTranslator({
      locale: "fi",
      messages: { oid: oidMessages.fi },
      namespace: "oid",
    });
    expect(t("organisationUnit", { field: "Palveluyksikön OID", example: EXAMPLE })).toBe(
      `Palveluyksikön OID: tämä on toimintayksikön OID (päättyy .10.0), jota ei ilmoiteta. Ilmoita palveluyksikön OID SOTE-organisaatiorekisteristä, muotoa ${EXAMPLE}.`,
    );
    expect(oidMessages.fi.label).toBe("Palveluyksikön OID");
    expect(oidMessages.sv.label).toBe("Serviceenhetens OID");
    expect(oidMessages.en.label).toBe("Service unit OID");
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import {
  hetuCheckCharacter,
  maskHetu,
  validateHetu,
  type HetuErrorCode,
  type HetuVerdict,
} from "@/lib/clients/hetu";
import { hetuMessages } from "@/lib/clients/messages";

const ALPHABET = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const SIGNS: Record<1800 | 1900 | 2000, string[]> = {
  1800: ["+"],
  1900: ["-", "Y", "X", "W", "V", "U"],
  2000: ["A", "B", "C", "D", "E", "F"],
};
const CODES: HetuErrorCode[] = [
  "empty",
  "format",
  "date",
  "centurySign",
  "checkCharacter",
  "notTemporary",
];

/** A code with the correct check character for the given parts. */
function make(ddmmyy: string, sign: string, zzz: string): string {
  return `${ddmmyy}${sign}${zzz}${hetuCheckCharacter(ddmmyy + zzz)}`;
}

/** Replaces the check character with another valid-looking one. */
function withWrongCheck(hetu: string): string {
  const right = hetu.slice(-1);
  const wrong = ALPHABET[(ALPHABET.indexOf(right) + 1) % ALPHABET.length]!;
  return hetu.slice(0, -1) + wrong;
}

function failure(code: HetuErrorCode): HetuVerdict {
  return { ok: false, code };
}

describe("hetuCheckCharacter", () => {
  it.each([
    ["131052308", "T"],
    ["010594902", "1"],
    ["020594903", "P"],
    ["000000000", "0"],
    ["000000030", "Y"],
    ["000000031", "0"],
  ])("%s → %s", (nine, expected) => {
    expect(hetuCheckCharacter(nine)).toBe(expected);
  });
  it("uses the 31-character alphabet in order", () => {
    for (let r = 0; r < 31; r++) {
      expect(hetuCheckCharacter(String(r).padStart(9, "0"))).toBe(ALPHABET[r]);
    }
  });
  it.each(["", "12345678", "1234567890", "12345678A", " 12345678"])(
    "returns an empty string for %j",
    (bad) => {
      expect(hetuCheckCharacter(bad)).toBe("");
    },
  );
});

describe("validateHetu", () => {
  it.each([
    ["131052-308T", "1952-10-13", false],
    ["010594Y9021", "1994-05-01", true],
    ["020594X903P", "1994-05-02", true],
    ["030594W903B", "1994-05-03", true],
    ["040594V9030", "1994-05-04", true],
    ["050594U903M", "1994-05-05", true],
    ["010516B903X", "2016-05-01", true],
    ["020516C903K", "2016-05-02", true],
    ["030516D9037", "2016-05-03", true],
  ])("accepts the fixed vector %s", (hetu, birthDate, temporary) => {
    expect(validateHetu(hetu)).toEqual({ ok: true, hetu, birthDate, temporary });
  });

  describe.each([1800, 1900, 2000] as const)("century %i", (century) => {
    it.each(SIGNS[century])("accepts sign %s", (sign) => {
      const hetu = make("150645", sign, "123");
      expect(validateHetu(hetu)).toEqual({
        ok: true,
        hetu,
        birthDate: `${century + 45}-06-15`,
        temporary: false,
      });
    });
  });

  it("normalises by trimming and upper-casing only", () => {
    const hetu = make("010190", "A", "934");
    const lower = ` \t${hetu.toLowerCase()}\n `;
    expect(validateHetu(lower)).toMatchObject({ ok: true, hetu });
    expect(validateHetu(hetu.replace("A", "a"))).toMatchObject({ ok: true, hetu });
    expect(validateHetu(hetu.slice(0, 3) + " " + hetu.slice(3))).toEqual(failure("format"));
    expect(validateHetu(hetu.replace("A", "A "))).toEqual(failure("format"));
  });

  it.each(["", "   ", "\t\n"])("empty: %j", (input) => {
    expect(validateHetu(input)).toEqual(failure("empty"));
  });

  it.each([
    "010190-123",
    "010190-123AB",
    "10190-123A",
    "0101901234",
    "01019O-123A",
    "010190-12XA",
    "O10190-123A",
    "010190--123A",
    "０１０１９０-１２３A",
    make("010190", "-", "000"),
    make("010190", "-", "001"),
    make("010190", "A", "000"),
    make("010190", "+", "001"),
  ])("format: %s", (input) => {
    expect(validateHetu(input)).toEqual(failure("format"));
  });

  it("accepts individual numbers 002 and 999 but not 000 and 001", () => {
    expect(validateHetu(make("010190", "-", "002"))).toMatchObject({ ok: true, temporary: false });
    expect(validateHetu(make("010190", "-", "899"))).toMatchObject({ ok: true, temporary: false });
    expect(validateHetu(make("010190", "-", "900"))).toMatchObject({ ok: true, temporary: true });
    expect(validateHetu(make("010190", "-", "999"))).toMatchObject({ ok: true, temporary: true });
  });

  it.each(["G", "Z", "*", "/", " ", "1", "g", "Ä", "_", "–"])("centurySign: %j", (sign) => {
    const body = "010190123";
    const input = `${body.slice(0, 6)}${sign}${body.slice(6)}${hetuCheckCharacter(body)}`;
    expect(validateHetu(input)).toEqual(failure("centurySign"));
  });

  it.each([
    ["000190", "-"],
    ["320190", "-"],
    ["310490", "-"],
    ["010090", "-"],
    ["011390", "-"],
    ["300290", "A"],
    ["290201", "A"],
    ["290200", "-"],
    ["290200", "+"],
    ["999999", "-"],
  ])("date: %s%s", (ddmmyy, sign) => {
    expect(validateHetu(make(ddmmyy, sign, "902"))).toEqual(failure("date"));
  });

  describe("leap years", () => {
    it.each([
      ["290200", "A", "2000-02-29"],
      ["290204", "B", "2004-02-29"],
      ["290296", "-", "1996-02-29"],
      ["290296", "Y", "1996-02-29"],
      ["290204", "+", "1804-02-29"],
      ["280200", "-", "1900-02-28"],
      ["280200", "+", "1800-02-28"],
      ["311299", "F", "2099-12-31"],
    ])("accepts %s%s as %s", (ddmmyy, sign, birthDate) => {
      expect(validateHetu(make(ddmmyy, sign, "950"))).toMatchObject({ ok: true, birthDate });
    });
    it.each([
      ["290200", "-"], // 1900 is not a leap year
      ["290200", "U"],
      ["290200", "+"], // 1800 is not a leap year
      ["290201", "C"],
      ["290299", "-"],
      ["300200", "A"],
    ])("rejects %s%s", (ddmmyy, sign) => {
      expect(validateHetu(make(ddmmyy, sign, "950"))).toEqual(failure("date"));
    });
  });

  it.each([
    withWrongCheck("131052-308T"),
    withWrongCheck("010594Y9021"),
    "131052-308G",
    "131052-308I",
    "131052-308O",
    "131052-308Q",
    "131052-308Z",
    "131052-308-",
    "131052-308*",
  ])("checkCharacter: %s", (input) => {
    expect(validateHetu(input)).toEqual(failure("checkCharacter"));
  });

  describe("requireTemporary", () => {
    it.each(["900", "950", "999"])("accepts individual number %s", (zzz) => {
      const hetu = make("241224", "B", zzz);
      expect(validateHetu(hetu, { requireTemporary: true })).toEqual({
        ok: true,
        hetu,
        birthDate: "2024-12-24",
        temporary: true,
      });
    });
    it.each(["002", "123", "899"])("rejects individual number %s as notTemporary", (zzz) => {
      const hetu = make("241224", "B", zzz);
      expect(validateHetu(hetu, { requireTemporary: true })).toEqual(failure("notTemporary"));
      expect(validateHetu(hetu, { requireTemporary: false })).toMatchObject({
        ok: true,
        temporary: false,
      });
      expect(validateHetu(hetu)).toMatchObject({ ok: true, temporary: false });
    });
    it("reports other errors before notTemporary", () => {
      const opts = { requireTemporary: true };
      expect(validateHetu("", opts)).toEqual(failure("empty"));
      expect(validateHetu(make("241224", "B", "001"), opts)).toEqual(failure("format"));
      expect(validateHetu(make("241224", "G", "123"), opts)).toEqual(failure("centurySign"));
      expect(validateHetu(make("301224", "-", "123").replace("30", "32"), opts)).toEqual(
        failure("date"),
      );
      expect(validateHetu(withWrongCheck(make("241224", "B", "123")), opts)).toEqual(
        failure("checkCharacter"),
      );
    });
  });

  it("never throws on non-string input", () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(validateHetu(bad as unknown as string)).toEqual(failure("empty"));
      expect(maskHetu(bad as unknown as string)).toBe("***********");
      expect(hetuCheckCharacter(bad as unknown as string)).toBe("");
    }
  });
});

describe("maskHetu", () => {
  it.each([
    ["131052-308T", "131052-****"],
    ["010594Y9021", "010594Y****"],
    ["010516b903x", "010516B****"],
    ["  290204+950X ", "290204+****"],
    ["311299F1234", "311299F****"],
  ])("%j → %s", (input, masked) => {
    expect(maskHetu(input)).toBe(masked);
  });
  it.each(["", "abc", "131052-308", "131052*308T", "131052-308TT", "1310523308T"])(
    "masks %j entirely",
    (input) => {
      expect(maskHetu(input)).toBe("***********");
    },
  );
});

// ---------------------------------------------------------------------------
// Properties

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^\s*[0-9]{6}[\s\S][0-9]{3}[\s\S]\s*$/),
);

/** A valid date of birth, a sign for its century and an individual number 002–999. */
const validParts = fc
  .record({
    date: fc.date({
      min: new Date(Date.UTC(1800, 0, 1)),
      max: new Date(Date.UTC(2099, 11, 31, 23, 59, 59)),
      noInvalidDate: true,
    }),
    signIndex: fc.nat({ max: 5 }),
    individual: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ date, signIndex, individual }) => {
    const iso = date.toISOString().slice(0, 10);
    const [y, m, d] = iso.split("-") as [string, string, string];
    const century = (Math.floor(Number(y) / 100) * 100) as 1800 | 1900 | 2000;
    const signs = SIGNS[century];
    const sign = signs[signIndex % signs.length]!;
    const zzz = String(individual).padStart(3, "0");
    return { hetu: make(`${d}${m}${y.slice(2)}`, sign, zzz), iso, individual };
  });

describe("properties", () => {
  it("never throws and always returns a well-formed verdict", () => {
    fc.assert(
      fc.property(anyString, fc.option(fc.boolean()), (s, req) => {
        const v = validateHetu(s, req === null ? undefined : { requireTemporary: req });
        if (v.ok) {
          expect(v.hetu).toMatch(/^\d{6}[+\-YXWVUABCDEF]\d{3}[0-9A-Y]$/);
          expect(v.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else {
          expect(CODES).toContain(v.code);
        }
        expect(typeof maskHetu(s)).toBe("string");
        expect(typeof hetuCheckCharacter(s)).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });

  it("validates every constructed code and returns its birth date", () => {
    fc.assert(
      fc.property(validParts, ({ hetu, iso, individual }) => {
        expect(validateHetu(hetu)).toEqual({
          ok: true,
          hetu,
          birthDate: iso,
          temporary: individual >= 900,
        });
        const strict = validateHetu(hetu, { requireTemporary: true });
        expect(strict.ok).toBe(individual >= 900);
        if (!strict.ok) expect(strict.code).toBe("notTemporary");
        expect(maskHetu(hetu)).toBe(`${hetu.slice(0, 7)}****`);
      }),
      { numRuns: 1000 },
    );
  });

  it("accepts a date exactly when the calendar has it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...SIGNS[1800], ...SIGNS[1900], ...SIGNS[2000]),
        (d, m, yy, sign) => {
          const century = sign === "+" ? 1800 : SIGNS[1900].includes(sign) ? 1900 : 2000;
          const date = new Date(Date.UTC(2000, 0, 1));
          date.setUTCFullYear(century + yy, m - 1, d);
          const exists =
            m >= 1 &&
            m <= 12 &&
            d >= 1 &&
            date.getUTCFullYear() === century + yy &&
            date.getUTCMonth() === m - 1 &&
            date.getUTCDate() === d;
          const two = (n: number) => String(n).padStart(2, "0");
          const v = validateHetu(make(`${two(d)}${two(m)}${two(yy)}`, sign, "900"));
          expect(v.ok).toBe(exists);
          if (!v.ok) expect(v.code).toBe("date");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rejects every other check character", () => {
    fc.assert(
      fc.property(validParts, fc.constantFrom(...ALPHABET), ({ hetu }, c) => {
        fc.pre(c !== hetu.slice(-1));
        expect(validateHetu(hetu.slice(0, -1) + c)).toEqual(failure("checkCharacter"));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(validParts, fc.string({ minLength: 1, maxLength: 1 }), ({ hetu }, c) => {
        fc.pre(c.toUpperCase() !== hetu.slice(-1));
        expect(validateHetu(hetu.slice(0, -1) + c).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("messages", () => {
  const locales = ["fi", "sv", "en"] as const;
  it.each(["sv", "en"] as const)("%s has exactly the Finnish keys", (l) => {
    expect(Object.keys(hetuMessages[l]).sort()).toEqual(Object.keys(hetuMessages.fi).sort());
  });
  it("has a message for every code and a label", () => {
    expect(Object.keys(hetuMessages.fi).sort()).toEqual([...CODES, "label"].sort());
  });
  it.each(locales)("every %s message formats with {field}", (l) => {
    const t = createTranslator({
      locale: l,
      messages: { hetu: hetuMessages[l] },
      namespace: "hetu",
      onError: (e) => {
        throw e;
      },
    });
    for (const code of CODES) {
      expect(hetuMessages[l][code]).toContain("{field}");
      expect(hetuMessages[l][code]).not.toMatch(/[<>]/);
      const text = t(code, { field: "FIELD" });
      expect(text.startsWith("FIELD: ")).toBe(true);
      expect(text).not.toMatch(/[{}]/);
    }
    expect(t("label")).toBe(
      { fi: "Henkilötunnus", sv: "Personbeteckning", en: "Personal identity code" }[l],
    );
  });
});

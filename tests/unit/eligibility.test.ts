import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import {
  decideAccess,
  decisionNotes,
  defaultPolicySettings,
  ineligibleReasons,
  isRealDate,
  providerEligibility,
  serviceNeedsCis,
  validatePolicySettings,
  type Decision,
  type DecisionNote,
  type ImplementationFacts,
  type IneligibleReason,
  type PolicySettings,
  type PolicySettingsErrorKey,
  type ProviderFacts,
} from "@/lib/eligibility/policy";
import { eligibilityMessages, policySettingsMessages } from "@/lib/eligibility/messages";
import { socialServiceCodes, socialServices } from "@/lib/catalogue/services";

/** Every reason and note, checked at compile time to be complete. */
const ALL_REASONS = Object.keys({
  no_oid: true,
  system_not_tested: true,
  service_voucher: true,
  only_services_without_cis: true,
  home_care_only: true,
} satisfies Record<IneligibleReason, true>) as IneligibleReason[];
const ALL_NOTES = Object.keys({
  home_care_with_other_service: true,
  no_cis_service_with_other_service: true,
} satisfies Record<DecisionNote, true>) as DecisionNote[];
const ALL_SETTINGS_KEYS = Object.keys({
  notObject: true,
  required: true,
  notInteger: true,
  outOfRange: true,
  dateFormat: true,
  dateNotReal: true,
  caseNumberDeadlineBeforeGoLive: true,
  useByNotAfterCaseNumberDeadline: true,
  unknownService: true,
  notBoolean: true,
} satisfies Record<PolicySettingsErrorKey, true>) as PolicySettingsErrorKey[];

const ready = (purchasedServices: string[]): ProviderFacts => ({
  unitHasOid: true,
  systemTested: true,
  purchasedServices,
});
const purchased = (service: string): ImplementationFacts => ({ service, voucher: false });

const OK: Decision = { eligible: true, reasons: [] };
const no = (...reasons: IneligibleReason[]): Decision => ({ eligible: false, reasons });
const okWith = (note: DecisionNote): Decision => ({ eligible: true, reasons: [], note });

describe("defaults", () => {
  it("match DOMAIN rules 2 and 3 and the catalogue", () => {
    expect(defaultPolicySettings).toMatchObject({
      daysBeforeStart: 7,
      daysAfterEnd: 14,
      goLiveDate: "2026-06-15",
      caseNumberDeadline: "2026-08-31",
      useByDate: "2026-09-01",
    });
    expect(Object.keys(defaultPolicySettings.needsCis)).toEqual(socialServiceCodes);
    for (const s of socialServices) expect(defaultPolicySettings.needsCis[s.code]).toBe(s.needsCis);
    expect(validatePolicySettings(defaultPolicySettings)).toEqual({
      ok: true,
      settings: defaultPolicySettings,
    });
  });

  it("order of reasons is stable", () => {
    expect(ineligibleReasons).toEqual(ALL_REASONS);
    expect(decisionNotes).toEqual(ALL_NOTES);
  });

  it("serviceNeedsCis reads settings, then the catalogue, and never inherited properties", () => {
    expect(serviceNeedsCis("communal_housing")).toBe(true);
    expect(serviceNeedsCis("meal_service")).toBe(false);
    expect(serviceNeedsCis("no_such_service")).toBe(false);
    for (const k of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(serviceNeedsCis(k)).toBe(false);
    }
    const s = { ...defaultPolicySettings, needsCis: { meal_service: true } };
    expect(serviceNeedsCis("meal_service", s)).toBe(true);
    expect(serviceNeedsCis("communal_housing", s)).toBe(true); // catalogue default
  });
});

describe("decideAccess: DOMAIN rule 3", () => {
  type Row = [string, ProviderFacts, ImplementationFacts, Decision];
  const rows: Row[] = [
    // OID + tested CIS + a service that needs a CIS: access.
    ["communal housing", ready(["communal_housing"]), purchased("communal_housing"), OK],
    [
      "24-hour housing",
      ready(["round_the_clock_housing"]),
      purchased("round_the_clock_housing"),
      OK,
    ],
    ["implementation counts even if not listed", ready([]), purchased("family_care"), OK],
    // No OID.
    [
      "no OID",
      { ...ready(["communal_housing"]), unitHasOid: false },
      purchased("communal_housing"),
      no("no_oid"),
    ],
    // No tested CIS.
    [
      "untested system",
      { ...ready(["communal_housing"]), systemTested: false },
      purchased("communal_housing"),
      no("system_not_tested"),
    ],
    [
      "missing OID with untested system: both reasons",
      { unitHasOid: false, systemTested: false, purchasedServices: ["communal_housing"] },
      purchased("communal_housing"),
      no("no_oid", "system_not_tested"),
    ],
    // Service voucher.
    [
      "voucher",
      ready(["communal_housing"]),
      { service: "communal_housing", voucher: true },
      no("service_voucher"),
    ],
    [
      "voucher, everything missing",
      { unitHasOid: false, systemTested: false, purchasedServices: [] },
      { service: "meal_service", voucher: true },
      no("no_oid", "system_not_tested", "service_voucher", "only_services_without_cis"),
    ],
    [
      "voucher home care without an anchor",
      ready([]),
      { service: "home_care", voucher: true },
      no("service_voucher", "home_care_only"),
    ],
    // Services that need no CIS.
    [
      "meal service alone",
      ready(["meal_service"]),
      purchased("meal_service"),
      no("only_services_without_cis"),
    ],
    [
      "mobility support + housing alterations",
      ready(["mobility_support", "housing_alterations"]),
      purchased("mobility_support"),
      no("only_services_without_cis"),
    ],
    [
      "meal service + 24-hour housing: meal service opens",
      ready(["meal_service", "round_the_clock_housing"]),
      purchased("meal_service"),
      okWith("no_cis_service_with_other_service"),
    ],
    [
      "meal service + 24-hour housing: housing",
      ready(["meal_service", "round_the_clock_housing"]),
      purchased("round_the_clock_housing"),
      OK,
    ],
    [
      "meal service + home care: meal service stays closed",
      ready(["meal_service", "home_care"]),
      purchased("meal_service"),
      no("only_services_without_cis"),
    ],
    [
      "meal service + home care: home care stays closed",
      ready(["meal_service", "home_care"]),
      purchased("home_care"),
      no("home_care_only"),
    ],
    // Home care.
    ["home care alone", ready(["home_care"]), purchased("home_care"), no("home_care_only")],
    [
      "home care + communal housing: home care opens",
      ready(["home_care", "communal_housing"]),
      purchased("home_care"),
      okWith("home_care_with_other_service"),
    ],
    [
      "home care + communal housing: housing",
      ready(["home_care", "communal_housing"]),
      purchased("communal_housing"),
      OK,
    ],
    [
      "home care + communal housing, but no OID",
      { ...ready(["home_care", "communal_housing"]), unitHasOid: false },
      purchased("home_care"),
      no("no_oid"),
    ],
    [
      "home care alone, no OID, untested",
      { unitHasOid: false, systemTested: false, purchasedServices: ["home_care"] },
      purchased("home_care"),
      no("no_oid", "system_not_tested", "home_care_only"),
    ],
    // Unknown codes never open access.
    [
      "unknown service alone",
      ready(["dog_walking"]),
      purchased("dog_walking"),
      no("only_services_without_cis"),
    ],
    [
      "unknown service + communal housing",
      ready(["dog_walking", "communal_housing"]),
      purchased("dog_walking"),
      okWith("no_cis_service_with_other_service"),
    ],
    [
      "inherited property name as a code",
      ready(["constructor"]),
      purchased("constructor"),
      no("only_services_without_cis"),
    ],
  ];

  it.each(rows)("%s", (_name, provider, implementation, expected) => {
    expect(decideAccess(provider, implementation)).toEqual(expected);
  });

  it("follows the organiser's needsCis settings", () => {
    const settings: PolicySettings = {
      ...defaultPolicySettings,
      needsCis: { ...defaultPolicySettings.needsCis, meal_service: true, family_care: false },
    };
    expect(decideAccess(ready(["meal_service"]), purchased("meal_service"), settings)).toEqual(OK);
    expect(
      decideAccess(ready(["home_care", "meal_service"]), purchased("home_care"), settings),
    ).toEqual(okWith("home_care_with_other_service"));
    expect(decideAccess(ready(["family_care"]), purchased("family_care"), settings)).toEqual(
      no("only_services_without_cis"),
    );
  });

  it("home care is special whatever its needsCis flag", () => {
    for (const flag of [true, false]) {
      const settings: PolicySettings = {
        ...defaultPolicySettings,
        needsCis: { ...defaultPolicySettings.needsCis, home_care: flag },
      };
      expect(decideAccess(ready(["home_care"]), purchased("home_care"), settings)).toEqual(
        no("home_care_only"),
      );
      expect(
        decideAccess(ready(["meal_service", "home_care"]), purchased("meal_service"), settings),
      ).toEqual(no("only_services_without_cis"));
    }
  });
});

describe("providerEligibility", () => {
  type Row = [string, ProviderFacts, Decision];
  const rows: Row[] = [
    ["communal housing", ready(["communal_housing"]), OK],
    ["home care alone", ready(["home_care"]), no("home_care_only")],
    [
      "home care + communal housing",
      ready(["home_care", "communal_housing"]),
      okWith("home_care_with_other_service"),
    ],
    [
      "home care + meal service + communal housing: home-care note first",
      ready(["home_care", "meal_service", "communal_housing"]),
      okWith("home_care_with_other_service"),
    ],
    ["meal service alone", ready(["meal_service"]), no("only_services_without_cis")],
    [
      "meal service + home care",
      ready(["meal_service", "home_care"]),
      no("only_services_without_cis", "home_care_only"),
    ],
    [
      "meal service + 24-hour housing",
      ready(["meal_service", "round_the_clock_housing"]),
      okWith("no_cis_service_with_other_service"),
    ],
    ["no purchased services", ready([]), no("only_services_without_cis")],
    [
      "missing OID with untested system",
      { unitHasOid: false, systemTested: false, purchasedServices: ["communal_housing"] },
      no("no_oid", "system_not_tested"),
    ],
    [
      "everything missing",
      { unitHasOid: false, systemTested: false, purchasedServices: ["home_care", "meal_service"] },
      no("no_oid", "system_not_tested", "only_services_without_cis", "home_care_only"),
    ],
  ];
  it.each(rows)("%s", (_name, provider, expected) => {
    expect(providerEligibility(provider)).toEqual(expected);
  });
});

describe("properties", () => {
  const code = fc.oneof(
    fc.constantFrom(...socialServiceCodes),
    fc.constantFrom("constructor", "__proto__", "toString", "unknown"),
    fc.string(),
  );
  const provider = fc.record({
    unitHasOid: fc.boolean(),
    systemTested: fc.boolean(),
    purchasedServices: fc.array(code, { maxLength: 6 }),
  });
  const implementation = fc.record({ service: code, voucher: fc.boolean() });
  const settings = fc
    .dictionary(fc.constantFrom(...socialServiceCodes), fc.boolean())
    .map((needsCis): PolicySettings => ({ ...defaultPolicySettings, needsCis }));

  const isWellFormed = (d: Decision, allowed: readonly IneligibleReason[]) => {
    // Stable order, no duplicates, only allowed reasons.
    const ordered = ineligibleReasons.filter((r) => (d.reasons as string[]).includes(r));
    expect(d.reasons).toEqual(ordered);
    for (const r of d.reasons) expect(allowed).toContain(r);
    if (!d.eligible) expect(d).not.toHaveProperty("note");
  };

  it("decideAccess never throws; eligible iff no reasons; reasons ordered", () => {
    fc.assert(
      fc.property(provider, implementation, settings, (p, i, s) => {
        const d = decideAccess(p, i, s);
        expect(d.eligible).toBe(d.reasons.length === 0);
        isWellFormed(d, ineligibleReasons);
      }),
    );
  });

  it("never throws on malformed input either", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (p, i, s) => {
        const d = decideAccess(p as ProviderFacts, i as ImplementationFacts, s as PolicySettings);
        expect(d.eligible).toBe(d.reasons.length === 0);
        const e = providerEligibility(p as ProviderFacts, s as PolicySettings);
        expect(e.eligible).toBe(e.reasons.length === 0);
      }),
    );
  });

  it("without an OID never eligible", () => {
    fc.assert(
      fc.property(provider, implementation, settings, (p, i, s) => {
        const d = decideAccess({ ...p, unitHasOid: false }, i, s);
        expect(d.eligible).toBe(false);
        expect(d.reasons[0]).toBe("no_oid");
        expect(providerEligibility({ ...p, unitHasOid: false }, s).eligible).toBe(false);
      }),
    );
  });

  it("without a tested system never eligible", () => {
    fc.assert(
      fc.property(provider, implementation, settings, (p, i, s) => {
        const d = decideAccess({ ...p, systemTested: false }, i, s);
        expect(d.eligible).toBe(false);
        expect(d.reasons).toContain("system_not_tested");
      }),
    );
  });

  it("with a voucher never eligible", () => {
    fc.assert(
      fc.property(provider, code, settings, (p, service, s) => {
        const d = decideAccess(p, { service, voucher: true }, s);
        expect(d.eligible).toBe(false);
        expect(d.reasons).toContain("service_voucher");
      }),
    );
  });

  it("home care is eligible only with another service that opens access by itself", () => {
    fc.assert(
      fc.property(provider, settings, (p, s) => {
        const d = decideAccess(p, purchased("home_care"), s);
        const anchor = p.purchasedServices.some((c) => c !== "home_care" && serviceNeedsCis(c, s));
        expect(d.eligible).toBe(p.unitHasOid && p.systemTested && anchor);
        expect((d.reasons as IneligibleReason[]).includes("home_care_only")).toBe(!anchor);
      }),
    );
  });

  it("providerEligibility agrees with decideAccess on every purchased service", () => {
    fc.assert(
      fc.property(provider, settings, (p, s) => {
        const e = providerEligibility(p, s);
        isWellFormed(
          e,
          ineligibleReasons.filter((r) => r !== "service_voucher"),
        );
        const each = p.purchasedServices.map((c) => decideAccess(p, purchased(c), s));
        if (p.purchasedServices.length > 0) {
          expect(e.eligible).toBe(each.every((d) => d.eligible));
        } else {
          expect(e.eligible).toBe(false);
        }
        // Every reason of any service shows at provider level.
        for (const d of each) for (const r of d.reasons) expect(e.reasons).toContain(r);
      }),
    );
  });

  it("providerEligibility is all or nothing: some service opens iff all do", () => {
    fc.assert(
      fc.property(provider, settings, (p, s) => {
        const each = p.purchasedServices.map((c) => decideAccess(p, purchased(c), s).eligible);
        expect(each.some(Boolean)).toBe(each.length > 0 && each.every(Boolean));
      }),
    );
  });
});

describe("validatePolicySettings", () => {
  const valid = {
    daysBeforeStart: 7,
    daysAfterEnd: 14,
    goLiveDate: "2026-06-15",
    caseNumberDeadline: "2026-08-31",
    useByDate: "2026-09-01",
  };
  const errorsOf = (input: unknown) => {
    const r = validatePolicySettings(input);
    return r.ok ? [] : r.errors;
  };

  it("accepts valid settings and fills needsCis from the catalogue", () => {
    expect(validatePolicySettings(valid)).toEqual({
      ok: true,
      settings: { ...valid, needsCis: defaultPolicySettings.needsCis },
    });
    const r = validatePolicySettings({ ...valid, needsCis: { meal_service: true }, extra: 1 });
    expect(r).toEqual({
      ok: true,
      settings: { ...valid, needsCis: { ...defaultPolicySettings.needsCis, meal_service: true } },
    });
  });

  it.each([
    [{ daysBeforeStart: 0, daysAfterEnd: 60 }],
    [{ daysBeforeStart: "10", daysAfterEnd: " 3 " }],
    [{ goLiveDate: "2026-08-31" }], // goLive == caseNumberDeadline is allowed
    [{ goLiveDate: "2024-02-29", caseNumberDeadline: "2024-02-29", useByDate: "2024-03-01" }],
  ])("accepts %j", (patch) => {
    const r = validatePolicySettings({ ...valid, ...patch });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(typeof r.settings.daysBeforeStart).toBe("number");
  });

  it.each<[unknown, { field: string; key: PolicySettingsErrorKey }[]]>([
    [null, [{ field: "settings", key: "notObject" }]],
    ["x", [{ field: "settings", key: "notObject" }]],
    [[], [{ field: "settings", key: "notObject" }]],
    [
      {},
      [
        { field: "daysBeforeStart", key: "required" },
        { field: "daysAfterEnd", key: "required" },
        { field: "goLiveDate", key: "required" },
        { field: "caseNumberDeadline", key: "required" },
        { field: "useByDate", key: "required" },
      ],
    ],
    [{ ...valid, daysBeforeStart: -1 }, [{ field: "daysBeforeStart", key: "outOfRange" }]],
    [{ ...valid, daysAfterEnd: 61 }, [{ field: "daysAfterEnd", key: "outOfRange" }]],
    [{ ...valid, daysAfterEnd: 1.5 }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, daysAfterEnd: Number.NaN }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, daysAfterEnd: Infinity }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, daysAfterEnd: "" }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, daysAfterEnd: "-3" }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, daysAfterEnd: "1e1" }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, daysAfterEnd: "100" }, [{ field: "daysAfterEnd", key: "outOfRange" }]],
    [{ ...valid, daysAfterEnd: true }, [{ field: "daysAfterEnd", key: "notInteger" }]],
    [{ ...valid, goLiveDate: "15.6.2026" }, [{ field: "goLiveDate", key: "dateFormat" }]],
    [{ ...valid, goLiveDate: "2026-6-15" }, [{ field: "goLiveDate", key: "dateFormat" }]],
    [{ ...valid, goLiveDate: " 2026-06-15" }, [{ field: "goLiveDate", key: "dateFormat" }]],
    [{ ...valid, goLiveDate: 20260615 }, [{ field: "goLiveDate", key: "dateFormat" }]],
    [{ ...valid, goLiveDate: "2026-02-29" }, [{ field: "goLiveDate", key: "dateNotReal" }]],
    [{ ...valid, goLiveDate: "2026-13-01" }, [{ field: "goLiveDate", key: "dateNotReal" }]],
    [{ ...valid, goLiveDate: "2026-06-31" }, [{ field: "goLiveDate", key: "dateNotReal" }]],
    [{ ...valid, goLiveDate: "2026-06-00" }, [{ field: "goLiveDate", key: "dateNotReal" }]],
    [{ ...valid, goLiveDate: "2100-02-29" }, [{ field: "goLiveDate", key: "dateNotReal" }]],
    [
      { ...valid, goLiveDate: "2026-09-01" },
      [{ field: "caseNumberDeadline", key: "caseNumberDeadlineBeforeGoLive" }],
    ],
    [
      { ...valid, useByDate: "2026-08-31" },
      [{ field: "useByDate", key: "useByNotAfterCaseNumberDeadline" }],
    ],
    [
      { ...valid, goLiveDate: "2026-10-01", useByDate: "2026-07-01" },
      [
        { field: "caseNumberDeadline", key: "caseNumberDeadlineBeforeGoLive" },
        { field: "useByDate", key: "useByNotAfterCaseNumberDeadline" },
      ],
    ],
    // Ordering is not checked against an invalid date.
    [
      { ...valid, caseNumberDeadline: "2026-02-30", useByDate: "2026-01-01" },
      [{ field: "caseNumberDeadline", key: "dateNotReal" }],
    ],
    [{ ...valid, needsCis: [] }, [{ field: "needsCis", key: "notObject" }]],
    [{ ...valid, needsCis: "yes" }, [{ field: "needsCis", key: "notObject" }]],
    [
      { ...valid, needsCis: { dog_walking: true } },
      [{ field: "needsCis.dog_walking", key: "unknownService" }],
    ],
    [
      { ...valid, needsCis: JSON.parse('{"__proto__": true, "constructor": false}') },
      [
        { field: "needsCis.__proto__", key: "unknownService" },
        { field: "needsCis.constructor", key: "unknownService" },
      ],
    ],
    [
      { ...valid, needsCis: { meal_service: "true" } },
      [{ field: "needsCis.meal_service", key: "notBoolean" }],
    ],
  ])("rejects %j", (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it("never throws and only returns known keys", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = validatePolicySettings(input);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(ALL_SETTINGS_KEYS).toContain(e.key);
        }
      }),
    );
  });

  it("isRealDate agrees with the calendar", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (d) => {
          expect(isRealDate(d.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isRealDate(s)).toBe(real);
        },
      ),
    );
  });
});

describe("messages", () => {
  const locales = ["fi", "sv", "en"] as const;

  it.each(locales)("%s: every reason and note formats", (l) => {
    const t = createTranslator({
      locale: l,
      messages: { eligibility: eligibilityMessages[l] },
      namespace: "eligibility",
      onError: (e) => {
        throw e;
      },
    });
    for (const key of [...ALL_REASONS, ...ALL_NOTES]) {
      const s = t(key);
      expect(s.length, `${l}:${key}`).toBeGreaterThan(20);
      expect(s, `${l}:${key}`).not.toMatch(/[{}<>]/);
      expect(s, `${l}:${key}`).not.toBe(`eligibility.${key}`);
    }
    expect(Object.keys(eligibilityMessages[l]).sort()).toEqual(
      [...ALL_REASONS, ...ALL_NOTES].sort(),
    );
  });

  it.each(locales)("%s: every settings error formats", (l) => {
    const t = createTranslator({
      locale: l,
      messages: { settings: policySettingsMessages[l] },
      namespace: "settings",
      onError: (e) => {
        throw e;
      },
    });
    for (const key of ALL_SETTINGS_KEYS) {
      const s = t(key, { field: "Kenttä" });
      expect(s.startsWith("Kenttä: "), `${l}:${key}`).toBe(true);
      expect(s, `${l}:${key}`).not.toMatch(/[{}<>]/);
    }
    expect(Object.keys(policySettingsMessages[l]).sort()).toEqual([...ALL_SETTINGS_KEYS].sort());
  });

  it("locales differ from each other", () => {
    for (const key of [...ALL_REASONS, ...ALL_NOTES]) {
      const set = new Set(locales.map((l) => eligibilityMessages[l][key]));
      expect(set.size, key).toBe(3);
    }
  });
});

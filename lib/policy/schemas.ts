import { z } from "zod";
import { socialServiceCodes } from "@/lib/catalogue/services";

/**
 * The policy form's raw strings → the input lib/eligibility/policy.ts validatePolicySettings
 * takes, plus the version the admin was editing. This schema only reshapes: the rules (ranges,
 * real dates, date order) are the validator's alone, so both the form and any other caller get
 * the same errors. An empty field becomes undefined (the validator's "required").
 * needsCis comes as one checkbox per catalogue code named `needsCis:<code>`; unchecked = false.
 */
const text = z
  .string()
  .optional()
  .transform((v) => {
    const s = (v ?? "").trim();
    return s === "" ? undefined : s;
  });

export const policyFormSchema = z
  .looseObject({
    expectedVersion: z
      .string({ error: "invalid" })
      .trim()
      .regex(/^\d{1,9}$/, { error: "invalid" })
      .transform(Number),
    daysBeforeStart: text,
    daysAfterEnd: text,
    goLiveDate: text,
    caseNumberDeadline: text,
    useByDate: text,
  })
  .transform((v) => ({
    expectedVersion: v.expectedVersion,
    settings: {
      daysBeforeStart: v.daysBeforeStart,
      daysAfterEnd: v.daysAfterEnd,
      goLiveDate: v.goLiveDate,
      caseNumberDeadline: v.caseNumberDeadline,
      useByDate: v.useByDate,
      needsCis: Object.fromEntries(
        socialServiceCodes.map((code) => [code, v[`needsCis:${code}`] === "on"]),
      ) as Record<string, boolean>,
    },
  }));

export type PolicyFormInput = z.infer<typeof policyFormSchema>;

/** The form field of a validator field: `needsCis.<code>` is the checkbox `needsCis:<code>`. */
export function formFieldOf(field: string): string {
  return field.startsWith("needsCis.") ? `needsCis:${field.slice("needsCis.".length)}` : field;
}

import { z } from "zod";

// Error messages are keys under "validation" (or a full "ns.key").
const optionalUuid = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.uuid({ error: "invalid" }).nullable());

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "date");

/** A service unit as the provider contact edits it. The OID is validated by lib/oid, not here. */
export const unitSchema = z
  .object({
    unitId: z.string().trim().default(""),
    version: z.coerce.number().int().min(0).default(0),
    // Required-ness of name and municipality is checked with the OID, so that
    // every problem of the form is reported at once.
    name: z.string().trim().max(200, "tooLong").default(""),
    municipality: z.string().trim().max(100, "tooLong").default(""),
    oid: z.string().max(300, "tooLong").default(""),
    cisId: optionalUuid.default(null),
    kantaInUse: z
      .enum(["on", "true", "false", ""])
      .default("")
      .transform((v) => v === "on" || v === "true"),
    kantaSince: z
      .string()
      .trim()
      .default("")
      .pipe(z.union([z.literal(""), isoDate])),
  })
  .superRefine((v, ctx) => {
    if (v.kantaInUse && v.kantaSince === "")
      ctx.addIssue({ code: "custom", path: ["kantaSince"], message: "required" });
  });

export type UnitInput = z.infer<typeof unitSchema>;

export const reviewSchema = z
  .object({
    unitId: z.uuid({ error: "notFound" }),
    decision: z.enum(["verify", "return"], { error: "invalid" }),
    reason: z.string().trim().max(1000, "tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

export const campaignSchema = z
  .object({ opensOn: isoDate, closesOn: isoDate })
  .refine((v) => v.opensOn <= v.closesOn, { path: ["closesOn"], message: "dateOrder" });

export const providerViewSchema = z.object({
  providerId: z.uuid({ error: "notFound" }),
  relationship: z.enum(["invited", "contract"], { error: "invalid" }),
  purchasedService: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  serviceVoucher: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  reviewState: z.enum(["not_reviewed", "needs_attention", "reviewed"], { error: "invalid" }),
  notes: z.string().trim().max(2000, "tooLong").default(""),
});

export const newProviderSchema = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  businessId: z.string().trim().min(1, "required"),
});

export const systemStatusSchema = z
  .object({
    cisId: z.uuid({ error: "notFound" }),
    testStatus: z.enum(["not_contacted", "scheduled", "passed", "retest_needed"], {
      error: "invalid",
    }),
    testDate: z
      .string()
      .trim()
      .default("")
      .pipe(z.union([z.literal(""), isoDate])),
    needsCaseNumbers: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  })
  .superRefine((v, ctx) => {
    if ((v.testStatus === "scheduled" || v.testStatus === "passed") && v.testDate === "")
      ctx.addIssue({ code: "custom", path: ["testDate"], message: "required" });
  });

export const newSystemSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  vendor: z.string().trim().min(1, "required").max(100, "tooLong"),
});

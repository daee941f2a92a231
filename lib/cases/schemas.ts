import { z } from "zod";
import { serviceTasks } from "@/db/schema";
import { socialServiceCodes } from "@/lib/catalogue/services";
import { checkOidSyntax } from "@/lib/oid/validate";
import { validateHetu } from "@/lib/clients/hetu";
import { isCalendarDate } from "@/lib/windows/dates";

/**
 * The only zod definitions of the case and window forms, shared by the forms (field names) and
 * the server actions. Errors are message keys: bare keys are under "validation", others are full.
 */
const text = (max: number) => z.string().trim().max(max, "tooLong").default("");
const uuid = z
  .string()
  .trim()
  .pipe(z.uuid({ error: "notFound" }));
const version = z.coerce.number().int().min(0).default(0);
const date = z
  .string()
  .trim()
  .refine((v) => isCalendarDate(v), "date");
const optionalDate = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || isCalendarDate(v), "date")
  .transform((v) => (v === "" ? null : v));
const checkbox = z
  .enum(["on", "true", "false", ""])
  .default("")
  .transform((v) => v === "on" || v === "true");

export const newCaseSchema = z.object({
  caseOid: z
    .string()
    .trim()
    .min(1, "required")
    .max(128, "tooLong")
    .refine((v) => checkOidSyntax(v).ok, "cases.caseOidInvalid"),
  serviceTask: z.enum(serviceTasks, { error: "required" }),
  clientName: z.string().trim().min(1, "required").max(200, "tooLong"),
  // The identity code's own check gives the exact problem (hetu.<code>).
  hetu: z.string().superRefine((v, ctx) => {
    const verdict = validateHetu(v);
    if (!verdict.ok) ctx.addIssue({ code: "custom", message: `hetu.${verdict.code}` });
  }),
});

export const implementationSchema = z
  .object({
    caseId: uuid,
    service: z.enum(socialServiceCodes, { error: "required" }),
    startsOn: date,
    endsOn: optionalDate,
    voucher: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "dateOrder" });
  });

export const implementationEndSchema = z.object({
  implementationId: uuid,
  version,
  endsOn: optionalDate,
});

export const attachUnitSchema = z.object({
  implementationId: uuid,
  unitId: z
    .string()
    .trim()
    .min(1, "required")
    .pipe(z.uuid({ error: "required" })),
  justification: text(2000),
});

export const findByHetuSchema = z.object({
  hetu: z.string().superRefine((v, ctx) => {
    const verdict = validateHetu(v);
    if (!verdict.ok) ctx.addIssue({ code: "custom", message: `hetu.${verdict.code}` });
  }),
});

export const revealSchema = z.object({ caseId: uuid });

export const windowVersionSchema = z.object({ windowId: uuid, version });

export const windowDatesSchema = z.object({
  windowId: uuid,
  version,
  opensOn: date,
  closesOn: optionalDate,
});

export const reissueSchema = z.object({
  windowId: uuid,
  version,
  reason: z.string().trim().min(5, "windows.reasonRequired").max(1000, "tooLong"),
});

export const windowListSchema = z.enum(["all", "upcoming", "open", "planned"]).catch("all");

/** The page number of a paged list (?page=N); anything else is the first page. */
export const listPageSchema = z.coerce.number().int().min(1).max(100000).catch(1);

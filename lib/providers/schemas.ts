import { z } from "zod";
import { oidStatuses } from "@/db/schema";

// Error messages are keys under "validation" in the message files.
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

export const contactUpdateSchema = z.object({
  contactId: z.uuid({ error: "notFound" }),
  name: z.string({ error: "required" }).trim().min(1, "required").max(200, "tooLong"),
  phone: z
    .string()
    .trim()
    .max(30, "tooLong")
    .refine((v) => v === "" || PHONE.test(v), "phone")
    .default(""),
  language: z.enum(["fi", "sv", "en"], { error: "language" }),
  title: z.string().trim().max(200, "tooLong").default(""),
});

export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const providerListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(oidStatuses).optional().catch(undefined),
  sort: z.enum(["name", "businessId", "attention"]).catch("name").default("name"),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});

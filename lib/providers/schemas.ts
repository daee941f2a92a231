import { z } from "zod";
import { oidStatuses } from "@/db/schema";

// Error messages are keys under "validation" in the message files.
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

export const contactUpdateSchema = z.object({
  // Empty for a new contact person.
  contactId: z.union([z.literal(""), z.uuid({ error: "notFound" })]).default(""),
  name: z.string({ error: "required" }).trim().min(1, "required").max(200, "tooLong"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "tooLong")
    .refine((v) => v === "" || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), "email")
    .default(""),
  phone: z
    .string()
    .trim()
    .max(30, "tooLong")
    .refine((v) => v === "" || PHONE.test(v), "phone")
    .default(""),
  language: z.enum(["fi", "sv", "en"], { error: "language" }),
  title: z.string().trim().max(200, "tooLong").default(""),
  receivesCaseOids: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "on")),
  /** Pasted S/MIME certificate or OpenPGP public key; validated by lib/keys. */
  encryptionKey: z.string().max(70000, "tooLong").default(""),
  removeKey: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const providerListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(oidStatuses).optional().catch(undefined),
  sort: z.enum(["name", "businessId", "attention"]).catch("name").default("name"),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});

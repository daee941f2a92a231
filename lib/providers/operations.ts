import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { contactPeople } from "@/db/schema";
import { auditOutOfScope, writeAudit, type AuditActor } from "@/lib/audit";
import { changes } from "@/lib/audit/diff";
import { providerOf } from "@/lib/auth/scope";
import { organiserWorksWith } from "./queries";
import { validateEncryptionKey } from "@/lib/keys/validate";
import type { ContactUpdate } from "./schemas";

export type ContactInput = Pick<
  ContactUpdate,
  "contactId" | "name" | "phone" | "language" | "title"
> &
  Partial<Pick<ContactUpdate, "email" | "receivesCaseOids" | "encryptionKey" | "removeKey">>;

export type ContactResult =
  | { status: "created" | "updated" | "unchanged"; id: string }
  | { status: "denied" }
  | {
      status: "invalid";
      fieldErrors: Record<string, string>;
      fieldParams: Record<string, Record<string, string>>;
    };

const FIELDS = [
  "name",
  "email",
  "phone",
  "language",
  "title",
  "receivesCaseOids",
  "encryptionKeyKind",
  "encryptionKeyFingerprint",
  "encryptionKeyExpires",
] as const;

/**
 * A provider contact adds or updates one of its own provider's contact people,
 * including the public key for encrypted mail (validated: it parses, is valid
 * now, and names the contact's e-mail). One transaction with its audit row. An
 * id from another provider matches nothing: the attempt is audited as denied.
 */
export async function updateOwnContact(
  db: Executor,
  actor: AuditActor,
  input: ContactInput,
  now: Date = new Date(),
): Promise<ContactResult> {
  return saveContactOf(db, actor, providerOf(actor), input, now);
}

/** Staff maintain a contact person of a provider their organiser works with, by the same rules. */
export async function saveContactAsStaff(
  db: Executor,
  actor: AuditActor,
  providerId: string,
  input: ContactInput,
  now: Date = new Date(),
): Promise<ContactResult> {
  if (!(await organiserWorksWith(db, actor, providerId))) {
    await auditOutOfScope(db, actor, "registry.saveContact", "provider", providerId);
    return { status: "denied" };
  }
  return saveContactOf(db, actor, providerId, input, now);
}

async function saveContactOf(
  db: Executor,
  actor: AuditActor,
  providerId: string,
  input: ContactInput,
  now: Date,
): Promise<ContactResult> {
  return db.transaction(async (tx) => {
    let current: typeof contactPeople.$inferSelect | undefined;
    if (input.contactId) {
      [current] = await tx
        .select()
        .from(contactPeople)
        .where(and(eq(contactPeople.id, input.contactId), eq(contactPeople.providerId, providerId)))
        .for("update");
      if (!current) {
        await auditOutOfScope(
          tx,
          actor,
          "provider.updateContact",
          "contact_person",
          input.contactId,
        );
        return { status: "denied" };
      }
    }
    const fieldErrors: Record<string, string> = {};
    const fieldParams: Record<string, Record<string, string>> = {};
    const email = input.email || current?.email || "";
    if (!email) fieldErrors.email = "required";
    else {
      const [dup] = await tx
        .select({ id: contactPeople.id })
        .from(contactPeople)
        .where(
          and(
            eq(contactPeople.providerId, providerId),
            eq(contactPeople.email, email),
            current ? ne(contactPeople.id, current.id) : undefined,
          ),
        );
      if (dup) fieldErrors.email = "contactExists";
    }
    let key: Partial<typeof contactPeople.$inferInsert> = {};
    if (input.removeKey) {
      key = {
        encryptionKeyKind: null,
        encryptionKey: null,
        encryptionKeyFingerprint: null,
        encryptionKeyExpires: null,
      };
    } else if (input.encryptionKey && input.encryptionKey.trim() !== "" && email) {
      const verdict = await validateEncryptionKey(input.encryptionKey, email, now);
      if (!verdict.ok) {
        fieldErrors.encryptionKey = `keys.${verdict.code}`;
        fieldParams.encryptionKey = verdict.params;
      } else {
        key = {
          encryptionKeyKind: verdict.kind,
          encryptionKey: verdict.normalised,
          encryptionKeyFingerprint: verdict.fingerprint,
          encryptionKeyExpires: verdict.expires,
        };
      }
    }
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors, fieldParams };

    const next = {
      name: input.name,
      email,
      phone: input.phone || null,
      language: input.language,
      title: input.title || null,
      receivesCaseOids: input.receivesCaseOids ?? current?.receivesCaseOids ?? false,
      ...key,
    };
    const diff = changes(current ?? null, next, [...FIELDS]);
    if (current && Object.keys(diff).length === 0) return { status: "unchanged", id: current.id };
    let id: string;
    if (current) {
      await tx
        .update(contactPeople)
        .set({ ...next, updatedAt: sql`now()` })
        .where(eq(contactPeople.id, current.id));
      id = current.id;
    } else {
      const [row] = await tx
        .insert(contactPeople)
        .values({ ...next, providerId })
        .returning({ id: contactPeople.id });
      id = row!.id;
    }
    await writeAudit(tx, actor, {
      action: current ? "provider.updateContact" : "provider.addContact",
      outcome: "success",
      entityType: "contact_person",
      entityId: id,
      purpose: "provider_data_maintenance",
      details: { changes: diff },
    });
    return { status: current ? "updated" : "created", id };
  });
}

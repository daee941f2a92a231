import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  clientInformationSystems,
  contactPeople,
  organiserProviders,
  providers,
  serviceUnits,
} from "@/db/schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { changes } from "@/lib/audit/diff";
import { organiserOf } from "@/lib/auth/scope";
import { checkInRegister } from "./register";
import { decodeCsv, parseCsv, validateRows, type CsvIssue, type NormalRow } from "./csv";

export type Counts = { new: number; updated: number; unchanged: number };
export type ImportPlan = {
  rows: number;
  issues: CsvIssue[];
  providers: Counts;
  units: Counts;
  contacts: Counts;
};

type Loaded = Awaited<ReturnType<typeof load>>;

function chunks<T>(xs: T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function load(db: Executor, normal: NormalRow[]) {
  const businessIds = [...new Set(normal.map((r) => r.businessId))];
  const provs = (
    await Promise.all(
      chunks(businessIds).map((c) =>
        db.select().from(providers).where(inArray(providers.businessId, c)),
      ),
    )
  ).flat();
  const providerIds = provs.map((p) => p.id);
  const units = (
    await Promise.all(
      chunks(providerIds).map((c) =>
        db.select().from(serviceUnits).where(inArray(serviceUnits.providerId, c)),
      ),
    )
  ).flat();
  const contacts = (
    await Promise.all(
      chunks(providerIds).map((c) =>
        db.select().from(contactPeople).where(inArray(contactPeople.providerId, c)),
      ),
    )
  ).flat();
  const oids = [...new Set(normal.flatMap((r) => (r.unit?.oid ? [r.unit.oid] : [])))];
  const oidHolders = (
    await Promise.all(
      chunks(oids).map((c) =>
        db
          .select({
            id: serviceUnits.id,
            oid: serviceUnits.oid,
            name: serviceUnits.name,
            providerId: serviceUnits.providerId,
          })
          .from(serviceUnits)
          .where(inArray(serviceUnits.oid, c)),
      ),
    )
  ).flat();
  const systems = await db.select().from(clientInformationSystems);
  return {
    providerByBid: new Map(provs.map((p) => [p.businessId, p])),
    unitByKey: new Map(units.map((u) => [`${u.providerId}|${u.name.toLowerCase()}`, u])),
    contactByKey: new Map(contacts.map((c) => [`${c.providerId}|${c.email.toLowerCase()}`, c])),
    oidHolder: new Map(oidHolders.map((h) => [h.oid!, h])),
    systemByName: new Map(systems.map((s) => [s.name.toLowerCase(), s.id])),
  };
}

/** Validates a file against the database and counts what applying it would do. Changes nothing. */
export async function planImport(
  db: Executor,
  bytes: Uint8Array,
): Promise<{ plan: ImportPlan; normal: NormalRow[]; loaded: Loaded | null }> {
  const parsed = parseCsv(decodeCsv(bytes));
  const systems = await db
    .select({ name: clientInformationSystems.name })
    .from(clientInformationSystems);
  const { normal, issues } = validateRows(
    parsed.rows,
    new Set(systems.map((s) => s.name.toLowerCase())),
  );
  const all = [...parsed.issues, ...issues];
  const plan: ImportPlan = {
    rows: parsed.rows.length,
    issues: all,
    providers: { new: 0, updated: 0, unchanged: 0 },
    units: { new: 0, updated: 0, unchanged: 0 },
    contacts: { new: 0, updated: 0, unchanged: 0 },
  };
  if (parsed.issues.length > 0) return { plan, normal: [], loaded: null };
  const loaded = await load(db, normal);
  const seenProviders = new Map<string, string | null>();
  const seenUnits = new Set<string>();
  const seenContacts = new Set<string>();
  for (const r of normal) {
    const existing = loaded.providerByBid.get(r.businessId);
    if (!seenProviders.has(r.businessId)) {
      seenProviders.set(r.businessId, r.providerName);
      if (!existing) {
        if (!r.providerName)
          all.push({ line: r.line, field: "providerName", key: "validation.required" });
        else plan.providers.new++;
      } else if (r.providerName && r.providerName !== existing.name) plan.providers.updated++;
      else plan.providers.unchanged++;
    }
    const pid = existing?.id ?? `new:${r.businessId}`;
    if (r.unit) {
      const key = `${pid}|${r.unit.name.toLowerCase()}`;
      if (seenUnits.has(key))
        all.push({ line: r.line, field: "unitName", key: "import.unitTwice" });
      seenUnits.add(key);
      const current = loaded.unitByKey.get(key);
      if (r.unit.oid) {
        const holder = loaded.oidHolder.get(r.unit.oid);
        if (holder && holder.id !== current?.id)
          all.push({
            line: r.line,
            field: "oid",
            key: "oid.duplicate",
            params: { unit: holder.name },
          });
      }
      if (!current) plan.units.new++;
      else {
        const cisId = r.unit.cis
          ? (loaded.systemByName.get(r.unit.cis.toLowerCase()) ?? null)
          : current.cisId;
        const diff = changes(
          current,
          { municipality: r.unit.municipality, oid: r.unit.oid ?? current.oid, cisId },
          ["municipality", "oid", "cisId"],
        );
        if (Object.keys(diff).length > 0) plan.units.updated++;
        else plan.units.unchanged++;
      }
    }
    if (r.contact) {
      const key = `${pid}|${r.contact.email}`;
      if (seenContacts.has(key))
        all.push({ line: r.line, field: "contactEmail", key: "import.contactTwice" });
      seenContacts.add(key);
      const current = loaded.contactByKey.get(key);
      if (!current) plan.contacts.new++;
      else {
        const diff = changes(current, contactValues(r.contact), [
          "name",
          "phone",
          "language",
          "receivesCaseOids",
        ]);
        if (Object.keys(diff).length > 0) plan.contacts.updated++;
        else plan.contacts.unchanged++;
      }
    }
  }
  all.sort((a, b) => a.line - b.line);
  return { plan, normal, loaded };
}

function contactValues(c: NonNullable<NormalRow["contact"]>) {
  return {
    name: c.name,
    phone: c.phone,
    language: c.language,
    receivesCaseOids: c.receivesCaseOids,
  };
}

/**
 * Applies a file in one transaction, all or nothing: it is planned again
 * inside the transaction and nothing is written if any row has an issue.
 */
export async function applyImport(
  db: Executor,
  actor: AuditActor,
  bytes: Uint8Array,
): Promise<{ applied: boolean; plan: ImportPlan }> {
  const organiserId = organiserOf(actor);
  return db.transaction(async (tx) => {
    const { plan, normal, loaded } = await planImport(tx, bytes);
    if (plan.issues.length > 0 || !loaded) return { applied: false, plan };
    const providerIds = new Map<string, string>();
    for (const r of normal) {
      let pid = providerIds.get(r.businessId);
      if (!pid) {
        const existing = loaded.providerByBid.get(r.businessId);
        if (existing) {
          pid = existing.id;
          if (r.providerName && r.providerName !== existing.name) {
            await tx
              .update(providers)
              .set({ name: r.providerName, updatedAt: sql`now()` })
              .where(eq(providers.id, pid));
            await writeAudit(tx, actor, {
              action: "import.updateProvider",
              outcome: "success",
              entityType: "provider",
              entityId: pid,
              details: { changes: { name: { from: existing.name, to: r.providerName } } },
            });
          }
        } else {
          const [row] = await tx
            .insert(providers)
            .values({ name: r.providerName!, businessId: r.businessId })
            .returning({ id: providers.id });
          pid = row!.id;
          await writeAudit(tx, actor, {
            action: "import.addProvider",
            outcome: "success",
            entityType: "provider",
            entityId: pid,
            details: {
              changes: {
                name: { from: null, to: r.providerName },
                businessId: { from: null, to: r.businessId },
              },
            },
          });
        }
        await tx
          .insert(organiserProviders)
          .values({ organiserId, providerId: pid, relationship: "contract" })
          .onConflictDoNothing();
        providerIds.set(r.businessId, pid);
      }
      if (r.unit) {
        const current = loaded.unitByKey.get(`${pid}|${r.unit.name.toLowerCase()}`);
        const cisId = r.unit.cis
          ? (loaded.systemByName.get(r.unit.cis.toLowerCase()) ?? null)
          : (current?.cisId ?? null);
        const oid = r.unit.oid ?? current?.oid ?? null;
        const next = { municipality: r.unit.municipality, oid, cisId };
        const oidChanged = (current?.oid ?? null) !== oid;
        const verdict = oidChanged && oid ? await checkInRegister(tx, oid, r.businessId) : null;
        const oidFields = verdict
          ? {
              oidStatus: verdict.status,
              oidReason: verdict.reason,
              oidSubmittedAt: new Date(),
              oidSubmittedLate: false,
            }
          : {};
        if (!current) {
          const [row] = await tx
            .insert(serviceUnits)
            .values({ providerId: pid, name: r.unit.name, ...next, ...oidFields })
            .returning({ id: serviceUnits.id });
          await writeAudit(tx, actor, {
            action: "import.addUnit",
            outcome: "success",
            entityType: "service_unit",
            entityId: row!.id,
            details: {
              changes: changes(null, { name: r.unit.name, ...next, ...oidFields }, [
                "name",
                "municipality",
                "oid",
                "cisId",
                "oidStatus",
              ]),
            },
          });
        } else {
          const diff = changes(current, { ...next, ...oidFields }, [
            "municipality",
            "oid",
            "cisId",
            "oidStatus",
            "oidReason",
          ]);
          if (Object.keys(diff).length > 0) {
            await tx
              .update(serviceUnits)
              .set({
                ...next,
                ...oidFields,
                version: sql`${serviceUnits.version} + 1`,
                updatedAt: sql`now()`,
              })
              .where(eq(serviceUnits.id, current.id));
            await writeAudit(tx, actor, {
              action: "import.updateUnit",
              outcome: "success",
              entityType: "service_unit",
              entityId: current.id,
              details: { changes: diff },
            });
          }
        }
      }
      if (r.contact) {
        const current = loaded.contactByKey.get(`${pid}|${r.contact.email}`);
        const values = contactValues(r.contact);
        if (!current) {
          const [row] = await tx
            .insert(contactPeople)
            .values({ providerId: pid, email: r.contact.email, ...values })
            .returning({ id: contactPeople.id });
          await writeAudit(tx, actor, {
            action: "import.addContact",
            outcome: "success",
            entityType: "contact_person",
            entityId: row!.id,
            details: {
              changes: changes(null, { email: r.contact.email, ...values }, [
                "email",
                "name",
                "phone",
                "language",
                "receivesCaseOids",
              ]),
            },
          });
        } else {
          const diff = changes(current, values, ["name", "phone", "language", "receivesCaseOids"]);
          if (Object.keys(diff).length > 0) {
            await tx
              .update(contactPeople)
              .set({ ...values, updatedAt: sql`now()` })
              .where(and(eq(contactPeople.id, current.id)));
            await writeAudit(tx, actor, {
              action: "import.updateContact",
              outcome: "success",
              entityType: "contact_person",
              entityId: current.id,
              details: { changes: diff },
            });
          }
        }
      }
    }
    await writeAudit(tx, actor, {
      action: "import.apply",
      outcome: "success",
      entityType: "csv_import",
      details: {
        rows: plan.rows,
        providers: plan.providers,
        units: plan.units,
        contacts: plan.contacts,
      },
    });
    return { applied: true, plan };
  });
}

/**
 * Synthetic data at the scale of a large welfare area, for the benchmarks and the opt-in scale
 * test (tests/integration/readiness.test.ts, READINESS_SCALE=1). Set-based: each table is one
 * INSERT … SELECT from generate_series, so the data never travels through this process (except
 * clients, whose identity codes are hashed and sealed with the client data key in JS).
 *
 * At scale 1: 10,000 providers, 25,000 units, 100,000 cases, 300,000 implementations and
 * 300,000 provider resources, all of the given organiser. Ids are md5-derived, so a row's id is
 * known from its number (`scale-p<n>`, `scale-u<n>`, `scale-c<n>`, `scale-i<n>`, `scale-r<n>`).
 * Relative imports: the vitest alias and tsx both resolve them.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db";
import { hetuCheckCharacter } from "../../lib/clients/hetu";
import { clientKeys, sealClient } from "../../lib/clients/store";

export type ScaleSizes = {
  providers: number;
  units: number;
  cases: number;
  implementations: number;
};

/** The sizes at a scale factor (1 = the large welfare area). */
export function scaleSizes(scale: number): ScaleSizes {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return {
    providers: n(10_000),
    units: n(25_000),
    cases: n(100_000),
    implementations: n(300_000),
  };
}

export type ScaleOptions = {
  /**
   * "mixed": units with and without OIDs, systems tested or not, so the readiness funnel has
   * every stage; "eligible": every unit has a verified OID on a tested system and every provider
   * sells communal housing, so the go-live step can open a window on every resource.
   */
  profile: "mixed" | "eligible";
  /** A window on every resource (1 in 11 invalidated), as after go-live. */
  windows: boolean;
  /** A client (hashed and sealed identity code) on every case. */
  clients: boolean;
};

/** A valid temporary identity code (individual number 900–999), distinct for n < 3,360,000. */
export function syntheticHetu(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0");
  const individual = String(900 + (Math.floor(n / 336) % 100));
  const year = String(Math.floor(n / 33600) % 100).padStart(2, "0");
  const nine = `${day}${month}${year}${individual}`;
  return `${day}${month}${year}-${individual}${hetuCheckCharacter(nine)}`;
}

export const scaleCaseOid = (c: number) => `1.2.246.10.99.15.2026.${c}`;
export const scaleUnitOid = (u: number) => `1.2.246.10.99.10.${u}`;
/** Implementation n (1-based) belongs to case 1 + n % cases, starts 2025-01-01 + n / cases days. */
export const scaleImplementation = (n: number, sizes: ScaleSizes) => ({
  caseNo: 1 + (n % sizes.cases),
  unitNo: 1 + (n % sizes.units),
  startsOn: new Date(Date.UTC(2025, 0, 1 + Math.floor(n / sizes.cases))).toISOString().slice(0, 10),
});

/**
 * Adds the synthetic data to a database that already holds the demo data (seedDemo: the
 * client information systems and the organiser's policy come from there).
 */
export async function seedScale(
  db: Executor,
  organiserId: string,
  sizes: ScaleSizes,
  opts: ScaleOptions,
): Promise<void> {
  const { providers: P, units: U, cases: C, implementations: I } = sizes;
  const eligible = opts.profile === "eligible";
  await db.execute(sql`
    insert into providers (id, name, business_id)
    select md5('scale-p' || i)::uuid, 'Skaala ' || i, 'S' || i from generate_series(1, ${P}::int) i`);
  await db.execute(sql`
    insert into organiser_providers (organiser_id, provider_id, relationship)
    select ${organiserId}, md5('scale-p' || i)::uuid, 'contract' from generate_series(1, ${P}::int) i`);
  await db.execute(sql`
    insert into organiser_provider_services (organiser_id, provider_id, service)
    select ${organiserId}, md5('scale-p' || i)::uuid,
           case when ${eligible} then 'communal_housing'
                else (array['communal_housing', 'home_care', 'meal_service'])[1 + i % 3] end
    from generate_series(1, ${P}::int) i`);
  await db.execute(sql`
    insert into service_units (id, provider_id, name, oid, municipality, cis_id, kanta_in_use, oid_status)
    select md5('scale-u' || u)::uuid, md5('scale-p' || (1 + u % ${P}::int))::uuid, 'Yksikkö ' || u,
           case when u % 7 = 0 and not ${eligible} then null else '1.2.246.10.99.10.' || u end, 'Lahti',
           (select id from client_information_systems order by name offset (u % 10) limit 1),
           u % 3 <> 0,
           case when ${eligible} or u % 2 = 0 then 'verified'
                when u % 7 = 0 then 'missing' else 'submitted' end
    from generate_series(1, ${U}::int) u`);
  if (eligible) {
    // Every system has passed its deployment test with this organiser.
    await db.execute(sql`
      insert into organiser_systems (organiser_id, cis_id, test_status)
      select ${organiserId}, id, 'passed' from client_information_systems
      on conflict (organiser_id, cis_id) do update set test_status = 'passed'`);
  }
  await db.execute(sql`
    insert into cases (id, organiser_id, case_oid, service_task)
    select md5('scale-c' || c)::uuid, ${organiserId}, '1.2.246.10.99.15.2026.' || c,
           (array['older_people', 'working_age', 'families_with_children', 'child_welfare', 'disability'])[1 + c % 5]
    from generate_series(1, ${C}::int) c`);
  if (opts.clients) await seedClients(db, organiserId, C);
  await db.execute(sql`
    insert into service_implementations (id, organiser_id, case_id, service, starts_on)
    select md5('scale-i' || n)::uuid, ${organiserId}, md5('scale-c' || (1 + n % ${C}::int))::uuid,
           'communal_housing', date '2025-01-01' + (n / ${C}::int)
    from generate_series(1, ${I}::int) n`);
  await db.execute(sql`
    insert into provider_resources (id, organiser_id, implementation_id, service_unit_id, starts_on)
    select md5('scale-r' || n)::uuid, ${organiserId}, md5('scale-i' || n)::uuid,
           md5('scale-u' || (1 + n % ${U}::int))::uuid, date '2025-01-01' + (n / ${C}::int)
    from generate_series(1, ${I}::int) n`);
  if (opts.windows) {
    await db.execute(sql`
      insert into access_windows (organiser_id, case_id, service_task, service_unit_id, implementation_id, resource_id, opens_on, state)
      select ${organiserId}, md5('scale-c' || (1 + n % ${C}::int))::uuid,
             (array['older_people', 'working_age', 'families_with_children', 'child_welfare', 'disability'])[1 + (1 + n % ${C}::int) % 5],
             md5('scale-u' || (1 + n % ${U}::int))::uuid,
             md5('scale-i' || n)::uuid, md5('scale-r' || n)::uuid, date '2026-06-15',
             case when n % 11 = 0 then 'invalidated' else 'open' end
      from generate_series(1, ${I}::int) n`);
  }
  await db.execute(sql`analyze`);
}

/** One client per case (case c has syntheticHetu(c)), sealed as the portal stores them. */
async function seedClients(db: Executor, organiserId: string, cases: number) {
  const keys = clientKeys();
  const BATCH = 5000;
  for (let from = 1; from <= cases; from += BATCH) {
    const nos: number[] = [];
    for (let c = from; c < Math.min(from + BATCH, cases + 1); c++) nos.push(c);
    const sealed = nos.map((c) =>
      sealClient(keys, organiserId, { name: `Asiakas ${c}`, hetu: syntheticHetu(c) }),
    );
    await db.execute(sql`
      insert into clients (id, organiser_id, name_enc, hetu_enc, hetu_hash)
      select md5('scale-client' || n)::uuid, ${organiserId}, name_enc, hetu_enc, hetu_hash
      from unnest(${sql.param(nos)}::int[], ${sql.param(sealed.map((s) => s.nameEnc))}::text[],
                  ${sql.param(sealed.map((s) => s.hetuEnc))}::text[],
                  ${sql.param(sealed.map((s) => s.hetuHash))}::text[]) as v(n, name_enc, hetu_enc, hetu_hash)`);
  }
  await db.execute(sql`
    update cases set client_id = md5('scale-client' || substring(case_oid from '[0-9]+$'))::uuid
    where organiser_id = ${organiserId} and case_oid like '1.2.246.10.99.15.2026.%'`);
}

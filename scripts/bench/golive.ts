/**
 * Benchmark 1: the go-live bulk step (lib/golive) opening a window on every existing
 * implementation of a large welfare area, with an audit row per window, against one bare
 * INSERT … SELECT doing the same (run first and rolled back, so both start from the same state).
 */
import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import { DEMO_ORGANISERS, DEMO_USERS, seedDemo } from "../../db/seed/demo";
import type { AuditActor } from "../../lib/audit";
import { applyGoLive, planGoLive } from "../../lib/golive/apply";
import { currentPolicy } from "../../lib/policy/queries";
import {
  freshDb,
  ratioFigure,
  settle,
  timed,
  type BenchContext,
  type Benchmark,
  type BenchResult,
  type Driver,
} from "./common";
import {
  scaleCaseOid,
  scaleImplementation,
  scaleSizes,
  scaleUnitOid,
  seedScale,
  syntheticHetu,
} from "./data";

const TODAY = "2026-06-15";

/** The organiser's export: one row per implementation, on the unit of its resource. */
export function goLiveCsv(sizes: ReturnType<typeof scaleSizes>): Uint8Array {
  const lines = [
    "Asian OID;Asiakkaan nimi;Henkilötunnus;Palvelutehtävä;Sosiaalipalvelu;Palveluyksikön OID;Alkupäivä;Loppupäivä",
  ];
  for (let n = 1; n <= sizes.implementations; n++) {
    const { caseNo, unitNo, startsOn } = scaleImplementation(n, sizes);
    lines.push(
      [
        scaleCaseOid(caseNo),
        `Asiakas ${caseNo}`,
        syntheticHetu(caseNo),
        "older_people",
        "communal_housing",
        scaleUnitOid(unitNo),
        startsOn,
        "",
      ].join(";"),
    );
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

export async function staffActor(db: import("../../db").Executor): Promise<AuditActor> {
  const [u] = await db.select().from(users).where(eq(users.id, DEMO_USERS.projectStaff));
  if (!u) throw new Error("the demo project staff user is missing");
  return { userId: u.id, role: u.role, organiserId: u.organiserId, providerId: u.providerId };
}

class Rollback extends Error {}

async function run(ctx: BenchContext, driver: Driver): Promise<BenchResult> {
  const sizes = scaleSizes(ctx.scale);
  const org = DEMO_ORGANISERS.main;
  const b = await freshDb(ctx, driver);
  try {
    await seedDemo(b.db);
    const seeded = await timed(() =>
      seedScale(b.db, org, sizes, { profile: "eligible", windows: false, clients: true }),
    );
    ctx.log(`golive/${driver}: data seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    const staff = await staffActor(b.db);
    const policy = await currentPolicy(b.db, org);
    const csv = goLiveCsv(sizes);

    // Baseline: the same windows and one audit row each, in one statement, rolled back.
    await settle(b);
    let baselineMs = 0;
    let baselineRows = 0;
    try {
      await b.db.transaction(async (tx) => {
        const r = await timed(() =>
          tx.execute(sql`
            with opened as (
              insert into access_windows
                (organiser_id, case_id, service_task, service_unit_id, implementation_id, resource_id,
                 opens_on, state, source, existing_client, policy_version, created_by)
              select r.organiser_id, i.case_id, c.service_task, r.service_unit_id, i.id, r.id,
                     ${policy.settings.goLiveDate}::date, 'open', 'golive', true,
                     ${policy.version}::int, ${staff.userId}
                from provider_resources r
                join service_implementations i on i.id = r.implementation_id
                join cases c on c.id = i.case_id
               where r.organiser_id = ${org} and c.case_oid like '1.2.246.10.99.15.%'
              returning id, organiser_id, case_id, state
            ),
            logged as (
              insert into audit_log (organiser_id, actor_user_id, actor_role, action,
                                     entity_type, entity_id, outcome, details)
              select organiser_id, ${staff.userId}, ${staff.role}, 'window.created',
                     'access_window', id::text, 'success',
                     jsonb_build_object('source', 'golive', 'caseId', case_id, 'state', state)
                from opened
              returning 1
            )
            select count(*)::int as n from logged`),
        );
        baselineMs = r.ms;
        baselineRows = Number((r.value as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    ctx.log(`golive/${driver}: bare INSERT … SELECT ${baselineMs.toFixed(0)} ms`);

    const dry = await timed(() => planGoLive(b.db, staff, csv, { today: TODAY }));
    ctx.log(`golive/${driver}: dry run ${dry.ms.toFixed(0)} ms`);
    // The rolled-back baseline left 300,000 dead windows and audit rows and their index
    // entries: the apply must not insert into tables bloated by the run it is compared with.
    await b.db.execute(sql`vacuum access_windows, audit_log`);
    await settle(b);
    const apply = await timed(() => applyGoLive(b.db, staff, csv, undefined, { today: TODAY }));
    ctx.log(`golive/${driver}: apply ${apply.ms.toFixed(0)} ms`);
    const opened = apply.value.summary?.created.windows ?? 0;
    if (opened !== sizes.implementations || baselineRows !== sizes.implementations)
      throw new Error(
        `golive: expected ${sizes.implementations} windows, the apply opened ${opened} and the baseline ${baselineRows}`,
      );
    const again = await timed(() => planGoLive(b.db, staff, csv, { today: TODAY }));
    ctx.log(`golive/${driver}: second dry run ${again.ms.toFixed(0)} ms`);

    return {
      bench: "golive",
      driver,
      params: { rows: sizes.implementations, csvBytes: csv.byteLength },
      figures: [
        ratioFigure(
          {
            name: "apply (windows + audit rows)",
            unit: "ms",
            value: apply.ms,
            baseline: baselineMs,
            target: "≤ 2× bare INSERT … SELECT",
          },
          { maxRatio: 2 },
        ),
        ratioFigure({ name: "dry run", unit: "ms", value: dry.ms, baseline: baselineMs }),
        ratioFigure({
          name: "second dry run (all already open)",
          unit: "ms",
          value: again.ms,
          baseline: baselineMs,
        }),
      ],
    };
  } finally {
    await b.close();
  }
}

export const golive: Benchmark = {
  name: "golive",
  drivers: ["pg", "pglite"],
  run: (ctx, driver) => run(ctx, driver as Driver),
};

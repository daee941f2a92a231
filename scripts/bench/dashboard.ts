/**
 * Benchmark 2: the readiness dashboard's data (lib/readiness/queries.ts readinessDashboard) at
 * 10,000 providers, 25,000 units and 300,000 implementations with a window each, against one
 * raw SQL aggregate that counts the funnel's stages in a single statement.
 */
import { sql } from "drizzle-orm";
import { DEMO_ORGANISERS, seedDemo } from "../../db/seed/demo";
import { currentPolicy } from "../../lib/policy/queries";
import { anchorServices, readinessDashboard } from "../../lib/readiness/queries";
import {
  freshDb,
  quantile,
  ratioFigure,
  timed,
  type BenchContext,
  type Benchmark,
  type BenchResult,
  type Driver,
} from "./common";
import { scaleSizes, seedScale } from "./data";
import { staffActor } from "./golive";

/** The funnel's reached counts in one statement: the baseline the dashboard is compared with. */
export function rawFunnelSql(organiserId: string, anchors: string[]) {
  return sql`
    with u as (
      select su.provider_id,
             bool_or(su.oid is not null and su.oid_status in ('submitted', 'verified')) as oid_submitted,
             bool_or(su.oid is not null and su.oid_status = 'verified') as oid_verified,
             bool_or(os.test_status = 'passed') as system_tested,
             bool_or(su.kanta_in_use) as kanta_in_use,
             bool_or(su.oid is not null and su.oid_status in ('submitted', 'verified')
                     and os.test_status = 'passed') as oid_and_tested
        from service_units su
        join organiser_providers op on op.provider_id = su.provider_id and op.organiser_id = ${organiserId}
        left join organiser_systems os on os.cis_id = su.cis_id and os.organiser_id = ${organiserId}
       group by su.provider_id
    ), w as (
      select distinct su.provider_id
        from access_windows aw join service_units su on su.id = aw.service_unit_id
       where aw.organiser_id = ${organiserId} and aw.state <> 'invalidated'
    ), d as (
      select distinct provider_id from outbox_messages
       where organiser_id = ${organiserId} and status = 'sent' and kind in ('batch', 'case_oid')
    ), s as (
      select provider_id, bool_or(service = any(${sql.param(anchors)}::text[])) as anchor
        from organiser_provider_services where organiser_id = ${organiserId} group by provider_id
    ), f as (
      select coalesce(u.oid_submitted, false) as s1,
             coalesce(u.oid_verified, false) as s2,
             coalesce(u.system_tested, false) as s3,
             coalesce(u.kanta_in_use, false) as s4,
             (op.purchased_service and coalesce(s.anchor, false) and coalesce(u.oid_and_tested, false)) as s5,
             w.provider_id is not null as s6,
             d.provider_id is not null as s7
        from organiser_providers op
        left join u on u.provider_id = op.provider_id
        left join w on w.provider_id = op.provider_id
        left join d on d.provider_id = op.provider_id
        left join s on s.provider_id = op.provider_id
       where op.organiser_id = ${organiserId}
    )
    select count(*)::int as invited,
           count(*) filter (where s1)::int as oid_submitted,
           count(*) filter (where s1 and s2)::int as oid_verified,
           count(*) filter (where s1 and s2 and s3)::int as system_tested,
           count(*) filter (where s1 and s2 and s3 and s4)::int as kanta_in_use,
           count(*) filter (where s1 and s2 and s3 and s4 and s5)::int as eligible,
           count(*) filter (where s1 and s2 and s3 and s4 and s5 and s6)::int as access_opened,
           count(*) filter (where s1 and s2 and s3 and s4 and s5 and s6 and s7)::int as delivered
      from f`;
}

async function run(ctx: BenchContext, driver: Driver): Promise<BenchResult> {
  const sizes = scaleSizes(ctx.scale);
  const org = DEMO_ORGANISERS.main;
  const b = await freshDb(ctx, driver);
  try {
    await seedDemo(b.db);
    const seeded = await timed(() =>
      seedScale(b.db, org, sizes, { profile: "mixed", windows: true, clients: false }),
    );
    ctx.log(`dashboard/${driver}: data seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    const staff = await staffActor(b.db);
    const anchors = anchorServices((await currentPolicy(b.db, org)).settings);
    const raw = rawFunnelSql(org, anchors);

    // Warm-up (plans, caches), then alternate the two so that noise hits both alike.
    await readinessDashboard(b.db, staff);
    await b.db.execute(raw);
    const dash: number[] = [];
    const base: number[] = [];
    let last: Awaited<ReturnType<typeof readinessDashboard>> | undefined;
    for (let i = 0; i < ctx.runs; i++) {
      const d = await timed(() => readinessDashboard(b.db, staff));
      dash.push(d.ms);
      last = d.value;
      base.push((await timed(() => b.db.execute(raw))).ms);
    }
    const rawCounts = ((await b.db.execute(raw)) as unknown as { rows: Record<string, number>[] })
      .rows[0]!;
    // The two must count the same providers, or the comparison means nothing.
    if (last!.funnel[0]!.reached !== Number(rawCounts.invited))
      throw new Error("dashboard: the raw aggregate and the dashboard disagree on invited");
    ctx.log(
      `dashboard/${driver}: p50 ${quantile(dash, 0.5).toFixed(0)} ms, raw p50 ${quantile(base, 0.5).toFixed(0)} ms`,
    );
    return {
      bench: "dashboard",
      driver,
      params: { ...sizes, windows: sizes.implementations, runs: ctx.runs },
      figures: [
        ratioFigure(
          {
            name: "dashboard data p50",
            unit: "ms",
            value: quantile(dash, 0.5),
            baseline: quantile(base, 0.5),
            target: "≤ 2× the raw aggregate",
          },
          { maxRatio: 2 },
        ),
        ratioFigure(
          {
            name: "dashboard data p95",
            unit: "ms",
            value: quantile(dash, 0.95),
            baseline: quantile(base, 0.95),
            ...(driver === "pg" ? { target: "< 300 ms on PostgreSQL" } : {}),
          },
          driver === "pg" ? { maxValue: 300 } : undefined,
        ),
      ],
    };
  } finally {
    await b.close();
  }
}

export const dashboard: Benchmark = {
  name: "dashboard",
  drivers: ["pg", "pglite"],
  run: (ctx, driver) => run(ctx, driver as Driver),
};

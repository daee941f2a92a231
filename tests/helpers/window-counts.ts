import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { rowsOf } from "@/db/rows";

type CountRow = {
  organiser_id: string;
  provider_id: string;
  service_task: string;
  windows: number;
  live_windows: number;
};

/** The trigger-kept counts (rows of zeros read as nothing) and the same counted from the windows. */
export async function bothCounts(tx: Executor) {
  const order = sql`order by organiser_id, provider_id, service_task`;
  const kept = rowsOf<CountRow>(
    await tx.execute(sql`
      select organiser_id, provider_id, service_task, windows, live_windows
        from provider_window_tasks where windows <> 0 or live_windows <> 0 ${order}`),
  );
  const direct = rowsOf<CountRow>(
    await tx.execute(sql`
      select * from (
        select w.organiser_id, u.provider_id, w.service_task, count(*)::int as windows,
               (count(*) filter (where w.state <> 'invalidated'))::int as live_windows
          from access_windows w join service_units u on u.id = w.service_unit_id
         group by 1, 2, 3) d ${order}`),
  );
  return { kept, direct };
}

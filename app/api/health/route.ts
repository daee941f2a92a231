import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/**
 * Load balancer health check: public, no data. 200 when the database answers `select 1`
 * within 2 seconds, 503 otherwise. Listed as a public exception in tests/unit/access.test.ts.
 */
export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;

export async function GET(): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
  });
  let ok = false;
  try {
    await Promise.race([getDb().execute(sql`select 1`), timeout]);
    ok = true;
  } catch {
    ok = false;
  } finally {
    clearTimeout(timer);
  }
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

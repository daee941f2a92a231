/**
 * The rows of a raw `db.execute(sql…)` result. Both drivers (node-postgres and PGlite) return
 * `{ rows }`; drizzle types the result loosely, so callers name the row type here, once.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

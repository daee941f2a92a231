/** The changed fields between two versions of a row, as { field: { from, to } } for the audit trail. */
export function changes<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  keys: (keyof T)[],
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of keys) {
    const from = before?.[k] ?? null;
    const to = after[k] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[String(k)] = { from, to };
  }
  return out;
}

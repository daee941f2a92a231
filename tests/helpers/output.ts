import { vi } from "vitest";

/**
 * Captures everything the code under test prints: lib/log's JSON lines (process.stdout) and any
 * stray console or stderr output, so tests can prove what is and is not logged.
 */
export function captureOutput() {
  const lines: string[] = [];
  const push = (chunk: unknown) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString();
    lines.push(...text.split("\n").filter((l) => l !== ""));
  };
  const spies = [
    ...(["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      }),
    ),
    ...[process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
        push(chunk);
        return true;
      }),
    ),
  ];
  return {
    lines,
    /** The lines that are lib/log JSON records. */
    records: () =>
      lines.flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

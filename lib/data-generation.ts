/**
 * A count of the writing requests (POST, PUT, PATCH, DELETE) this process has finished, or
 * been told of by another HTTP worker (scripts/serve.ts). Results kept in memory for a while
 * (lib/readiness/shared.ts) remember the count they were computed at and are not reused once it
 * moved, so someone who has just changed something sees the change on their next page (with
 * several workers, as soon as the notice has passed through the primary: well under a
 * millisecond, but not ordered with the browser's next request). Kept on
 * globalThis under a registered symbol: the server script and the built app load this module
 * separately and must share the one count.
 */
const KEY = Symbol.for("portal.dataGeneration");
type Holder = { [KEY]?: number };

export function dataGeneration(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

export function noteWrite(): void {
  (globalThis as Holder)[KEY] = dataGeneration() + 1;
}

/** The message an HTTP worker sends after a writing request, and the primary passes on. */
export const WRITE_NOTICE = "portal:data-written";

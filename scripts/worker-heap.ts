/**
 * V8 flags for the HTTP workers (ADR 22). A server render allocates many short-lived objects,
 * and with 20 renders in flight V8's default young generation (16 MB semi-spaces) filled many
 * times a second and promoted request data that was about to die into the old generation.
 * With 64 MB semi-spaces the share of a list page's CPU profile spent in GC fell from 10 % to
 * 6 %, for about 100 MB more memory per worker (README "Fifth pass").
 */
export const WORKER_SEMI_SPACE_MB = 64;

/**
 * The workers' execArgv: the primary's own flags, plus the young-generation size unless an
 * operator has already set one on the command line or in NODE_OPTIONS.
 */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = ""): string[] {
  const set = [...execArgv, ...nodeOptions.split(/\s+/)].some((a) =>
    /^--max[-_]semi[-_]space[-_]size\b/.test(a),
  );
  return set ? [...execArgv] : [...execArgv, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`];
}

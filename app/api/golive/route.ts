import { getDb } from "@/db";
import { requireRoute } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit";
import { applyGoLive, planGoLive, type GoLiveProgress } from "@/lib/golive/apply";
import { requestLog } from "@/lib/log";

/** A 300,000-row export is about 50 MB; twice that is room enough. */
const MAX_MB = 100;
const MAX_BYTES = MAX_MB * 1024 * 1024;
/** Progress lines at most this often (the last one of a phase is always sent). */
const PROGRESS_EVERY_MS = 150;

class TooLarge extends Error {}

/** The request body as chunks, read as the parser asks for them; fails beyond MAX_BYTES. */
async function* limited(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > MAX_BYTES) throw new TooLarge();
      yield value;
    }
  } finally {
    // Stops reading an upload that is refused or fails half-way.
    await reader.cancel().catch(() => {});
  }
}

const TYPES = /^(text\/(csv|plain)|application\/(octet-stream|vnd\.ms-excel|csv))\b/;

/**
 * The go-live bulk step. POST the CSV file as the raw request body, `?mode=dry` to check it or
 * `?mode=apply` to open access. The answer is NDJSON, streamed while the file is processed:
 * `{"type":"progress","phase":"read"|"check"|"write","done":n,"total":m}` lines, then one
 * `{"type":"result",...}` (GoLiveResult) or `{"type":"error","error":key}` line.
 */
export async function POST(request: Request) {
  const actor = await requireRoute("/api/golive");
  if (actor instanceof Response) return actor;
  const mode = new URL(request.url).searchParams.get("mode");
  if (mode !== "dry" && mode !== "apply")
    return Response.json({ error: "golive.errors.failed" }, { status: 400 });
  const type = request.headers.get("content-type") ?? "";
  if (type && !TYPES.test(type))
    return Response.json({ error: "golive.errors.wrongType" }, { status: 415 });
  const length = Number(request.headers.get("content-length") ?? "0") || 0;
  if (length > MAX_BYTES)
    return Response.json({ error: "golive.errors.tooLarge", max: MAX_MB }, { status: 413 });
  if (!request.body) return Response.json({ error: "golive.errors.empty" }, { status: 400 });

  const body = limited(request.body);
  // Read while the request is in scope: the stream below outlives the handler.
  const log = await requestLog();
  const fileSize = Number(request.headers.get("x-file-size") ?? "0") || length;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The client went away; the work goes on (an apply still commits or rolls back whole).
        }
      };
      let last = 0;
      let lastPhase = "";
      const onProgress = (p: GoLiveProgress) => {
        const now = Date.now();
        if (p.phase === lastPhase && now - last < PROGRESS_EVERY_MS && p.done < p.total) return;
        last = now;
        lastPhase = p.phase;
        send({ type: "progress", phase: p.phase, done: p.done, total: p.total });
      };
      try {
        const result =
          mode === "dry"
            ? await planGoLive(getDb(), actor, body, { onProgress, totalBytes: fileSize })
            : await applyGoLive(getDb(), actor, body, onProgress, { totalBytes: fileSize });
        // The table shows the first 200 problems; issueCount says how many there are.
        send({ type: "result", ...result, issues: result.issues.slice(0, 200) });
      } catch (e) {
        const error = e instanceof TooLarge ? "golive.errors.tooLarge" : "golive.errors.failed";
        await writeAudit(getDb(), actor, {
          action: mode === "dry" ? "golive.dryRun" : "golive.apply",
          outcome: "failure",
          entityType: "golive",
          details: { error: e instanceof TooLarge ? "too_large" : "unexpected" },
        }).catch(() => {});
        send({ type: "error", error, max: MAX_MB });
        if (!(e instanceof TooLarge)) log.error({ err: String(e) }, "golive failed");
      } finally {
        try {
          controller.close();
        } catch {
          // already closed
        }
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

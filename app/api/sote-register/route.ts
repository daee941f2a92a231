import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { getDb } from "@/db";
import { requireRoute } from "@/lib/auth/actor";
import { importSoteExport } from "@/lib/registry/sote-import";
import { SoteFormatError } from "@/lib/sote/parse";
import { writeAudit } from "@/lib/audit";

/** A full export is ~60 MB; anything far beyond that is not an export. */
const MAX_BYTES = 200 * 1024 * 1024;

/**
 * Upload of THL's SOTE-organisaatiorekisteri export as the raw request body
 * (application/xml), parsed as a stream straight from the socket.
 */
export async function POST(request: Request) {
  const actor = await requireRoute("/api/sote-register");
  if (actor instanceof Response) return actor;
  const type = request.headers.get("content-type") ?? "";
  if (!/^(application|text)\/xml\b/.test(type))
    return Response.json({ error: "register.wrongType" }, { status: 415 });
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BYTES) return Response.json({ error: "register.tooLarge" }, { status: 413 });
  if (!request.body) return Response.json({ error: "register.empty" }, { status: 400 });

  let seen = 0;
  const limited = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>).on(
    "data",
    (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > MAX_BYTES) limited.destroy(new SoteFormatError("file too large", 0));
    },
  );
  const fileName = (request.headers.get("x-file-name") ?? "").slice(0, 200) || null;
  try {
    const result = await importSoteExport(getDb(), actor, limited, fileName);
    return Response.json(result);
  } catch (e) {
    await writeAudit(getDb(), actor, {
      action: "register.import",
      outcome: "failure",
      entityType: "sote_snapshot",
      details: { error: e instanceof SoteFormatError ? e.message.slice(0, 200) : "unexpected" },
    });
    if (e instanceof SoteFormatError)
      return Response.json({ error: "register.badFormat", detail: e.message }, { status: 400 });
    throw e;
  }
}

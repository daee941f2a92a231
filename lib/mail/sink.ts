import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP peer on loopback for demo and tests. It keeps every message's
 * exact bytes as an .eml file, so tests can decrypt what really arrived and
 * the demo mailbox page can show it.
 */
export type MailSink = { port: number; dir: string; close: () => Promise<void> };

export async function startMailSink(opts: { port: number; dir: string }): Promise<MailSink> {
  await mkdir(opts.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "portal mail sink",
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const id = `${Date.now()}-${randomUUID()}`;
        const tmp = path.join(opts.dir, `.${id}.tmp`);
        const final = path.join(opts.dir, `${id}.eml`);
        // Write then rename, so a reader never sees half a message.
        writeFile(tmp, Buffer.concat(chunks))
          .then(() => rename(tmp, final))
          .then(() => callback(null, `Queued as ${id}`))
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    port,
    dir: opts.dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";

export type MailboxItem = {
  id: string;
  to: string;
  from: string;
  subject: string;
  date: Date | null;
  text: string;
};

const ID = /^[0-9]+-[0-9a-f-]{36}$/;

/** Messages received by the demo mail sink, newest first. */
export async function listMailbox(dir: string, limit = 100): Promise<MailboxItem[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  files.sort().reverse();
  return Promise.all(files.slice(0, limit).map((f) => readMail(dir, f.slice(0, -4)))).then(
    (items) => items.filter((i): i is MailboxItem => i !== null),
  );
}

export async function readMail(dir: string, id: string): Promise<MailboxItem | null> {
  if (!ID.test(id)) return null;
  try {
    const raw = await readFile(path.join(dir, `${id}.eml`));
    const parsed = await simpleParser(raw);
    const to = Array.isArray(parsed.to)
      ? parsed.to.map((a) => a.text).join(", ")
      : (parsed.to?.text ?? "");
    return {
      id,
      to,
      from: parsed.from?.text ?? "",
      subject: parsed.subject ?? "",
      date: parsed.date ?? null,
      text: parsed.text ?? "",
    };
  } catch {
    return null;
  }
}

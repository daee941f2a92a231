/**
 * Looks for server secrets in what the browser can download: every built file under
 * .next/static and page HTML. Used by e2e/bundle-secrets.spec.ts on the real build and by
 * tests/unit/secret-scan.test.ts on planted files (so the scan is proven to find them).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Markers of private keys, whatever key they belong to. */
export const KEY_MARKERS = ["PRIVATE KEY", "BEGIN PGP PRIVATE"];

export type Finding = { where: string; secret: string };

/** Labels of the secrets found in `text` (never the secret itself, so reports stay safe). */
export function findSecrets(
  text: string,
  where: string,
  secrets: Record<string, string>,
): Finding[] {
  const found: Finding[] = [];
  for (const [label, value] of Object.entries(secrets)) {
    // Short values would match by chance; every real secret here is long.
    if (value.length < 8) throw new Error(`secret ${label} is too short to search for`);
    if (text.includes(value)) found.push({ where, secret: label });
  }
  for (const marker of KEY_MARKERS) {
    if (text.includes(marker)) found.push({ where, secret: marker });
  }
  return found;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Scans every file under `dir`; returns the findings and how many files were read. */
export async function scanDir(
  dir: string,
  secrets: Record<string, string>,
): Promise<{ files: number; findings: Finding[] }> {
  let files = 0;
  const findings: Finding[] = [];
  for await (const file of filesUnder(dir)) {
    files++;
    // latin1 keeps every byte, so binary files (fonts, images) are searched as well.
    const text = (await readFile(file)).toString("latin1");
    findings.push(...findSecrets(text, path.relative(dir, file), secrets));
  }
  return { files, findings };
}

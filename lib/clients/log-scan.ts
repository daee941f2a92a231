import { CLIENT_FIRST, CLIENT_LAST } from "../../db/seed/demo";
import { validateHetu } from "./hetu";

/**
 * Finds client data in a line of log text: valid identity codes (any century sign, checked with
 * their check character so that OIDs and dates do not match) and the client names used by the
 * demo seed and the test factories. Pure; used by scripts/scan-logs.ts over the captured logs of
 * the whole test run.
 */
const HETU_CANDIDATE = /(?<![0-9A-Za-z])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![0-9A-Za-z])/g;

/** The demo seed's client names (db/seed/demo.ts: demoClientName) and the factories' patterns. */
const NAME_PATTERNS = [
  // Letter lookarounds rather than \b, which is ASCII-only and fails next to "ä" or "ö".
  new RegExp(
    `(?<!\\p{L})(?:${CLIENT_FIRST.join("|")}) (?:${CLIENT_LAST.join("|")})(?!\\p{L})`,
    "u",
  ),
  /Testi Asiakas\d/u,
  /Erkki Eräajo\d/u,
];

export type ClientDataKind = "identity code" | "client name";

export function findClientData(line: string): ClientDataKind[] {
  const found: ClientDataKind[] = [];
  for (const m of line.matchAll(HETU_CANDIDATE)) {
    if (validateHetu(m[0]).ok) found.push("identity code");
  }
  for (const p of NAME_PATTERNS) if (p.test(line)) found.push("client name");
  return found;
}

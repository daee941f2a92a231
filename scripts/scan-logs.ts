/**
 * Searches every log the test run captured (the vitest output with every console and logger line
 * of the unit and integration tests, and the e2e server's whole stdout/stderr) for client data:
 * any valid Finnish identity code and the client names the demo seed and the test factories use.
 * Run by scripts/test.sh after the suites; exits 1 naming the file, line and kind of each hit
 * (never the hit itself, so the scan's own output stays clean).
 *
 * It also fails on next-intl's MISSING_MESSAGE: a page with an untranslated key still renders
 * (the key itself shows), so only the server log tells; the key is printed, it is not client data.
 */
import { existsSync, readFileSync } from "node:fs";
import { findClientData } from "../lib/clients/log-scan";

const files = process.argv.slice(2);
let hits = 0;
let missing = 0;
let scanned = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`scan-logs: ${file} is missing (the suite that writes it did not run)`);
    process.exitCode = 1;
    continue;
  }
  const lines = readFileSync(file, "utf8").split("\n");
  scanned += lines.length;
  lines.forEach((line, i) => {
    for (const kind of findClientData(line)) {
      hits++;
      console.error(`scan-logs: ${file}:${i + 1}: ${kind}`);
    }
    const key = /MISSING_MESSAGE: ([\w.$-]+ \((?:fi|sv|en)\))/.exec(line)?.[1];
    if (key) {
      missing++;
      console.error(`scan-logs: ${file}:${i + 1}: missing translation ${key}`);
    }
  });
}
if (missing > 0) {
  console.error(`scan-logs: ${missing} missing translation(s) in the captured logs`);
  process.exitCode = 1;
}
if (hits > 0) {
  console.error(`scan-logs: client data found ${hits} time(s) in the captured logs`);
  process.exitCode = 1;
} else if (missing === 0) {
  console.log(`scan-logs: ${scanned} log lines in ${files.length} file(s), no client data`);
}

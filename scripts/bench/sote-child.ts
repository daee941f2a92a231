/**
 * One SOTE parse in a process of its own, so that its peak memory (maxRSS) is its own:
 *   tsx scripts/bench/sote-child.ts saxes|portal <file>
 * saxes: the bare streaming parse (counts termitementry elements); portal: lib/sote's parser
 * with every entry checked by verifyAgainstRegister. Prints one JSON line.
 */
import { createReadStream, readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { parseSoteExport } from "../../lib/sote/parse";
import { verifyAgainstRegister } from "../../lib/sote/verify";

async function bare(file: string): Promise<number> {
  const parser = new SaxesParser({ xmlns: false });
  let entries = 0;
  parser.on("opentag", (tag) => {
    if (tag.name === "termitementry") entries++;
  });
  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 });
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();
  return entries;
}

async function portal(file: string): Promise<number> {
  let entries = 0;
  let verified = 0;
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  for await (const batch of parseSoteExport(stream, { batchSize: 1000 })) {
    for (const e of batch) {
      entries++;
      if (verifyAgainstRegister(e.oid, e.businessId ?? "", e).status === "verified") verified++;
    }
  }
  if (verified === 0 && entries > 100) throw new Error("no entry verified: the parse is wrong");
  return entries;
}

/**
 * This process's own peak RSS. Linux carries getrusage's maxRSS over fork and exec, so a child
 * of a 1.3 GB bench process reported 1.3 GB (the whole bench run's PGlite databases) however
 * little it used; VmHWM in /proc/self/status belongs to this process's own address space.
 */
function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage (in kilobytes).
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [mode, file] = process.argv.slice(2);
if ((mode !== "saxes" && mode !== "portal") || !file) {
  console.error("usage: sote-child.ts saxes|portal <file>");
  process.exit(2);
}
const started = performance.now();
const entries = await (mode === "saxes" ? bare(file) : portal(file));
const ms = performance.now() - started;
const maxRssMb = peakRssMb();
console.log(JSON.stringify({ mode, entries, ms, maxRssMb }));

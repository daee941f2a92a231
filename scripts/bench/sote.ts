/**
 * Benchmark 3: the SOTE register import's parse and check (lib/sote/parse.ts, verify.ts) of a
 * generated 100,000-entry export (~60 MB, lib/sote/generate.ts): time and peak memory, against
 * a bare streaming parse of the same file with saxes. Each parse runs in a fresh process of its
 * own (sote-child.ts), so peak RSS is its own; the runs alternate and the median counts.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { writeSyntheticExport } from "../../lib/sote/generate";
import {
  quantile,
  ratioFigure,
  type BenchContext,
  type Benchmark,
  type BenchResult,
} from "./common";

const run = promisify(execFile);

type ChildResult = { mode: string; entries: number; ms: number; maxRssMb: number };

async function child(mode: "saxes" | "portal", file: string): Promise<ChildResult> {
  const script = path.join(import.meta.dirname, "sote-child.ts");
  const { stdout } = await run(process.execPath, ["--import", "tsx", script, mode, file], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildResult;
}

async function soteBench(ctx: BenchContext): Promise<BenchResult> {
  const entries = Math.max(100, Math.round(100_000 * ctx.scale));
  const dir = await mkdtemp(path.join(tmpdir(), "bench-sote-"));
  try {
    const file = path.join(dir, "sote.xml");
    await writeSyntheticExport(file, { entries, seed: 8 });
    const bytes = (await stat(file)).size;
    ctx.log(`sote: ${entries} entries, ${(bytes / 2 ** 20).toFixed(1)} MB`);
    const bare: ChildResult[] = [];
    const portal: ChildResult[] = [];
    const repeats = Math.max(1, Math.min(5, Math.round(ctx.runs / 4)));
    for (let i = 0; i < repeats; i++) {
      bare.push(await child("saxes", file));
      portal.push(await child("portal", file));
    }
    if (portal[0]!.entries !== bare[0]!.entries)
      throw new Error(`sote: ${portal[0]!.entries} entries parsed, saxes saw ${bare[0]!.entries}`);
    const ms = (xs: ChildResult[]) =>
      quantile(
        xs.map((x) => x.ms),
        0.5,
      );
    const rss = (xs: ChildResult[]) => Math.max(...xs.map((x) => x.maxRssMb));
    return {
      bench: "sote",
      driver: "none",
      params: { entries, megabytes: Math.round(bytes / 2 ** 20), repeats },
      figures: [
        ratioFigure(
          {
            name: "parse and check",
            unit: "ms",
            value: ms(portal),
            baseline: ms(bare),
            target: "≤ 3× bare saxes",
          },
          { maxRatio: 3 },
        ),
        ratioFigure(
          {
            name: "peak RSS",
            unit: "MB",
            value: rss(portal),
            baseline: rss(bare),
            target: "< 300 MB",
          },
          { maxValue: 300 },
        ),
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const sote: Benchmark = {
  name: "sote",
  drivers: ["none"],
  run: (ctx) => soteBench(ctx),
};

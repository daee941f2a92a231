import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl in a temp folder on a free
 * loopback port), so a test may stop and start it without touching the machine's shared server.
 * PostgreSQL refuses to run as root: as root, the tools run as the `postgres` OS user.
 */
const BIN = process.env.PG_BIN_DIR ?? newestDebianBinDir() ?? "/usr/lib/postgresql/15/bin";

/** Debian installs each major version under /usr/lib/postgresql/<version>/bin. */
function newestDebianBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, "bin"))[0];
}

export type Cluster = {
  url: string;
  port: number;
  start: () => void;
  stop: () => void;
  destroy: () => void;
};

/** The OS user to run PostgreSQL as, or a reason why no cluster can be made here. */
function runAs(): { user?: string } | { unavailable: string } {
  if (!existsSync(path.join(BIN, "initdb")) || !existsSync(path.join(BIN, "pg_ctl")))
    return { unavailable: `no initdb/pg_ctl in ${BIN} (set PG_BIN_DIR)` };
  if (process.getuid?.() !== 0) return {};
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (id.status !== 0) return { unavailable: "running as root and there is no postgres OS user" };
  if (!existsSync("/usr/sbin/runuser") && !existsSync("/sbin/runuser"))
    return { unavailable: "running as root and runuser is missing" };
  return { user: "postgres" };
}

/** Why an own cluster cannot be started here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  const r = runAs();
  return "unavailable" in r ? r.unavailable : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function createCluster(): Promise<Cluster> {
  const who = runAs();
  if ("unavailable" in who) throw new Error(who.unavailable);
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-pg-"));
  if (who.user) {
    const uid = Number(spawnSync("id", ["-u", who.user], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", who.user], { encoding: "utf8" }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const cmd = who.user
      ? ["runuser", "-u", who.user, "--", path.join(BIN, tool), ...args]
      : [path.join(BIN, tool), ...args];
    const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8", cwd: dir });
    if (r.status !== 0)
      throw new Error(`${tool} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  };
  const data = path.join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  // Loopback only, the socket in our own folder; durability does not matter for a test.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () =>
      run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "start"]),
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

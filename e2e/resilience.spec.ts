import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { closeClient, openClient, wrap } from "@/db";
import { migrateDb } from "@/db/migrate";
import { contactPeople, organisers, outboxMessages, providers } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo";
import { expectAccessible, signInAs, visit } from "./support/fixtures";
import { clusterUnavailable, createCluster, freePort } from "./support/pg-cluster";
import { startPortal, type PortalProcess } from "./support/portal-process";

/*
 * Each test runs a portal process of its own (own ports, own database), since it stops the
 * database under it or stops the process itself; the shared e2e server is not involved.
 */
test.describe.configure({ timeout: 240_000 });

/** Exit code 0 after SIGTERM; otherwise the failure shows the portal's log (what the stop waited on). */
async function expectExitedCleanly(portal: PortalProcess) {
  const code = await portal.exited;
  expect(code, `the portal exited with ${code}; its output:\n${portal.output()}`).toBe(0);
}

/** What a failed response must never carry: SQL, driver errors, stack frames. */
const LEAKS = [/Failed query/i, /select "/i, /ECONNREFUSED/, /57P01/, /\bat .+:\d+:\d+\)/];

test("the portal survives a PostgreSQL restart: health 503 and the error page while it is down, everything back afterwards without restarting the app; SIGTERM lets a request in flight finish", async ({
  browser,
}) => {
  const unavailable = clusterUnavailable();
  test.skip(
    unavailable !== undefined,
    `cannot start a PostgreSQL cluster of its own: ${unavailable}`,
  );
  const cluster = await createCluster();
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-restart-"));
  const port = await freePort();
  const portal = startPortal("scripts/demo.ts", ["--no-build"], {
    PORT: String(port),
    MAIL_SINK_PORT: String(await freePort()),
    MAIL_SINK_DIR: path.join(dir, "mail"),
    DATABASE_URL: cluster.url,
  });
  const base = `http://localhost:${port}`;
  const context = await browser.newContext({
    baseURL: base,
    locale: "fi-FI",
    timezoneId: "Europe/Helsinki",
  });
  try {
    await portal.waitFor(/is running: http:\/\/localhost:\d+/);
    const page = await context.newPage();
    await signInAs(page, DEMO_USERS.caseworker);
    await visit(page, "/cases");
    await expect(page.getByRole("heading", { level: 1, name: "Asiat" })).toBeVisible();

    cluster.stop();

    const down = await fetch(`${base}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });

    const failed = await page.goto("/cases");
    expect(failed?.status()).toBe(500);
    const body = await failed!.text();
    for (const leak of LEAKS) expect(body).not.toMatch(leak);
    await expect(page.getByRole("heading", { level: 1, name: "Jotain meni vikaan" })).toBeVisible();
    await expectAccessible(page, "error page while the database is down");
    expect(portal.child.exitCode).toBeNull();

    cluster.start();

    // The pool reconnects by itself: poll until the next request gets a fresh connection.
    await expect
      .poll(async () => (await fetch(`${base}/api/health`)).status, { timeout: 30_000 })
      .toBe(200);
    const again = await visit(page, "/cases");
    expect(again?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Asiat" })).toBeVisible();
    // The same process served all of it, and lost no session.
    expect(portal.child.exitCode).toBeNull();
    expect(portal.output()).not.toMatch(/uncaughtException|unhandledRejection/i);

    // Graceful stop with a request in flight: a lock on users holds the page's query until
    // after SIGTERM; the request still gets its page, and the process exits 0.
    const locker = new pg.Client({ connectionString: cluster.url });
    await locker.connect();
    try {
      await locker.query("begin");
      await locker.query("lock table users in access exclusive mode");
      const inFlight = context.request.get("/cases");
      await expect
        .poll(async () => {
          const r = await locker.query<{ n: number }>(
            "select count(*)::int as n from pg_locks where not granted",
          );
          return r.rows[0]!.n;
        })
        .toBeGreaterThan(0);
      portal.child.kill("SIGTERM");
      await portal.waitFor(/"shutting down"/);
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
      await locker.query("commit");
      const finished = await inFlight;
      expect(finished.status()).toBe(200);
      expect(await finished.text()).toContain("Asiat");
    } finally {
      await locker.end();
    }
    await expectExitedCleanly(portal);
  } finally {
    await context.close();
    await portal.stop();
    cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm start on PostgreSQL serves from WEB_CONCURRENCY worker processes: a worker that dies is replaced, and SIGTERM stops them all", async () => {
  // No skip: the workers need PostgreSQL, and CI has it. createCluster says why when it cannot.
  const cluster = await createCluster();
  const port = await freePort();
  const portal = startPortal("scripts/start.ts", [], {
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: cluster.url,
    WEB_CONCURRENCY: "2",
    AUTH_SECRET: "workers-test-secret-workers-test-secret",
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    DEMO_MODE: "false",
  });
  const base = `http://localhost:${port}`;
  const workers = () => workerPids(portal.child.pid!);
  try {
    await portal.waitFor(/portal listening/);
    expect(portal.output()).toMatch(/"workers":2/);
    expect(workers()).toHaveLength(2);
    const frontPage = async () => {
      const r = await fetch(`${base}/`);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('<html lang="fi"');
    };
    for (let i = 0; i < 6; i++) await frontPage();

    const [first] = workers();
    process.kill(first!, "SIGKILL");
    await portal.waitFor(/HTTP worker exited; starting another/);
    await portal.waitFor(/HTTP worker replaced/);
    expect(workers().filter((p) => p !== first)).toHaveLength(2);
    for (let i = 0; i < 6; i++) await frontPage();

    // Stopping while a replacement is still starting: it is killed, not waited for.
    const [second] = workers();
    process.kill(second!, "SIGKILL");
    await portal.waitFor(
      /HTTP worker exited; starting another[\s\S]*HTTP worker exited; starting another/,
    );
    await expect.poll(() => workers().filter((p) => p !== second).length).toBe(2);
    const before = workers();
    portal.child.kill("SIGTERM");
    await expectExitedCleanly(portal);
    expect(portal.output()).toContain('"shut down"');
    for (const pid of before) expect(alive(pid), `worker ${pid} still runs`).toBe(false);
  } finally {
    await portal.stop();
    cluster.destroy();
  }
});

/** The HTTP workers among the processes whose parent is `pid` (Linux /proc). */
function workerPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parent === pid && readFileSync(`/proc/${d}/cmdline`, "utf8").includes("http-worker");
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An SMTP peer on loopback that holds its answer to DATA until release() is called. */
async function startSlowPeer() {
  const received: Buffer[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let onDataStarted!: () => void;
  const dataStarted = new Promise<void>((r) => (onDataStarted = r));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        onDataStarted();
        void released.then(() => {
          received.push(Buffer.concat(chunks));
          callback(null, "Queued after a delay");
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    received,
    dataStarted,
    release,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

test("SIGTERM while the outbox is sending: the message is finished and recorded sent, delivered once, and the process exits 0", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-shutdown-"));
  const pgliteDir = path.join(dir, "pglite");
  const peer = await startSlowPeer();
  // A database with one queued message, prepared before the server owns the folder (ADR 2).
  const setup = openClient({ pgliteDir });
  let messageId = "";
  try {
    await migrateDb(setup);
    const db = wrap(setup);
    const [org] = await db
      .insert(organisers)
      .values({ code: "shutdown-test", nameFi: "Testi", nameSv: "Test", nameEn: "Test" })
      .returning();
    const [provider] = await db
      .insert(providers)
      .values({ name: "Sammutus Oy", businessId: "0000000-0" })
      .returning();
    const [contact] = await db
      .insert(contactPeople)
      .values({ providerId: provider!.id, name: "Vastaanottaja", email: "to@sammutus.example" })
      .returning();
    const [queued] = await db
      .insert(outboxMessages)
      .values({
        organiserId: org!.id,
        kind: "case_oid",
        providerId: provider!.id,
        contactId: contact!.id,
        recipient: contact!.email,
        method: "pickup",
        messageId: "<shutdown-test@portal.example>",
        requestKey: "shutdown-test",
        subject: "Shutdown test",
        raw: [
          "From: portal@hyvinvointialue.example",
          "To: to@sammutus.example",
          "Subject: Shutdown test",
          "Message-ID: <shutdown-test@portal.example>",
          "",
          "Sent while the server stops.",
          "",
        ].join("\r\n"),
      })
      .returning();
    messageId = queued!.id;
  } finally {
    await closeClient(setup);
  }

  const port = await freePort();
  const portal = startPortal("scripts/start.ts", [], {
    NODE_ENV: "production",
    PORT: String(port),
    PGLITE_DIR: pgliteDir,
    AUTH_SECRET: "shutdown-test-secret-shutdown-test-secret",
    SMTP_URL: `smtp://127.0.0.1:${peer.port}`,
    DEMO_MODE: "false",
    OUTBOX_WORKER: "inline",
  });
  try {
    // The worker claims the message at start; the peer now holds it mid-DATA.
    await Promise.all([portal.waitFor(/portal listening/), peer.dataStarted]);
    expect(peer.received).toHaveLength(0);

    portal.child.kill("SIGTERM");
    await portal.waitFor(/"shutting down"/);
    // No new connections while the message is still on the wire.
    await expect(fetch(`http://localhost:${port}/api/health`)).rejects.toThrow();
    expect(portal.child.exitCode).toBeNull();

    peer.release();
    await expectExitedCleanly(portal);
    expect(portal.output()).toContain('"shut down"');
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]!.toString()).toContain("Sent while the server stops.");
  } finally {
    peer.release();
    await portal.stop();
    await peer.close();
  }

  const after = openClient({ pgliteDir });
  try {
    const [row] = await wrap(after)
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, messageId));
    expect(row).toMatchObject({ status: "sent", attempts: 1, lockedAt: null });
    expect(row!.smtpResponse).toContain("Queued after a delay");
  } finally {
    await closeClient(after);
    rmSync(dir, { recursive: true, force: true });
  }
});

import { eq } from "drizzle-orm";
import { closeClient, openClient, wrap, type Db, type Executor, type RawClient } from "../../db";
import { users } from "../../db/schema";
import type { AuditActor } from "../../lib/audit";
import { migrateDb } from "../../db/migrate";

/**
 * A real database for integration tests: the PostgreSQL server named by
 * TEST_DATABASE_URL (through pg), or else an in-memory PGlite, migrated.
 */
export async function openTestDb(): Promise<{
  db: Db;
  client: RawClient;
  driver: string;
  close: () => Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL;
  const client = openClient(url ? { databaseUrl: url } : { pgliteDir: "memory://" });
  if (!url) await migrateDb(client);
  return { db: wrap(client), client, driver: client.kind, close: () => closeClient(client) };
}

class Rollback extends Error {}

/** Runs fn inside a transaction that is always rolled back: tests leave nothing behind. */
export async function withRollback(db: Db, fn: (tx: Executor) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
}

/** The actor as the data layer sees a seeded user (role and scope from the database). */
export async function actorOf(db: Executor, id: string): Promise<AuditActor> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new Error(`no user ${id}`);
  return { userId: u.id, role: u.role, organiserId: u.organiserId, providerId: u.providerId };
}

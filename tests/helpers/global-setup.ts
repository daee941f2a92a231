import { closeClient, openClient } from "../../db";
import { migrateDb } from "../../db/migrate";

/** With TEST_DATABASE_URL (a throwaway PostgreSQL database), migrate it once for the run. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = openClient({ databaseUrl: url });
  await migrateDb(client);
  await closeClient(client);
}

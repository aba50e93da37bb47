// A throwaway database that plays the role of Prisma's shadow database: the
// existing migration scripts are run there (without bookkeeping), so the engine can
// describe what they produce. Created on an existing server and always dropped.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { MigrationError } from "@/lib/migrations/errors";
import type { MigrationList } from "@prisma/schema-engine-wasm";

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a database next to serverUrl's, runs work with its URL, then drops it. */
export async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `medvault_migration_scratch_${randomBytes(6).toString("hex")}`;
  try {
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    throw new MigrationError(
      `Creating a migration needs a Postgres server where a scratch database can be created; ` +
        `${redact(serverUrl)} refused: ${(error as Error).message}. Pass a real server (--scratch-url postgresql://...).`,
    );
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    // A server that ignores the database name (PGlite serves a single database)
    // would otherwise have us run the migrations into the database itself.
    const current = await onServer(url.toString(), (client) => client.query("SELECT current_database() AS db"));
    if (current.rows[0]?.db !== name) {
      throw new MigrationError(
        `${redact(serverUrl)} does not serve separate databases (connected to "${current.rows[0]?.db}"), ` +
          `so it cannot hold a scratch database. Pass a real Postgres server (--scratch-url postgresql://...).`,
      );
    }
    return await work(url.toString());
  } finally {
    // FORCE (Postgres 13+): a backend still closing must not leave the database behind.
    await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => undefined);
  }
}

/** Runs each migration script as one statement batch, in order, as a shadow database would. */
export async function runMigrationScripts(databaseUrl: string, list: MigrationList) {
  await onServer(databaseUrl, async (client) => {
    for (const directory of list.migrationDirectories) {
      const content = directory.migrationFile.content;
      if (content.tag === "error") {
        throw new MigrationError(`Migration ${directory.path} cannot be read: ${content.value}`, directory.path);
      }
      try {
        await client.query(content.value);
      } catch (error) {
        const detail = (error as Error).message;
        throw new MigrationError(
          `Migration ${directory.path} fails on an empty database: ${detail}`,
          directory.path,
          detail,
        );
      }
    }
  });
}

/** The URL without its password, for messages. */
function redact(databaseUrl: string) {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "the database server";
  }
}

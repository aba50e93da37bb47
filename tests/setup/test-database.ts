// Database-per-run: every `npm test` (and any test that needs a pristine
// database, e.g. the migration tests) creates a uniquely named database on the
// local Postgres server and drops it afterwards, so runs and engineers never
// collide and no run depends on what an earlier one left behind.
import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** Names we create start with this, so leftovers are recognisable and guards can check. */
export const TEST_DATABASE_PREFIX = "medvault_test_";

/** The server used when neither TEST_DATABASE_ADMIN_URL nor DATABASE_URL says otherwise. */
export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh, valid, unique database name (lower case: Postgres folds unquoted names). */
export function uniqueTestDatabaseName(label = ""): string {
  const suffix = `${Date.now()}_${randomBytes(4).toString("hex")}`;
  return `${TEST_DATABASE_PREFIX}${label ? `${label}_` : ""}${suffix}`.toLowerCase().slice(0, 63);
}

/** The same server and credentials as `url`, pointed at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function isTestDatabaseUrl(url: string): boolean {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)).startsWith(TEST_DATABASE_PREFIX);
  } catch {
    return false;
  }
}

/** Identifiers cannot be bound as parameters; our names are generated, but check anyway. */
function quoteIdentifier(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing unusual database name: ${name}`);
  return `"${name}"`;
}

async function onAdmin<T>(adminUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its connection URL. */
export async function createTestDatabase(options: { adminUrl: string; label?: string }): Promise<{ name: string; url: string }> {
  const name = uniqueTestDatabaseName(options.label);
  await onAdmin(options.adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return { name, url: withDatabase(options.adminUrl, name) };
}

/** Drops a test database even if pools still hold connections to it (Postgres 13+). */
export async function dropTestDatabase(options: { adminUrl: string; name: string }): Promise<void> {
  if (!options.name.startsWith(TEST_DATABASE_PREFIX)) throw new Error(`Not a test database: ${options.name}`);
  await onAdmin(options.adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(options.name)} WITH (FORCE)`),
  );
}

/**
 * Drops test databases left behind by runs that were killed outright (kill -9,
 * a closed laptop). Only old ones: other engineers' runs may be live right now.
 */
export async function dropStaleTestDatabases(options: { adminUrl: string; olderThanMs: number }): Promise<string[]> {
  const cutoff = Date.now() - options.olderThanMs;
  const rows = await onAdmin(options.adminUrl, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DATABASE_PREFIX}%`]),
  );
  const stale = rows.rows
    .map((row) => row.datname)
    .filter((name) => {
      const createdAt = Number(/_(\d{13})_[0-9a-f]{8}$/.exec(name)?.[1]);
      return Number.isFinite(createdAt) && createdAt < cutoff;
    });
  for (const name of stale) await dropTestDatabase({ adminUrl: options.adminUrl, name });
  return stale;
}

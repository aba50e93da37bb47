// The services a test run needs, made fresh for that run: a migrated database
// of its own on the Postgres server and an Azurite on a free port with a temp
// data dir. Each is registered with the run's Cleanup as soon as it exists.
import { BlobServiceClient } from "@azure/storage-blob";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Cleanup } from "./cleanup";
import { createTestDatabase, dropStaleTestDatabases, dropTestDatabase } from "./test-database";

export type TestStack = { databaseUrl: string; azureStorageConnectionString: string };

// Runs killed outright cannot clean up; a day later their databases are fair game.
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export async function startTestStack(options: {
  adminUrl: string;
  /** The blob container the app uses (AZURE_STORAGE_CONTAINER). */
  container: string;
  cleanup: Cleanup;
  log: (line: string) => void;
}): Promise<TestStack> {
  const { adminUrl, cleanup, log } = options;

  const stale = await dropStaleTestDatabases({ adminUrl, olderThanMs: STALE_AFTER_MS });
  if (stale.length) log(`Dropped ${stale.length} stale test database(s) from killed runs.`);

  const databaseUrl = await createMigratedDatabase({ adminUrl, cleanup, log });

  const dataDir = await mkdtemp(path.join(tmpdir(), "medvault-azurite-"));
  cleanup.add(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  const { startAzurite } = await import("../../lib/devstack/azurite");
  const azurite = await startAzurite({ dataDir, blobPort: 0, host: "127.0.0.1" });
  cleanup.add("stop Azurite", () => azurite.stop());
  // Provisioned like a deployment's storage account is: the app expects its container.
  await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(options.container).createIfNotExists();
  log(`Azurite listening at ${azurite.blobEndpoint} with container ${options.container}.`);

  return { databaseUrl, azureStorageConnectionString: azurite.connectionString };
}

/** A new database with every migration applied, dropped by the run's Cleanup. */
export async function createMigratedDatabase(options: { adminUrl: string; cleanup: Cleanup; log: (line: string) => void; label?: string }): Promise<string> {
  const { adminUrl, cleanup, log } = options;
  const database = await createTestDatabase({ adminUrl, label: options.label });
  cleanup.add(`drop database ${database.name}`, () => dropTestDatabase({ adminUrl, name: database.name }));
  log(`Created database ${database.name}.`);

  // Imported lazily: only runs that need a database pay for loading the wasm engine.
  const { applyMigrations } = await import("../../lib/migrations/apply-migrations");
  const { applied } = await applyMigrations({ databaseUrl: database.url, log: (line) => log(`  ${line}`) });
  log(`Applied ${applied.length} migration(s).`);
  return database.url;
}

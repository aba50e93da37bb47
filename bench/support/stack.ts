// The services a benchmark needs, made for that run alone and removed at the
// end: a migrated throwaway database on the local Postgres, and Azurite in a
// process of its own (so storage work does not share the event loop with the
// client being measured). Tooling, not app code.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitForPort } from "../../lib/devstack/ports";
import { EMBEDDED } from "../../lib/env";
import { parseConnectionString } from "../../lib/storage/connection-string";
import type { Cleanup } from "../../tests/setup/cleanup";
import { freePort } from "../../tests/setup/free-port";
import { createTestDatabase, DEFAULT_ADMIN_URL, dropTestDatabase, withDatabase } from "../../tests/setup/test-database";

export interface BenchStack {
  databaseUrl: string;
  azureStorageConnectionString: string;
}

export function benchAdminUrl(): string {
  if (process.env.TEST_DATABASE_ADMIN_URL) return process.env.TEST_DATABASE_ADMIN_URL;
  if (process.env.DATABASE_URL) return withDatabase(process.env.DATABASE_URL, "postgres");
  return DEFAULT_ADMIN_URL;
}

export async function startBenchStack(options: { cleanup: Cleanup; label: string }): Promise<BenchStack> {
  const { cleanup } = options;
  const adminUrl = benchAdminUrl();
  const database = await createTestDatabase({ adminUrl, label: options.label });
  cleanup.add(`drop database ${database.name}`, () => dropTestDatabase({ adminUrl, name: database.name }));
  const { applyMigrations } = await import("../../lib/migrations/apply-migrations");
  await applyMigrations({ databaseUrl: database.url, log: () => undefined });

  const dataDir = await mkdtemp(path.join(tmpdir(), "medvault-bench-azurite-"));
  cleanup.add("remove the Azurite data", () => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const azurite = spawn(
    process.execPath,
    [require.resolve("azurite/dist/src/blob/main.js"), "--blobHost", "127.0.0.1", "--blobPort", String(port), "--location", dataDir, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => azurite.once("exit", () => resolve()));
  cleanup.add("stop Azurite", async () => {
    if (azurite.exitCode === null && azurite.signalCode === null) azurite.kill("SIGTERM");
    await exited;
  });
  await waitForPort({ host: "127.0.0.1", port });

  // Azurite's public development account; the key is documented, not a secret.
  const { accountName, accountKey } = parseConnectionString(EMBEDDED.azuriteConnectionString);
  const azureStorageConnectionString =
    `DefaultEndpointsProtocol=http;AccountName=${accountName};AccountKey=${accountKey};BlobEndpoint=http://127.0.0.1:${port}/${accountName};`;
  return { databaseUrl: database.url, azureStorageConnectionString };
}

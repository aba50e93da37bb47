// `npm run dev` (and `npm start` = this with --production): starts everything the
// app needs with zero configuration, then Next on top, and stops it all on Ctrl-C.
//   Postgres  DATABASE_URL if set, else embedded PGlite on 127.0.0.1:54329
//   Blobs     AZURE_STORAGE_CONNECTION_STRING if set, else Azurite on 127.0.0.1:10000
//   Secrets   AUTH_SECRET / ENCRYPTION_KEY if set, else generated once into .data/secrets.json
// then: blob container + CORS, migrations, demo accounts, `next dev` / `next start`.
//
// This launcher reads process.env directly (the app itself only via lib/env.ts):
// it has to know what the user set, to fill in the rest, before env() parses it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { constants as osConstants } from "node:os";
import { join, relative } from "node:path";
import { EMBEDDED, env, InvalidEnvironmentError } from "@/lib/env";
import { startBanner } from "@/lib/devstack/banner";
import { ensurePortFree, PortInUseError, waitForPort } from "@/lib/devstack/ports";
import { resolveSecrets } from "@/lib/devstack/secrets";
import { MigrationError } from "@/lib/migrations/errors";
import type { DemoAccount } from "@/prisma/seed";

const production = process.argv.includes("--production");
// npm runs scripts from the package root.
const root = process.cwd();
const dataDir = join(root, ".data");
const log = (line: string) => console.log(`[medvault] ${line}`);

// Stop steps in start order; run in reverse on the way out.
const stopSteps: Array<{ name: string; stop: () => Promise<void> }> = [];
let next: ChildProcess | undefined;
let exiting: Promise<never> | undefined;

async function main() {
  if (production && !existsSync(join(root, ".next", "BUILD_ID"))) {
    console.error("No production build found. Run `npm run build` first, then `npm start`.");
    process.exit(1);
  }

  // Owner-only: the folder will hold medical data (database files, uploads) and secrets.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700); // also for a folder made by an earlier version or by hand

  const user = process.env;
  const appPort = Number(user.PORT || 3000);
  const appUrl = user.APP_URL || `http://localhost:${appPort}`;
  const embeddedDatabase = !user.DATABASE_URL;
  const embeddedStorage = !user.AZURE_STORAGE_CONNECTION_STRING;
  const embeddedPgPort = Number(new URL(EMBEDDED.databaseUrl).port);

  // Check every port before starting anything, so a refusal leaves nothing behind.
  await ensurePortFree({ port: appPort, service: "the MedVault app", remedy: `pick another port, e.g. \`PORT=${appPort + 1} npm run ${production ? "start" : "dev"}\`` });
  if (embeddedDatabase) {
    await ensurePortFree({ port: embeddedPgPort, host: "127.0.0.1", service: "embedded Postgres", remedy: "set DATABASE_URL to use a Postgres server of your own" });
  }
  if (embeddedStorage) {
    await ensurePortFree({ port: EMBEDDED.azuriteBlobPort, host: "127.0.0.1", service: "embedded Azurite", remedy: "set AZURE_STORAGE_CONNECTION_STRING to use a storage account of your own" });
  }

  let databaseUrl = user.DATABASE_URL ?? "";
  if (embeddedDatabase) {
    const { startEmbeddedPostgres } = await import("@/lib/devstack/postgres");
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite"), port: embeddedPgPort });
    stopSteps.push({ name: "Postgres", stop: postgres.stop });
    databaseUrl = postgres.databaseUrl;
    log(`Postgres: embedded PGlite at ${databaseUrl}`);
  } else {
    log("Postgres: DATABASE_URL (yours)"); // never printed: it may hold a password
  }

  let storageConnectionString = user.AZURE_STORAGE_CONNECTION_STRING ?? "";
  if (embeddedStorage) {
    const { startAzurite } = await import("@/lib/devstack/azurite");
    const azurite = await startAzurite({ dataDir: join(dataDir, "azurite"), blobPort: EMBEDDED.azuriteBlobPort });
    stopSteps.push({ name: "Azurite", stop: azurite.stop });
    storageConnectionString = azurite.connectionString;
    log(`Blob storage: embedded Azurite at ${azurite.blobEndpoint}`);
  } else {
    log("Blob storage: AZURE_STORAGE_CONNECTION_STRING (yours)");
  }

  // Generated secrets are used in development too, so data encrypted during
  // `npm run dev` stays readable in `npm start` (both share .data/).
  const secrets = await resolveSecrets(dataDir, { AUTH_SECRET: user.AUTH_SECRET, ENCRYPTION_KEY: user.ENCRYPTION_KEY });
  Object.assign(process.env, {
    NODE_ENV: production ? "production" : "development",
    DATABASE_URL: databaseUrl,
    AZURE_STORAGE_CONNECTION_STRING: storageConnectionString,
    APP_URL: appUrl,
    ...secrets,
  });
  const settings = env(); // validates the complete set now, the same way the app will

  const { prepareBlobStorage } = await import("@/lib/storage/prepare-blob-storage");
  await prepareBlobStorage({ connectionString: storageConnectionString, container: settings.AZURE_STORAGE_CONTAINER, appOrigin: new URL(appUrl).origin, log });

  const { applyMigrations } = await import("@/lib/migrations/apply-migrations");
  const { applied } = await applyMigrations({ databaseUrl, migrationsDir: join(root, "prisma", "migrations"), log });
  log(applied.length > 0 ? `Migrations applied: ${applied.join(", ")}` : "Migrations: database is up to date");

  // Demo accounts with a printed password: never in a database the user
  // brought for production, only in development or the embedded local try.
  let demoAccounts: DemoAccount[] = [];
  if (!production || embeddedDatabase) {
    const [{ db }, { seedDemoAccounts }] = await Promise.all([import("@/lib/db"), import("@/prisma/seed")]);
    try {
      demoAccounts = await seedDemoAccounts(db);
    } finally {
      await db.$disconnect();
    }
  }

  // --- job worker (lib/jobs) -------------------------------------------------
  // Runs in this process, which has the database settings; a stop step pushed
  // after Postgres runs before it on the way out (steps stop in reverse).
  if (!exiting) {
    const [{ startWorker }, { db }] = await Promise.all([import("@/lib/jobs/worker"), import("@/lib/db")]);
    const worker = startWorker({ concurrency: settings.WORKER_CONCURRENCY, pollIntervalMs: settings.WORKER_POLL_INTERVAL_MS });
    stopSteps.push({ name: "Job worker", stop: () => worker.stop().finally(() => db.$disconnect()) });
    log(`Job worker: ${settings.WORKER_CONCURRENCY} at a time`);
  }
  // --- end job worker ----------------------------------------------------------

  if (exiting) return; // Ctrl-C arrived while starting
  next = startNext(appPort);
  next.once("exit", (code, signal) => {
    next = undefined;
    void exit(code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 1));
  });

  // The banner comes after Next's own start-up lines, so it is the last thing on screen.
  const answered = await waitForPort({ port: appPort, host: "localhost", timeoutMs: 120_000 }).then(() => true, () => false);
  if (next && answered) {
    const shownDataDir = embeddedDatabase || embeddedStorage ? relative(root, dataDir) : undefined;
    console.log(`\n${startBanner({ appUrl, mode: production ? "production" : "development", demoAccounts, dataDir: shownDataDir })}\n`);
  }
}

function startNext(port: number): ChildProcess {
  // Production goes through lib/cli/next-cluster.mjs: WEB_CONCURRENCY app processes on one port (1 by default).
  const entry = production ? join(root, "lib", "cli", "next-cluster.mjs") : createRequire(join(root, "package.json")).resolve("next/dist/bin/next");
  // A plain node for Next: the launcher's --import tsx / wasm flags are not passed on.
  return spawn(process.execPath, [entry, production ? "start" : "dev", "--port", String(port)], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(port),
      // Auth.js refuses requests in production unless the host is trusted; the
      // local try serves only the APP_URL the launcher itself configured.
      ...(production && !process.env.AUTH_TRUST_HOST ? { AUTH_TRUST_HOST: "true" } : {}),
    },
  });
}

/** Stops Next (if running) and then every service, once; exits with `code`. */
function exit(code: number): Promise<never> {
  exiting ??= (async () => {
    if (next) await stopNext(next);
    for (const step of stopSteps.reverse()) {
      try {
        await step.stop();
      } catch (error) {
        console.error(`[medvault] Stopping ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(code);
  })();
  return exiting;
}

async function stopNext(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

let stopRequests = 0;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopRequests += 1;
    if (exiting) return; // services are already stopping
    if (!next) {
      log("Stopping…");
      void exit(128 + osConstants.signals[signal]);
    } else if (stopRequests === 1) {
      // Next's exit handler then stops the services and mirrors its exit code.
      log("Stopping…");
      void stopNext(next);
    } else {
      next.kill("SIGKILL"); // a second Ctrl-C: do not wait for Next any longer
    }
  });
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError || error instanceof InvalidEnvironmentError || error instanceof MigrationError) {
    console.error(error.message);
  } else {
    // The stack, not the whole object: driver errors can carry connection details.
    console.error(`[medvault] Start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  void exit(1);
});

// Applies pending migrations from prisma/migrations with Prisma's own schema engine
// (wasm build, no downloaded binary). The engine keeps `_prisma_migrations` exactly
// as `prisma migrate deploy` does: same checksums, a failed migration stays recorded
// with finished_at NULL and its error in `logs`, and later runs refuse to continue
// past it (Prisma's P3009), on both tools.
import type pg from "pg";
import { engineErrorText, MigrationError } from "@/lib/migrations/errors";
import { findFailedMigrations } from "@/lib/migrations/failed-migrations";
import { defaultMigrationsDir, readMigrationList } from "@/lib/migrations/migrations-dir";
import { withSchemaEngine } from "@/lib/migrations/with-schema-engine";

export type ApplyMigrationsOptions = {
  databaseUrl: string;
  /** Defaults to <repo>/prisma/migrations. */
  migrationsDir?: string;
  log?: (line: string) => void;
};

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationList(options.migrationsDir ?? defaultMigrationsDir());
  const log = options.log ?? (() => undefined);
  return withSchemaEngine(
    {
      databaseUrl: options.databaseUrl,
      onLog: (line) => {
        const name = /^Applying `(.+)`$/.exec(line.fields?.message ?? "")?.[1];
        if (name) log(`Applying migration ${name}`);
      },
    },
    async (engine, session) => {
      try {
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
        return { applied: appliedMigrationNames };
      } catch (error) {
        throw await explainFailure(session, error);
      }
    },
  ).catch((error: unknown) => {
    // Failures before any migration ran: unreachable database, unreadable engine.
    if (error instanceof MigrationError) throw error;
    const detail = engineErrorText(error);
    throw new MigrationError(`Could not apply migrations: ${detail}`, undefined, detail);
  });
}

/** Names the migration to blame, read back from the bookkeeping the engine just wrote. */
async function explainFailure(session: pg.Pool, error: unknown): Promise<MigrationError> {
  const detail = engineErrorText(error);
  const failed = await findFailedMigrations(session).catch(() => []);
  const culprit = failed[0];
  if (!culprit) return new MigrationError(`Could not apply migrations: ${detail}`, undefined, detail);

  const failedNow = (error as { code?: string }).code !== "P3009";
  const databaseError = failedNow ? detail : culprit.logs ? engineErrorText(culprit.logs) : detail;
  const what = failedNow ? "failed" : "failed in an earlier run";
  return new MigrationError(
    `Migration ${culprit.name} ${what}: ${databaseError}\n` +
      `It is recorded as failed in _prisma_migrations, so no later migration is applied until it is resolved. ` +
      `Postgres ran its script as one transaction, so none of it took effect unless the script commits on its own. ` +
      `Fix the migration or the database, then mark it rolled back ` +
      `(npm run db:migrate -- --rolled-back ${culprit.name}, or prisma migrate resolve --rolled-back ${culprit.name}) and run again.`,
    culprit.name,
    databaseError,
  );
}

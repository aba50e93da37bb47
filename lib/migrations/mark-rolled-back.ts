// The `prisma migrate resolve --rolled-back` step without the Prisma binary: marks
// a failed migration rolled back so the next run retries it (after it was fixed).
import { engineErrorText, MigrationError } from "@/lib/migrations/errors";
import { withSchemaEngine } from "@/lib/migrations/with-schema-engine";

export async function markMigrationRolledBack(options: { databaseUrl: string; migrationName: string }) {
  try {
    await withSchemaEngine({ databaseUrl: options.databaseUrl }, (engine) =>
      engine.markMigrationRolledBack({ migrationName: options.migrationName }),
    );
  } catch (error) {
    const detail = engineErrorText(error);
    throw new MigrationError(`Could not mark ${options.migrationName} rolled back: ${detail}`, options.migrationName, detail);
  }
}

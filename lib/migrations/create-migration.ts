// Writes the next migration: the SQL that takes a database from what the existing
// migrations produce to what prisma/schema.prisma describes. Prisma's own
// `migrate dev` does this with a shadow database, which the wasm engine cannot
// create; so we make a scratch database ourselves, run the existing scripts there,
// and let the engine diff that live database against the schema. Diffing the real
// result (not an earlier schema file) keeps hand-written SQL in older migrations
// (extensions, triggers, indexes Prisma cannot express) from being re-generated or
// silently dropped.
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { engineErrorText, MigrationError } from "@/lib/migrations/errors";
import { migrationDirectoryName, ZMigrationNameSchema } from "@/lib/migrations/migration-name";
import { defaultMigrationsDir, defaultSchemaPath, readMigrationList, writeLockfile } from "@/lib/migrations/migrations-dir";
import { runMigrationScripts, withScratchDatabase } from "@/lib/migrations/scratch-database";
import { withSchemaEngine } from "@/lib/migrations/with-schema-engine";

export type CreateMigrationOptions = {
  /** snake_case; the folder becomes <UTC timestamp>_<name>. */
  name: string;
  schemaPath?: string;
  migrationsDir?: string;
  /**
   * A Postgres server where a scratch database may be created and dropped (only its
   * host, port and credentials matter). Defaults to DATABASE_URL's server, which is
   * a real Postgres in CI and deployments; the embedded dev database (PGlite) serves
   * a single database and is refused with a message asking for a real server.
   */
  databaseUrl?: string;
  now?: Date;
};

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function createMigration(options: CreateMigrationOptions): Promise<{ directory: string | null; sql: string }> {
  const parsedName = ZMigrationNameSchema.safeParse(options.name);
  if (!parsedName.success) {
    throw new MigrationError(`Invalid migration name "${options.name}": ${parsedName.error.issues[0]?.message}`);
  }
  const schemaPath = options.schemaPath ?? defaultSchemaPath();
  const migrationsDir = path.resolve(options.migrationsDir ?? defaultMigrationsDir());
  const schema = await readFile(schemaPath, "utf8");
  const migrationsList = await readMigrationList(migrationsDir);
  const files = [{ path: path.basename(schemaPath), content: schema }];

  const { sql, changed } = await withScratchDatabase(options.databaseUrl ?? env().DATABASE_URL, async (scratchUrl) => {
    await runMigrationScripts(scratchUrl, migrationsList);
    try {
      return await withSchemaEngine({ databaseUrl: scratchUrl, schema }, async (engine) => {
        const result = await engine.diff({
          // "schemaDatasource" is the database the engine's adapter is connected to.
          from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
          to: { tag: "schemaDatamodel", files },
          script: true,
          // exitCode 2 means "the diff is not empty".
          exitCode: true,
          filters: NO_FILTERS,
        });
        return { sql: result.stdout ?? "", changed: result.exitCode === 2 };
      });
    } catch (error) {
      throw new MigrationError(`Could not compute the schema changes: ${engineErrorText(error)}`);
    }
  });
  if (!changed) return { directory: null, sql };

  const directory = path.join(migrationsDir, migrationDirectoryName(parsedName.data, options.now ?? new Date()));
  if (await stat(directory).then(() => true, () => false)) {
    throw new MigrationError(`The migration directory already exists: ${directory}`);
  }
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "migration.sql"), sql, "utf8");
  await writeLockfile(migrationsDir);
  return { directory, sql };
}

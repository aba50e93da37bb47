// Migration tooling against a real Postgres: every test database is created here
// with a unique name on DATABASE_URL's server and dropped afterwards.
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { createMigration } from "@/lib/migrations/create-migration";
import { MigrationError } from "@/lib/migrations/errors";
import { markMigrationRolledBack } from "@/lib/migrations/mark-rolled-back";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const repoMigrations = path.join(process.cwd(), "prisma", "migrations");
const repoSchema = path.join(process.cwd(), "prisma", "schema.prisma");
const fixtures = path.join(process.cwd(), "tests", "fixtures", "migrations");
const runId = `${process.pid}_${randomBytes(3).toString("hex")}`;
const databases: string[] = [];
const tempDirs: string[] = [];

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function createDatabase(): Promise<string> {
  const name = `mv_migtest_${runId}_${databases.length}`;
  await query(serverUrl, `CREATE DATABASE "${name}"`);
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A temp copy of prisma/migrations plus the named fixture migrations. */
async function migrationsWith(...fixtureSets: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mv-migrations-"));
  tempDirs.push(dir);
  await cp(repoMigrations, dir, { recursive: true });
  for (const set of fixtureSets) await cp(path.join(fixtures, set), dir, { recursive: true });
  return dir;
}

async function migrationNames(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

const tableExists = async (url: string, table: string) =>
  (await query<{ found: string | null }>(url, "SELECT to_regclass($1) AS found", [`public."${table}"`]))[0].found !== null;

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null };
const bookkeeping = (url: string) =>
  query<Row>(url, "SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at");

afterAll(async () => {
  for (const name of databases) await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await createDatabase();
  });

  it("migrates an empty database to the schema, with Prisma's bookkeeping", async () => {
    const expected = await migrationNames(repoMigrations);
    expect(expected.length).toBeGreaterThan(0);

    const { applied } = await applyMigrations({ databaseUrl: url });

    expect(applied).toEqual(expected);
    for (const table of ["User", "Account", "Session", "VerificationToken", "ClinicianProfile", "RecoveryCode"]) {
      expect(await tableExists(url, table)).toBe(true);
    }
    const rows = await bookkeeping(url);
    for (const [index, name] of expected.entries()) {
      const sql = await readFile(path.join(repoMigrations, name, "migration.sql"));
      expect(rows[index]).toMatchObject({ migration_name: name, rolled_back_at: null });
      expect(rows[index].finished_at).not.toBeNull();
      // The checksum `prisma migrate deploy` compares: SHA-256 of the file's bytes.
      expect(rows[index].checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }
  });

  it("applies nothing when run again", async () => {
    await expect(applyMigrations({ databaseUrl: url })).resolves.toEqual({ applied: [] });
  });

  it("applies a later migration on top of the earlier ones", async () => {
    const dir = await migrationsWith("later");
    const lines: string[] = [];

    const { applied } = await applyMigrations({ databaseUrl: url, migrationsDir: dir, log: (line) => lines.push(line) });

    expect(applied).toEqual(["99990101000000_add_test_note"]);
    expect(lines).toEqual(["Applying migration 99990101000000_add_test_note"]);
    expect(await tableExists(url, "MigrationTestNote")).toBe(true);
    expect(await tableExists(url, "User")).toBe(true);
  });
});

describe("applyMigrations with a failing migration", () => {
  const failing = "99990101000001_broken_step";
  let url: string;
  let dir: string;
  beforeAll(async () => {
    url = await createDatabase();
    dir = await migrationsWith("failing");
  });

  it("names the migration and the database error", async () => {
    const error = await applyMigrations({ databaseUrl: url, migrationsDir: dir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe(failing);
    expect((error as MigrationError).message).toContain(`Migration ${failing} failed`);
    expect((error as MigrationError).message).toContain("MigrationTableThatDoesNotExist");
  });

  it("records the failure as Prisma does and keeps earlier rows and nothing half-applied", async () => {
    const rows = await bookkeeping(url);
    const earlier = await migrationNames(repoMigrations);

    expect(rows.map((row) => row.migration_name)).toEqual([...earlier, failing]);
    for (const row of rows.slice(0, -1)) expect(row.finished_at).not.toBeNull();
    const failedRow = rows.at(-1)!;
    expect(failedRow.finished_at).toBeNull();
    expect(failedRow.rolled_back_at).toBeNull();
    expect(failedRow.logs).toContain("MigrationTableThatDoesNotExist");
    // Its first statement succeeded, but the script ran as one transaction.
    expect(await tableExists(url, "MigrationHalfDone")).toBe(false);
  });

  it("keeps reporting it on the next run instead of skipping it", async () => {
    const error = await applyMigrations({ databaseUrl: url, migrationsDir: dir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe(failing);
    expect((error as MigrationError).message).toContain(`Migration ${failing} failed in an earlier run`);
    expect((await bookkeeping(url)).filter((row) => row.migration_name === failing)).toHaveLength(1);
  });

  it("retries it once marked rolled back and fixed", async () => {
    await markMigrationRolledBack({ databaseUrl: url, migrationName: failing });
    await writeFile(path.join(dir, failing, "migration.sql"), 'CREATE TABLE "MigrationHalfDone" ("id" TEXT NOT NULL);\n');

    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).resolves.toEqual({ applied: [failing] });
    const attempts = (await bookkeeping(url)).filter((row) => row.migration_name === failing);
    expect(attempts.map((row) => [row.rolled_back_at !== null, row.finished_at !== null])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});

// The wasm schema engine replays every migration into a shadow database: seconds,
// and more on a loaded 2-core machine, growing with each migration.
const SCHEMA_ENGINE_TIMEOUT_MS = 60_000;

describe("createMigration", () => {
  it("returns no directory when the schema matches the migrations", async () => {
    const dir = await migrationsWith();
    const before = await migrationNames(dir);

    const result = await createMigration({ name: "nothing_changed", migrationsDir: dir, databaseUrl: serverUrl });

    expect(result.directory).toBeNull();
    expect(await migrationNames(dir)).toEqual(before);
  }, SCHEMA_ENGINE_TIMEOUT_MS);

  it("writes the SQL for a changed schema, which then applies", async () => {
    const dir = await migrationsWith();
    const schemaPath = path.join(dir, "..", `${path.basename(dir)}.prisma`);
    tempDirs.push(schemaPath);
    const model = '\nmodel MigrationProbe {\n  id    String @id\n  label String @unique\n}\n';
    await writeFile(schemaPath, (await readFile(repoSchema, "utf8")) + model);

    const { directory, sql } = await createMigration({
      name: "add_probe",
      schemaPath,
      migrationsDir: dir,
      databaseUrl: serverUrl,
      now: new Date("2999-01-02T03:04:05Z"),
    });

    expect(directory).toBe(path.join(dir, "29990102030405_add_probe"));
    expect(sql).toContain('CREATE TABLE "MigrationProbe"');
    expect(sql).toContain('CREATE UNIQUE INDEX "MigrationProbe_label_key"');
    expect(sql).not.toContain('CREATE TABLE "User"');
    expect(await readFile(path.join(directory!, "migration.sql"), "utf8")).toBe(sql);
    expect(await readFile(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    const url = await createDatabase();
    const { applied } = await applyMigrations({ databaseUrl: url, migrationsDir: dir });
    expect(applied.at(-1)).toBe("29990102030405_add_probe");
    expect(await tableExists(url, "MigrationProbe")).toBe(true);
  }, SCHEMA_ENGINE_TIMEOUT_MS);

  it("refuses a name that is not snake_case", async () => {
    await expect(createMigration({ name: "Add-Probe", databaseUrl: serverUrl })).rejects.toThrow(MigrationError);
  });
});

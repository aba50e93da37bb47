// The embedded default database (`npm run dev` with no DATABASE_URL): PGlite
// served over the Postgres wire protocol. Proves that the app's migrations apply
// to it and that what the app relies on works there: several pooled
// connections using named prepared statements (the rate limiter does), a
// reconnect, full-text search and pg_trgm.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/devstack/postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";

let dataDir: string;
let postgres: RunningPostgres;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "medvault-pglite-"));
  postgres = await startEmbeddedPostgres({ dataDir, port: 0 });
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("embedded Postgres (PGlite)", () => {
  it("takes the migrations, and a second run applies nothing", async () => {
    const first = await applyMigrations({ databaseUrl: postgres.databaseUrl });
    expect(first.applied.length).toBeGreaterThanOrEqual(2);
    expect((await applyMigrations({ databaseUrl: postgres.databaseUrl })).applied).toEqual([]);
  }, 60_000);

  it("keeps named statements of pooled connections apart, also after a reconnect", async () => {
    const pool = new Pool({ connectionString: postgres.databaseUrl, max: 4 });
    const named = (i: number) => pool.query({ name: "medvault-named-probe", text: "SELECT $1::int AS n", values: [i] });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => named(i)));
    expect(results.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await pool.end();

    const again = new Pool({ connectionString: postgres.databaseUrl, max: 2 });
    expect((await again.query({ name: "medvault-named-probe", text: "SELECT $1::int AS n", values: [7] })).rows[0].n).toBe(7);
    await again.end();
  });

  it("offers full-text search and trigram similarity", async () => {
    const pool = new Pool({ connectionString: postgres.databaseUrl, max: 1 });
    const fts = await pool.query("SELECT to_tsvector('english', 'Hemoglobin results are normal') @@ websearch_to_tsquery('english', 'hemoglobin') AS hit");
    expect(fts.rows[0].hit).toBe(true);
    await pool.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const trgm = await pool.query("SELECT similarity('hemoglobin', 'hemoglobn') > 0.5 AS close");
    expect(trgm.rows[0].close).toBe(true);
    await pool.end();
  });
});

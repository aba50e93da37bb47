// Bulk rows for the load benchmark, straight in SQL (generate_series): patients
// and READY records with plausible metadata. No blobs: listing, record pages
// and SAS issuing never read the bytes. Used for the "how cost grows" owners,
// and for the whole dataset when bench/dataset/seed.ts (seedDataset) is absent.
import { Client } from "pg";

const CATEGORIES = ["LAB_RESULT", "IMAGING", "PRESCRIPTION", "CLINICAL_NOTE", "VACCINATION", "OTHER"];

/** Inserts `patients` patients with `recordsPerPatient` records each; returns their ids. */
export async function insertPatientsWithRecords(options: { databaseUrl: string; patients: number; recordsPerPatient: number; label: string }): Promise<string[]> {
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows: enumRows } = await client.query<{ label: string }>(
      `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'RecordCategory'`,
    );
    const categories = CATEGORIES.filter((c) => enumRows.some((r) => r.label === c));
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, status, "emailVerified", "updatedAt")
       SELECT 'bench-' || $1 || '-' || n, 'bench-' || $1 || '-' || n || '@example.test', 'Bench Patient ' || n, 'PATIENT', 'ACTIVE', now(), now()
       FROM generate_series(1, $2::int) AS n RETURNING id`,
      [options.label, options.patients],
    );
    const ids = rows.map((row) => row.id);
    // In slices: one statement for 100,000 rows holds a lot of WAL and memory at once.
    const perStatement = Math.max(1, Math.floor(20_000 / Math.max(1, options.recordsPerPatient)));
    for (let start = 0; start < ids.length; start += perStatement) {
      await client.query(
        `INSERT INTO "Record" (id, "ownerId", "uploadedById", "blobName", "originalName", "mimeType", "sizeBytes", sha256, status, category, "dateOfService", "sourceProvider", keywords, tags, "correctedFields", "createdAt", "updatedAt")
         SELECT o.id || '-r' || n, o.id, o.id, 'records/' || o.id || '/bench-' || n, 'report-' || n || '.pdf', 'application/pdf', 100000 + n, md5(o.id || n) || md5(n::text || o.id),
                'READY', (CASE WHEN cardinality($2::text[]) = 0 THEN NULL ELSE ($2::text[])[1 + n % greatest(cardinality($2::text[]), 1)] END)::"RecordCategory",
                (date '2015-01-01' + (n * 37 % 3650)), 'Clinic ' || (n % 40), ARRAY['bench'], ARRAY[]::text[], ARRAY[]::text[],
                now() - (n || ' minutes')::interval, now()
         FROM unnest($1::text[]) AS o(id), generate_series(1, $3::int) AS n`,
        [ids.slice(start, start + perStatement), categories, options.recordsPerPatient],
      );
    }
    await client.query(`ANALYZE "Record"; ANALYZE "User"`);
    return ids;
  } finally {
    await client.end();
  }
}

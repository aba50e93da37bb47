// Reads Prisma's bookkeeping for migrations that started but never finished and
// were not marked rolled back: the rows `prisma migrate deploy` refuses to pass.
import pg from "pg";

export type FailedMigration = { name: string; logs: string | null };

export async function findFailedMigrations(db: Pick<pg.Pool, "query">): Promise<FailedMigration[]> {
  try {
    const { rows } = await db.query<{ migration_name: string; logs: string | null }>(
      `SELECT migration_name, logs FROM _prisma_migrations
       WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at`,
    );
    return rows.map((row) => ({ name: row.migration_name, logs: row.logs }));
  } catch (error) {
    // No bookkeeping table yet: nothing can have failed.
    if (error instanceof pg.DatabaseError && error.code === "42P01") return [];
    throw error;
  }
}

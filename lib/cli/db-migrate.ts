// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
// `npm run db:migrate -- --rolled-back <name>`: marks a failed migration rolled
// back (prisma migrate resolve --rolled-back), so the next run retries it.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { markMigrationRolledBack } from "@/lib/migrations/mark-rolled-back";

async function main() {
  const { values } = parseArgs({ options: { "rolled-back": { type: "string" } } });
  const databaseUrl = env().DATABASE_URL;
  const rolledBack = values["rolled-back"];
  if (rolledBack) {
    await markMigrationRolledBack({ databaseUrl, migrationName: rolledBack });
    console.log(`Marked ${rolledBack} as rolled back; fix it if needed and run npm run db:migrate again.`);
    return;
  }
  const { applied } = await applyMigrations({ databaseUrl, log: (line) => console.log(line) });
  console.log(applied.length === 0 ? "Database is up to date" : `Applied ${applied.length} migration(s): ${applied.join(", ")}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

// `npm run db:migration -- <snake_case_name> [--scratch-url postgresql://...]`:
// writes prisma/migrations/<timestamp>_<name>/migration.sql for the changes in
// prisma/schema.prisma since the last migration. The scratch database is created
// on DATABASE_URL's server unless --scratch-url names another (see createMigration).
import path from "node:path";
import { parseArgs } from "node:util";
import { createMigration } from "@/lib/migrations/create-migration";
import { ZMigrationNameSchema } from "@/lib/migrations/migration-name";

async function main() {
  const { values, positionals } = parseArgs({ options: { "scratch-url": { type: "string" } }, allowPositionals: true });
  const name = ZMigrationNameSchema.safeParse(positionals[0] ?? "");
  if (positionals.length !== 1 || !name.success) {
    const reason =
      positionals.length !== 1 ? "give exactly one name" : `the name ${name.error?.issues[0]?.message}`;
    throw new Error(`Usage: npm run db:migration -- <snake_case_name> [--scratch-url <postgres url>] (${reason})`);
  }
  const { directory } = await createMigration({ name: name.data, databaseUrl: values["scratch-url"] });
  console.log(directory ? `Created ${path.relative(process.cwd(), path.join(directory, "migration.sql"))}` : "No schema changes");
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

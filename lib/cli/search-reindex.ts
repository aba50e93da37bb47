// `npm run search:reindex [-- --clear]`: rebuilds the configured search index
// (Postgres, or Meilisearch when MEILI_HOST is set) from the records in
// DATABASE_URL. Prints counts only, never record content.
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { searchEngine } from "@/lib/search/engine";
import { reindexAllRecords } from "@/lib/search/reindex-all";

async function main() {
  const { values } = parseArgs({ options: { clear: { type: "boolean", default: false }, "batch-size": { type: "string" } } });
  const engine = searchEngine();
  const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0 && batchSize <= 10_000)) throw new Error("--batch-size must be a whole number from 1 to 10000");
  console.log(`Reindexing records into the ${engine.name} search engine${values.clear ? " (cleared first)" : ""}…`);
  const started = Date.now();
  const { read, written } = await reindexAllRecords({
    engine,
    clear: values.clear,
    batchSize,
    onProgress: ({ read: done }) => process.stdout.write(`\r${done} record(s) read`),
  });
  process.stdout.write("\n");
  console.log(`Done: ${written} of ${read} record(s) indexed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(`Search reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

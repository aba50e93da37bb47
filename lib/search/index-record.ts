// Brings one record's search document up to date with Postgres: written when
// the record exists (archived ones too, for "include archived"), removed when
// it does not. Idempotent, so the job queue may run it any number of times.
import { db } from "@/lib/db";
import { searchEngine } from "./engine";
import { SEARCHABLE_RECORD_SELECT } from "./searchable-record";
import type { SearchEngine } from "./types";

export async function indexRecordForSearch(options: { recordId: string; engine?: SearchEngine }): Promise<"indexed" | "removed"> {
  const engine = options.engine ?? searchEngine();
  const record = await db.record.findUnique({ where: { id: options.recordId }, select: SEARCHABLE_RECORD_SELECT });
  if (!record) {
    await engine.removeRecord({ recordId: options.recordId });
    return "removed";
  }
  await engine.indexRecord({ record });
  return "indexed";
}

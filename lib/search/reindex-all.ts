// Rebuilds the search index from Postgres, in id order and in batches: after
// switching engines, after a long engine outage, or to apply new settings.
// Safe while the app runs (documents are replaced one by one; index jobs for
// changes made meanwhile still run).
import { db } from "@/lib/db";
import { searchEngine } from "./engine";
import { SEARCHABLE_RECORD_SELECT } from "./searchable-record";
import type { SearchEngine } from "./types";

export async function reindexAllRecords(options: {
  engine?: SearchEngine;
  batchSize?: number;
  /** Remove every document first (documents of records deleted while the engine was down go too). */
  clear?: boolean;
  onProgress?: (progress: { read: number; written: number }) => void;
}): Promise<{ read: number; written: number }> {
  const engine = options.engine ?? searchEngine();
  const batchSize = options.batchSize ?? 500;
  await engine.prepare();
  if (options.clear) await engine.clear();
  let read = 0;
  let written = 0;
  let cursor: string | undefined;
  for (;;) {
    const records = await db.record.findMany({
      select: SEARCHABLE_RECORD_SELECT,
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    });
    if (records.length === 0) break;
    written += await engine.indexRecords({ records });
    read += records.length;
    cursor = records.at(-1)!.id;
    options.onProgress?.({ read, written });
  }
  return { read, written };
}

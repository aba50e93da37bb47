// Called by every change to what a record says or whether it exists (ready,
// categorized, corrected, archived, restored, deleted), inside the change's
// transaction: the index catches up after the commit, and an engine outage
// only delays it (the job retries for hours; `npm run search:reindex` rebuilds).
import type { Tx } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";

export async function enqueueSearchIndex(options: { recordId: string; tx?: Tx }): Promise<void> {
  await enqueueJob({ type: "search-index-record", payload: { recordId: options.recordId }, tx: options.tx });
}

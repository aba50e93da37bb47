// Everything that follows a new READY record, as jobs enqueued inside
// finalizeUpload's transaction: they commit with the record or not at all, and
// an outage of any of them delays it, never loses it.
import type { Tx } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { enqueueSearchIndex } from "@/lib/search/enqueue-search-index";
import { notifyRecordUploaded } from "@/lib/notifications/events/record-events";

export async function afterRecordReady(options: { recordId: string; tx: Tx }): Promise<void> {
  const { recordId, tx } = options;
  await enqueueJob({ type: "categorize-record", payload: { recordId }, tx });
  await enqueueJob({ type: "make-thumbnail", payload: { recordId }, tx });
  // Findable by its file name at once; categorization indexes it again with what it found.
  await enqueueSearchIndex({ recordId, tx });
  // The owner hears about records someone else added (their own uploads: no notice).
  await notifyRecordUploaded({ recordId, tx });
}

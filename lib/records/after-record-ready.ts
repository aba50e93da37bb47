// The hook for everything that follows a new READY record: categorization,
// search indexing, notifications. Called inside finalizeUpload's transaction,
// so jobs enqueued here (enqueueJob({ type, payload, tx })) commit with the
// record or not at all. Intentionally empty until lib/jobs lands.
import type { Tx } from "@/lib/db";

export async function afterRecordReady(options: { recordId: string; tx: Tx }): Promise<void> {
  void options;
}

// Cleans up uploads that were never finished: a PENDING slot past its expiry
// (plus a grace period for a finalize already under way) is claimed as
// EXPIRED, then its blob is deleted. Claim first, delete second: a finalize
// that wins the claim keeps its file; one that loses reports "expired".
// Meant to run as a periodic job once lib/jobs exists.
import { db } from "@/lib/db";
import { errorLabel, logger } from "@/lib/logger";
import { deleteRecordBlob } from "./record-blobs";

/** Upload SAS URLs die at expiresAt; the grace only covers finalize calls in flight. */
export const UPLOAD_SLOT_GRACE_MS = 10 * 60_000;
const BATCH = 100;

export interface SweepUploadSlotsResult {
  expired: number;
  blobsDeleted: number;
  failed: number;
}

export async function sweepUploadSlots(options: { now?: Date; graceMs?: number; limit?: number } = {}): Promise<SweepUploadSlotsResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? UPLOAD_SLOT_GRACE_MS));
  const candidates = await db.uploadSlot.findMany({
    where: { status: "PENDING", expiresAt: { lt: cutoff } },
    select: { id: true, blobName: true },
    orderBy: { expiresAt: "asc" },
    take: options.limit ?? BATCH,
  });

  const result: SweepUploadSlotsResult = { expired: 0, blobsDeleted: 0, failed: 0 };
  for (const slot of candidates) {
    const { count } = await db.uploadSlot.updateMany({ where: { id: slot.id, status: "PENDING" }, data: { status: "EXPIRED" } });
    if (count === 0) continue; // finalized or rejected meanwhile
    try {
      const { deleted } = await deleteRecordBlob(slot.blobName);
      result.expired += 1;
      if (deleted) result.blobsDeleted += 1;
    } catch (error) {
      // Hand the slot back so the next sweep tries again; ids only in the log.
      await db.uploadSlot.updateMany({ where: { id: slot.id, status: "EXPIRED" }, data: { status: "PENDING" } });
      logger.warn("records.sweep_delete_failed", { slotId: slot.id, error: errorLabel(error) });
      result.failed += 1;
    }
  }
  return result;
}

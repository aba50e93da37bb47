// The bytes of a rejected upload, if finalize could not delete them at once
// (finalizeUpload marks the slot REJECTED first, then deletes). Idempotent.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { deleteRecordBlob } from "../record-blobs";

export async function deleteRejectedUpload(options: { slotId: string }): Promise<{ deleted: boolean }> {
  const slot = await db.uploadSlot.findUnique({ where: { id: options.slotId }, select: { status: true, blobName: true } });
  if (!slot || slot.status !== "REJECTED") return { deleted: false };
  return deleteRecordBlob(slot.blobName);
}

export const deleteRejectedUploadJob = defineJob({
  type: "delete-rejected-upload",
  payload: z.object({ slotId: z.string().min(1).max(64) }),
  maxAttempts: 8,
  handler: async (payload) => {
    await deleteRejectedUpload(payload);
  },
});

// Step 2 of deleting an account: the files, then the rows. Each record's blobs
// (thumbnail, file) are deleted before its row, one record at a time, so a
// failure part-way leaves only records whose files still exist; the job that
// runs this retries from where it stopped (blob deletion is idempotent). The
// user row goes last, in one transaction with the final audit event: its
// cascade removes health data, versions, grants, requests, proposals,
// notifications, preferences, sessions and exports. Only the audit trail
// (no foreign keys, no medical content) remains.
//
// Two runs may overlap (deleteAccount's own call and the job, if the first is
// slow): every step tolerates rows the other run already removed, and only the
// run that actually deletes the user row writes "account.deleted".
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { exportBlob } from "@/lib/export/export-blobs";
import { deleteRecordBlob } from "@/lib/records/record-blobs";
import { enqueueSearchIndex } from "@/lib/search/enqueue-search-index";

export async function deleteAccountData(options: { userId: string }): Promise<{ outcome: "deleted" | "already_gone"; records: number; exports: number }> {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { id: true, role: true, email: true, status: true, passwordHash: true } });
  if (!user) return { outcome: "already_gone", records: 0, exports: 0 };
  // Only an account closed by closeAccount (its audit row commits with it) is ever emptied.
  const closed = await db.auditEvent.count({ where: { action: "account.deletion_started", targetId: user.id } });
  if (user.status !== "SUSPENDED" || user.passwordHash !== null || closed === 0) throw new Error("deleteAccountData called for an account that was not closed");

  const records = await db.record.findMany({ where: { ownerId: user.id }, select: { id: true, blobName: true, thumbnailBlobName: true } });
  for (const record of records) {
    if (record.thumbnailBlobName) {
      await deleteRecordBlob(record.thumbnailBlobName);
      // The row stops naming the thumbnail before the file goes: if the file's deletion fails, nothing points at the deleted preview.
      await db.record.updateMany({ where: { id: record.id }, data: { thumbnailBlobName: null } });
    }
    await deleteRecordBlob(record.blobName);
    await db.$transaction(async (tx) => {
      await tx.record.deleteMany({ where: { id: record.id } });
      await enqueueSearchIndex({ recordId: record.id, tx });
    });
  }

  // Unfinished uploads: their blobs and slots (the slot keeps the file name).
  const slots = await db.uploadSlot.findMany({ where: { OR: [{ ownerId: user.id }, { uploadedById: user.id }], recordId: null }, select: { id: true, blobName: true } });
  for (const slot of slots) {
    await deleteRecordBlob(slot.blobName);
    await db.uploadSlot.deleteMany({ where: { id: slot.id } });
  }
  await db.uploadSlot.deleteMany({ where: { OR: [{ ownerId: user.id }, { uploadedById: user.id }] } });

  const exports = await db.dataExport.findMany({ where: { userId: user.id }, select: { id: true, blobName: true } });
  for (const row of exports) {
    if (row.blobName) await exportBlob(row.blobName).deleteIfExists();
    await db.dataExport.deleteMany({ where: { id: row.id } });
  }

  const deleted = await db.$transaction(async (tx) => {
    await tx.outboundEmail.deleteMany({ where: { to: user.email, status: { not: "PENDING" } } });
    // Waits for an overlapping run's delete to commit, then finds nothing.
    const { count } = await tx.user.deleteMany({ where: { id: user.id } });
    if (count === 0) return false;
    await recordAuditEvent(
      {
        action: "account.deleted",
        outcome: "ALLOWED",
        actorId: user.id,
        actorRole: user.role,
        patientId: user.role === "PATIENT" ? user.id : null,
        targetType: "user",
        targetId: user.id,
        details: { records: records.length, exports: exports.length },
      },
      { tx },
    );
    return true;
  });
  return { outcome: deleted ? "deleted" : "already_gone", records: records.length, exports: exports.length };
}

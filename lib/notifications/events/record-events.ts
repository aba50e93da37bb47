// A new record in a patient's vault, told to the patient when someone else
// (a clinician with "contribute" access) added it. A patient's own uploads are
// not notified: they started the upload and saw it finish, and a notice (or a
// digest mail) about their own action would only train them to ignore notices.
import type { Tx } from "@/lib/db";
import { FORMER_CLINICIAN } from "@/lib/records/former-clinician";
import { notify } from "../notify";
import { displayName } from "./wording";

export async function notifyRecordUploaded(options: { tx: Tx; recordId: string }): Promise<void> {
  const { tx } = options;
  const record = await tx.record.findUnique({ where: { id: options.recordId }, select: { id: true, ownerId: true, uploadedById: true } });
  if (!record || record.ownerId === record.uploadedById) return;
  // The uploader may have deleted their account since (uploadedById set to null).
  const uploader = record.uploadedById === null ? FORMER_CLINICIAN : await displayName(tx, record.uploadedById, "A clinician");
  await notify({
    tx,
    userId: record.ownerId,
    type: "RECORD_UPLOADED",
    title: "A new record was added to your vault",
    body: `${uploader} added a record for you. Open it to see what it is.`,
    link: `/patient/records/${record.id}`,
  });
}

// The configured size limits, with limits small enough to exceed in a test.
import "./small-limits";
import { db } from "@/lib/db";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import { recordBlob } from "@/lib/records/record-blobs";
import { pdfBytes } from "@/tests/factories/files";
import { context, createActor, errorOf, uploadRecord } from "./helpers";

afterAll(() => db.$disconnect());

describe("size limits from the environment", () => {
  it("refuses a slot above the limit and rejects an upload that turns out larger than the limit", async () => {
    const patient = await createActor();
    const error = await errorOf(issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "big.pdf", declaredType: "application/pdf", declaredSize: 2049 }, context }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: "The file is larger than the 2 KB limit for documents" });

    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(3000, 0x20)]);
    const { slot, result } = await uploadRecord({ actor: patient, bytes, declaredType: "application/pdf", declaredSize: 1000 });
    expect(result).toEqual({ outcome: "rejected", reason: "The file is larger than the 2 KB limit for documents" });
    const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
    expect(row).toMatchObject({ status: "REJECTED", rejectionReason: "The file is larger than the 2 KB limit for documents" });
    expect(await recordBlob(row.blobName).exists()).toBe(false);
    expect(await db.record.count({ where: { ownerId: patient.id } })).toBe(0);
  });
});

// The upload flow against the real Postgres and Azurite: slot checks, a real
// block upload with the SAS, and finalize's verdicts on what actually arrived.
import { BlobClient } from "@azure/storage-blob";
import { db } from "@/lib/db";
import { finalizeUpload } from "@/lib/records/finalize-upload";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import { hashRecord } from "@/lib/records/jobs/hash-record-job";
import { blobLeaseId, recordBlob } from "@/lib/records/record-blobs";
import { sweepUploadSlots, UPLOAD_SLOT_GRACE_MS } from "@/lib/records/sweep-upload-slots";
import { dicomBytes, docxBytes, jpegBytes, pdfBytes, pngBytes, uploadWithSas, zipBytes } from "@/tests/factories/files";
import { context, createActor, errorOf, NOT_FOUND, readyRecord, sha256, uploadRecord } from "./helpers";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

afterAll(() => db.$disconnect());

/** Runs the hash-record job that finalize enqueued for the record, exactly as the worker would. */
async function runHashJob(recordId: string) {
  const jobs = await db.job.findMany({ where: { type: "hash-record", payload: { path: ["recordId"], equals: recordId } } });
  expect(jobs).toHaveLength(1);
  const payload = jobs[0]!.payload as { recordId: string; etag: string };
  const result = await hashRecord(payload);
  const { sha256: stored } = await db.record.findUniqueOrThrow({ where: { id: recordId }, select: { sha256: true } });
  return { ...result, stored, etag: payload.etag };
}

/** Bytes storage really sent while `run` ran (every read goes through BlobClient.download; the spy passes it through). */
async function bytesDownloadedDuring<T>(run: () => Promise<T>): Promise<{ value: T; bytes: number; reads: number }> {
  const original = BlobClient.prototype.download;
  let bytes = 0;
  let reads = 0;
  const spy = jest.spyOn(BlobClient.prototype, "download").mockImplementation(async function (this: BlobClient, ...args: Parameters<BlobClient["download"]>) {
    const response = await original.apply(this, args);
    reads += 1;
    bytes += response.contentLength ?? 0;
    return response;
  });
  try {
    return { value: await run(), bytes, reads };
  } finally {
    spy.mockRestore();
  }
}

const slotInput = (patientId: string, overrides: Record<string, unknown> = {}) => ({
  patientId,
  fileName: "report.pdf",
  declaredType: "application/pdf" as const,
  declaredSize: 1000,
  ...overrides,
});

async function expectRejectedAndGone(slotId: string, blobName: string) {
  expect(await recordBlob(blobName).exists()).toBe(false);
  expect(await db.record.count({ where: { blobName } })).toBe(0);
  const slot = await db.uploadSlot.findUniqueOrThrow({ where: { id: slotId } });
  expect(slot.status).toBe("REJECTED");
  const denied = await db.auditEvent.findMany({ where: { targetId: slotId, action: "record.uploaded", outcome: "DENIED" } });
  expect(denied).toHaveLength(1);
}

describe("issueUploadSlot", () => {
  it("refuses to upload for someone else, and clinicians or admins without a grant, exactly like a missing patient", async () => {
    const owner = await createActor();
    const other = await createActor();
    const physician = await createActor("PHYSICIAN");
    const admin = await createActor("ADMIN");
    const missing = await errorOf(issueUploadSlot({ actor: other, input: slotInput("no-such-patient"), context }));
    expect(missing).toEqual(NOT_FOUND);
    for (const actor of [other, physician, admin]) {
      expect(await errorOf(issueUploadSlot({ actor, input: slotInput(owner.id), context }))).toEqual(NOT_FOUND);
    }
    expect(await db.uploadSlot.count({ where: { ownerId: owner.id } })).toBe(0);
  });

  it.each([["text/html"], [""], ["application/octet-stream"], ["image/svg+xml"], ["application/zip"]])("refuses the type %j", async (declaredType) => {
    const patient = await createActor();
    const error = await errorOf(issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredType }), context }));
    expect(error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses empty files and sizes above the limit for the kind of file", async () => {
    const patient = await createActor();
    expect((await errorOf(issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredSize: 0 }), context }))).code).toBe("VALIDATION_FAILED");
    const tooBigDocument = await errorOf(issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredSize: 100 * 1024 ** 2 + 1 }), context }));
    expect(tooBigDocument).toMatchObject({ code: "VALIDATION_FAILED", message: "The file is larger than the 100 MB limit for documents" });
    // Imaging (incl. DICOM) may be far larger than documents.
    const dicom = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredType: "application/dicom", declaredSize: 2 * 1024 ** 3 }), context });
    expect(dicom.slotId).toBeTruthy();
    const tooBigImage = await errorOf(issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredType: "application/dicom", declaredSize: 2 * 1024 ** 3 + 1 }), context }));
    expect(tooBigImage.message).toBe("The file is larger than the 2 GB limit for images and scans");
  });

  it("keeps only a clean display name and never uses it for the blob", async () => {
    const patient = await createActor();
    const names: Array<[string, string]> = [
      ["../../etc/passwd", "passwd"],
      ["..\\..\\Windows\\system32\\evil.pdf", "evil.pdf"],
      ["bad\u0001na\u0007me\u202Efdp.exe", "badnamefdp.exe"],
      ["..", "upload"],
      [`${"a".repeat(300)}.pdf`, `${"a".repeat(251)}.pdf`],
    ];
    for (const [fileName, expected] of names) {
      const slot = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { fileName }), context });
      const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
      expect(row.originalName).toBe(expected);
      expect(row.blobName).toBe(`records/${patient.id}/${slot.slotId}`);
      expect(row.status).toBe("PENDING");
      expect(new URL(slot.uploadUrl).pathname.endsWith(`/records/${patient.id}/${slot.slotId}`)).toBe(true);
    }
    // A NUL is refused at every boundary (parseInput), not cleaned: Postgres text cannot hold it.
    expect(await errorOf(issueUploadSlot({ actor: patient, input: slotInput(patient.id, { fileName: "bad\u0000name.pdf" }), context }))).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("returns a write-only SAS for the slot's blob, a block size and the expiry, and audits the slot", async () => {
    const patient = await createActor();
    const before = Date.now();
    const slot = await issueUploadSlot({ actor: patient, input: slotInput(patient.id), context });
    const sas = new URL(slot.uploadUrl).searchParams;
    expect(sas.get("sp")).toBe("cw");
    expect(sas.get("sr")).toBe("b");
    expect(new Date(sas.get("se")!).getTime()).toBeLessThanOrEqual(slot.expiresAt.getTime());
    expect(slot.expiresAt.getTime() - before).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    expect(slot.blockSize).toBe(8 * 1024 * 1024);
    const audit = await db.auditEvent.findMany({ where: { targetId: slot.slotId, action: "record.upload_slot_issued" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: patient.id, patientId: patient.id, outcome: "ALLOWED", ipAddress: context.ipAddress });
    expect(JSON.stringify(audit[0]!.details)).not.toContain("report.pdf");
  });
});

describe("finalizeUpload", () => {
  it("turns a real block upload into a READY record with the verified type and size; the SHA-256 follows from its job", async () => {
    const patient = await createActor();
    const bytes = pdfBytes();
    const { slot, record } = await readyRecord({ actor: patient, bytes, declaredType: "application/pdf", fileName: "Befund Müller.pdf" });
    // Usable at once; the checksum is not computed yet.
    expect(record).toMatchObject({ ownerId: patient.id, uploadedById: patient.id, mimeType: "application/pdf", sizeBytes: bytes.length, sha256: null, status: "READY", originalName: "Befund Müller.pdf" });
    const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
    expect(row).toMatchObject({ status: "FINALIZED", recordId: record.id });
    expect(row.finalizedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { targetId: record.id, action: "record.uploaded" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "ALLOWED", patientId: patient.id, details: { slotId: slot.slotId, mimeType: "application/pdf", sizeBytes: bytes.length } });

    // Idempotent: finishing again returns the same record and writes nothing new.
    await expect(finalizeUpload({ actor: patient, slotId: slot.slotId, context })).resolves.toEqual({ outcome: "ready", record });
    expect(await db.record.count({ where: { ownerId: patient.id } })).toBe(1);

    // The job stores the real SHA-256 once; a retry changes nothing.
    expect(await runHashJob(record.id)).toMatchObject({ outcome: "stored", stored: sha256(bytes) });
    expect(await runHashJob(record.id)).toMatchObject({ outcome: "already_hashed", stored: sha256(bytes) });
    await expect(finalizeUpload({ actor: patient, slotId: slot.slotId, context })).resolves.toMatchObject({ outcome: "ready", record: { id: record.id, sha256: sha256(bytes) } });
  });

  it("reads only a bounded number of bytes at finalize: a 64 MiB scan costs what a tiny one does", async () => {
    const patient = await createActor();
    const small = dicomBytes();
    const large = Buffer.concat([dicomBytes(), Buffer.alloc(64 * 1024 * 1024, 0x5a)]);
    const finalizeOf = async (bytes: Buffer) => {
      const slot = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { fileName: "scan.dcm", declaredType: "application/dicom", declaredSize: bytes.length }), context });
      await uploadWithSas(slot.uploadUrl, bytes, 8 * 1024 * 1024);
      return bytesDownloadedDuring(() => finalizeUpload({ actor: patient, slotId: slot.slotId, context }));
    };
    const tiny = await finalizeOf(small);
    const big = await finalizeOf(large);
    expect(tiny.value.outcome).toBe("ready");
    expect(big.value.outcome).toBe("ready");
    // The spy sees real reads: the magic-byte range (at most 4100 bytes) and nothing else.
    expect(big.reads).toBeGreaterThan(0);
    expect(tiny.bytes).toBe(small.length);
    expect(big.bytes).toBe(4100);
    expect(big.reads).toBe(tiny.reads);

    // The full read happens in the job, and gets the right answer for all 64 MiB.
    const record = big.value.outcome === "ready" ? big.value.record : undefined;
    const hashed = await bytesDownloadedDuring(() => runHashJob(record!.id));
    expect(hashed.value).toMatchObject({ outcome: "stored", stored: sha256(large) });
    expect(hashed.bytes).toBe(large.length);
  });

  it("the hash job refuses a blob that changed since finalize, and leaves a deleted record alone", async () => {
    const patient = await createActor();
    const bytes = pdfBytes();
    const { record } = await readyRecord({ actor: patient, bytes, declaredType: "application/pdf" });
    const row = await db.record.findUniqueOrThrow({ where: { id: record.id } });
    // Only the lease holder (the server) can write now: simulate a changed file that way.
    await recordBlob(row.blobName).uploadData(Buffer.concat([bytes, Buffer.from("tampered")]), { conditions: { leaseId: blobLeaseId(row.blobName) } });
    expect(await runHashJob(record.id)).toMatchObject({ outcome: "blob_changed", stored: null });

    const { record: gone } = await readyRecord({ actor: patient, bytes, declaredType: "application/pdf" });
    const job = (await db.job.findMany({ where: { type: "hash-record", payload: { path: ["recordId"], equals: gone.id } } }))[0]!;
    await db.record.delete({ where: { id: gone.id } });
    await expect(hashRecord(job.payload as { recordId: string; etag: string })).resolves.toEqual({ outcome: "record_gone" });
  });

  it.each([
    ["image/png", () => pngBytes(), "image/png"],
    ["image/jpeg", () => jpegBytes(), "image/jpeg"],
    ["application/dicom", async () => dicomBytes(), "application/dicom"],
    [DOCX, async () => docxBytes(), DOCX],
    ["text/plain", async () => Buffer.from("Blood pressure 120/80\nGrüße ✓\n", "utf8"), "text/plain"],
  ] as const)("accepts a real %s", async (declaredType, make, mimeType) => {
    const patient = await createActor();
    const bytes = await make();
    const { record } = await readyRecord({ actor: patient, bytes, declaredType });
    expect(record).toMatchObject({ mimeType, sizeBytes: bytes.length });
    if (declaredType === "text/plain") {
      // Text is read whole at finalize anyway (UTF-8 check), so its hash comes with it.
      expect(record.sha256).toBe(sha256(bytes));
      expect(await db.job.count({ where: { type: "hash-record", payload: { path: ["recordId"], equals: record.id } } })).toBe(0);
    } else {
      expect(record.sha256).toBeNull();
      expect(await runHashJob(record.id)).toMatchObject({ outcome: "stored", stored: sha256(bytes) });
    }
  });

  it("hashes a multi-block upload by streaming it (in the job)", async () => {
    const patient = await createActor();
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(3 * 1024 * 1024 + 17, 0x20)]);
    const { record } = await readyRecord({ actor: patient, bytes, declaredType: "application/pdf" });
    expect(await runHashJob(record.id)).toMatchObject({ outcome: "stored", stored: sha256(bytes) });
    expect(record.sizeBytes).toBe(bytes.length);
  });

  it("rejects a file bigger than announced: blob deleted, no record, reason kept, DENIED audited", async () => {
    const patient = await createActor();
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(5000, 0x20)]);
    const { slot, result } = await uploadRecord({ actor: patient, bytes, declaredType: "application/pdf", declaredSize: 100 });
    expect(result).toEqual({ outcome: "rejected", reason: "The file that arrived is not the size that was announced. Please upload it again." });
    const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
    await expectRejectedAndGone(slot.slotId, row.blobName);
    // Asking again gives the same verdict.
    await expect(finalizeUpload({ actor: patient, slotId: slot.slotId, context })).resolves.toEqual(result);
  });

  it.each([
    ["application/pdf", () => pngBytes(), "The file's content is not a PDF although it was sent as one"],
    ["image/png", async () => pdfBytes(), "The file's content is not a PNG image although it was sent as one"],
    ["image/jpeg", () => pngBytes(), "The file's content is not a JPEG image although it was sent as one"],
    ["application/dicom", async () => Buffer.concat([Buffer.alloc(128), Buffer.from("NOPE"), Buffer.alloc(64)]), "The file's content is not a DICOM file although it was sent as one"],
    [DOCX, async () => zipBytes([["notes.txt", "just a zip"]]), "The file's content is not a Word document (DOCX) although it was sent as one"],
    ["text/plain", async () => Buffer.from("text\u0000with NUL", "utf8"), "The file's content is not plain UTF-8 text although it was sent as a text file"],
    ["text/plain", async () => Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]), "The file's content is not plain UTF-8 text although it was sent as a text file"],
    ["text/plain", () => pngBytes(), "The file's content is not a text file although it was sent as one"],
  ] as const)("rejects content that is not the declared %s", async (declaredType, make, reason) => {
    const patient = await createActor();
    const bytes = await make();
    const { slot, result } = await uploadRecord({ actor: patient, bytes, declaredType });
    expect(result).toEqual({ outcome: "rejected", reason });
    const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
    await expectRejectedAndGone(slot.slotId, row.blobName);
  });

  it("is only for the uploader, and a missing slot looks the same", async () => {
    const patient = await createActor();
    const other = await createActor();
    const slot = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredSize: pdfBytes().length }), context });
    await uploadWithSas(slot.uploadUrl, pdfBytes());
    expect(await errorOf(finalizeUpload({ actor: other, slotId: slot.slotId, context }))).toEqual(NOT_FOUND);
    expect(await errorOf(finalizeUpload({ actor: other, slotId: "c0ffee-no-such-slot", context }))).toEqual(NOT_FOUND);
    expect((await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } })).status).toBe("PENDING");
  });

  it("says the upload is incomplete when only blocks were staged, and keeps the slot open", async () => {
    const patient = await createActor();
    const slot = await issueUploadSlot({ actor: patient, input: slotInput(patient.id), context });
    const error = await errorOf(finalizeUpload({ actor: patient, slotId: slot.slotId, context }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect((await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } })).status).toBe("PENDING");
  });

  it("creates exactly one record when finalize runs twice at the same time", async () => {
    const patient = await createActor();
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(512 * 1024, 0x20)]);
    const slot = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredSize: bytes.length }), context });
    await uploadWithSas(slot.uploadUrl, bytes);
    const results = await Promise.all([1, 2, 3].map(() => finalizeUpload({ actor: patient, slotId: slot.slotId, context }).catch((error: unknown) => error)));
    const ready = results.filter((result): result is { outcome: "ready"; record: { id: string } } => (result as { outcome?: string }).outcome === "ready");
    expect(ready.length).toBeGreaterThanOrEqual(1);
    // Any loser either reports the winner's record or asks to retry (CONFLICT); never a second record.
    for (const result of results) if (!ready.includes(result as never)) expect(result).toMatchObject({ code: "CONFLICT" });
    expect(new Set(ready.map((result) => result.record.id)).size).toBe(1);
    expect(await db.record.count({ where: { ownerId: patient.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "record.uploaded", outcome: "ALLOWED" } })).toBe(1);
  });
});

describe("sweepUploadSlots", () => {
  it("deletes an abandoned upload's blob, marks the slot EXPIRED and leaves fresh slots alone", async () => {
    const patient = await createActor();
    const bytes = pdfBytes();
    const abandoned = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredSize: bytes.length }), context });
    await uploadWithSas(abandoned.uploadUrl, bytes);
    const fresh = await issueUploadSlot({ actor: patient, input: slotInput(patient.id, { declaredSize: bytes.length }), context });
    await uploadWithSas(fresh.uploadUrl, bytes);
    // Only `abandoned` is overdue at this moment.
    await db.uploadSlot.update({ where: { id: abandoned.slotId }, data: { expiresAt: new Date(Date.now() - UPLOAD_SLOT_GRACE_MS - 60_000) } });

    const result = await sweepUploadSlots();
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(result.blobsDeleted).toBeGreaterThanOrEqual(1);
    expect(result.failed).toBe(0);

    const [gone, kept] = await Promise.all([db.uploadSlot.findUniqueOrThrow({ where: { id: abandoned.slotId } }), db.uploadSlot.findUniqueOrThrow({ where: { id: fresh.slotId } })]);
    expect(gone.status).toBe("EXPIRED");
    expect(await recordBlob(gone.blobName).exists()).toBe(false);
    expect(kept.status).toBe("PENDING");
    expect(await recordBlob(kept.blobName).exists()).toBe(true);

    // A late finalize learns that the upload expired; no record appears.
    await expect(finalizeUpload({ actor: patient, slotId: abandoned.slotId, context })).resolves.toMatchObject({ outcome: "rejected" });
    expect(await db.record.count({ where: { blobName: gone.blobName } })).toBe(0);
    // The fresh one still finalizes.
    await expect(finalizeUpload({ actor: patient, slotId: fresh.slotId, context })).resolves.toMatchObject({ outcome: "ready" });
  });
});

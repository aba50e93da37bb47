// The same action sent many times at once (a double-clicking user, a retrying
// client, two tabs) must leave one consistent state: one grant, one revoke,
// one record, one audit row each, and jobs enqueued once.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { finalizeUpload } from "@/lib/records/finalize-upload";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import { recordBlob } from "@/lib/records/record-blobs";
import { grantAccess } from "@/lib/sharing/grant-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { dicomBytes, pdfBytes, uploadWithSas } from "@/tests/factories/files";
import { createPatient, createVerifiedClinician } from "@/tests/integration/sharing/helpers";

jest.setTimeout(60_000);
const PARALLEL = 20;
const context = { ipAddress: "198.51.100.91", userAgent: "jest concurrency" };

afterAll(() => db.$disconnect());

const times = <T>(run: () => Promise<T>) => Promise.allSettled(Array.from({ length: PARALLEL }, run));

/** Every rejection must be a deliberate AppError (never a deadlock, unique violation or pool error). */
function expectOnlyAppErrors(results: PromiseSettledResult<unknown>[], allowed: string[]) {
  for (const result of results) {
    if (result.status === "rejected") {
      expect(result.reason).toBeInstanceOf(AppError);
      expect(allowed).toContain((result.reason as AppError).code);
    }
  }
}

const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled").map((r) => r.value);

describe(`${PARALLEL} identical calls at once`, () => {
  it("grantAccess: one current grant, created once, every call answered", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const results = await times(() => grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context }));
    expectOnlyAppErrors(results, []);
    const outcomes = fulfilled(results);
    expect(outcomes.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(new Set(outcomes.map((r) => r.grant.id)).size).toBe(1);
    expect(await db.grant.count({ where: { patientId: patient.id, granteeId: clinician.id, revokedAt: null } })).toBe(1);
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "grant.created" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "grant.updated" } })).toBe(PARALLEL - 1);
  });

  it("revokeGrant: revoked once, one audit row, the others hear 'already revoked'", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    const results = await times(() => revokeGrant({ actor: patient, grantId: grant.id, context }));
    expectOnlyAppErrors(results, []);
    const outcomes = fulfilled(results).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "revoked")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already_revoked")).toHaveLength(PARALLEL - 1);
    expect(await db.auditEvent.count({ where: { targetId: grant.id, action: "grant.revoked" } })).toBe(1);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).not.toBeNull();
  });

  it("grant and revoke interleaved: afterwards at most one current grant, and its audit trail explains it", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, index) =>
        index % 2 ? revokeGrant({ actor: patient, grantId: grant.id, context }) : grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context }),
      ),
    );
    expectOnlyAppErrors(results, []);
    expect(await db.grant.count({ where: { patientId: patient.id, granteeId: clinician.id, revokedAt: null } })).toBeLessThanOrEqual(1);
    expect(await db.auditEvent.count({ where: { targetId: grant.id, action: "grant.revoked" } })).toBe(1);
  });

  it("finalizeUpload: one READY record, one audit row, jobs enqueued once; every caller gets that record (or is told to try again)", async () => {
    const patient = await createPatient();
    const bytes = dicomBytes();
    const slot = await issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "scan.dcm", declaredType: "application/dicom", declaredSize: bytes.length }, context });
    await uploadWithSas(slot.uploadUrl, bytes);

    const results = await times(() => finalizeUpload({ actor: patient, slotId: slot.slotId, context }));
    expectOnlyAppErrors(results, ["CONFLICT"]);
    const ready = fulfilled(results);
    expect(ready.length).toBeGreaterThan(0);
    const recordIds = new Set(ready.map((r) => (r.outcome === "ready" ? r.record.id : `rejected: ${r.reason}`)));
    expect(recordIds.size).toBe(1);
    const [recordId] = [...recordIds];

    expect(await db.record.count({ where: { ownerId: patient.id } })).toBe(1);
    const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
    expect(row).toMatchObject({ status: "FINALIZED", recordId });
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "record.uploaded" } })).toBe(1);
    // Whatever follows a ready record (afterRecordReady), each job exactly once.
    const types = (await db.job.findMany({ where: { payload: { equals: { recordId } } }, select: { type: true } })).map((job) => job.type);
    expect(types).toEqual(expect.arrayContaining(["categorize-record", "make-thumbnail"]));
    expect(types.length).toBe(new Set(types).size);
    expect(await recordBlob(row.blobName).exists()).toBe(true);
  });

  it("finalizeUpload of a file that must be refused: every caller gets the same rejection, one audit row, bytes gone, no record", async () => {
    // The race (a rejecting finalize deleting the blob while others read it) is
    // timing-dependent: 15 rounds caught the old order (delete, then mark) when tried; 4 did not.
    for (let round = 0; round < 15; round += 1) {
      const patient = await createPatient();
      const bytes = pdfBytes();
      // Declared a DICOM, is a PDF: finalize must refuse it.
      const slot = await issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "scan.dcm", declaredType: "application/dicom", declaredSize: bytes.length }, context });
      await uploadWithSas(slot.uploadUrl, bytes);

      const results = await times(() => finalizeUpload({ actor: patient, slotId: slot.slotId, context }));
      // The slot is marked REJECTED before the bytes are deleted, so a caller whose
      // read fails on the vanished blob finds the verdict: no storage error, no retry.
      expectOnlyAppErrors(results, []);
      expect(fulfilled(results)).toEqual(Array.from({ length: PARALLEL }, () => ({ outcome: "rejected", reason: "The file's content is not a DICOM file although it was sent as one" })));
      expect(await db.record.count({ where: { ownerId: patient.id } })).toBe(0);
      const row = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } });
      expect(row).toMatchObject({ status: "REJECTED" });
      expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "record.uploaded", outcome: "DENIED" } })).toBe(1);
      expect(await recordBlob(row.blobName).exists()).toBe(false);
      // The fallback clean-up is enqueued once, by the winner.
      expect(await db.job.count({ where: { type: "delete-rejected-upload", payload: { equals: { slotId: slot.slotId } } } })).toBe(1);
    }
  });
});

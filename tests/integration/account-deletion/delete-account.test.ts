// "Delete my account" against Postgres and Azurite: re-authentication and the
// phrase are required; grants end with the clinicians notified; every blob
// (records, thumbnails, exports, unfinished uploads) and row goes; the audit
// trail stays (and still verifies); a storage failure part-way is finished by
// the job without a record ever pointing at a missing blob. A clinician who
// uploaded for patients can leave: the records stay, from "a former clinician".
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/account/delete-account/delete-account";
import { deleteAccountData } from "@/lib/account/delete-account/delete-account-data";
import { deletionBlockers } from "@/lib/account/delete-account/deletion-blockers";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { findAccessibleRecord } from "@/lib/authz/records";
import { toRecordView } from "@/components/records/detail/record-view";
import { buildExport } from "@/lib/export/build-export";
import { requestExport } from "@/lib/export/request-export";
import { finalizeUpload } from "@/lib/records/finalize-upload";
import { FORMER_CLINICIAN } from "@/lib/records/former-clinician";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import { listRecords } from "@/lib/records/list-records";
import * as recordBlobs from "@/lib/records/record-blobs";
import { findUploaderName } from "@/lib/records/uploader-name";
import { grantAccess } from "@/lib/sharing/grant-access";
import { recordsContainer } from "@/lib/storage/blob-service";
import { pdfBytes, uploadWithSas } from "@/tests/factories/files";
import { createActor, errorOf } from "@/tests/integration/records/helpers";
import { createVerifiedClinician } from "@/tests/integration/sharing/helpers";
import { context, seedPatient } from "@/tests/integration/fhir/seed";

jest.mock("server-only", () => ({}));
jest.mock("@/lib/records/record-blobs", () => {
  const actual = jest.requireActual<typeof import("@/lib/records/record-blobs")>("@/lib/records/record-blobs");
  return { ...actual, deleteRecordBlob: jest.fn(actual.deleteRecordBlob) };
});
jest.setTimeout(60_000);
afterAll(() => db.$disconnect());

const DAY = 24 * 60 * 60_000;
const PHRASE = { confirmation: "delete my account" };

async function blobsUnder(prefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of recordsContainer().listBlobsFlat({ prefix })) names.push(blob.name);
  return names;
}

async function patientWithEverything() {
  const { patient, files } = await seedPatient();
  const full = await db.user.findUniqueOrThrow({ where: { id: patient.id } });
  const thumbnail = `thumbnails/${patient.id}/${files[0]!.id}.webp`;
  await recordBlobs.recordBlob(thumbnail).upload(Buffer.from("thumb"), 5);
  await db.record.update({ where: { id: files[0]!.id }, data: { thumbnailBlobName: thumbnail } });
  const { export: exported } = await requestExport({ actor: patient, context });
  await buildExport({ exportId: exported.id });
  const slot = await issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "half.pdf", declaredType: "application/pdf", declaredSize: 4 }, context });
  await uploadWithSas(slot.uploadUrl, Buffer.from("%PDF"));
  const clinicians = [await createVerifiedClinician(), await createVerifiedClinician()];
  for (const clinician of clinicians) {
    await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "VIEW", expiresAt: new Date(Date.now() + 30 * DAY) } });
  }
  const user = { id: patient.id, role: patient.role, name: full.name, reauthenticatedAt: new Date() };
  return { patient, user, clinicians, files };
}

describe("delete my account", () => {
  it("needs a fresh re-authentication and the typed phrase, and refuses admins", async () => {
    const patient = await createActor("PATIENT");
    const stale = { id: patient.id, role: patient.role, name: null, reauthenticatedAt: new Date(Date.now() - 6 * 60_000) };
    expect(await errorOf(deleteAccount({ user: stale, input: PHRASE, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(deleteAccount({ user: { ...stale, reauthenticatedAt: null }, input: PHRASE, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(deleteAccount({ user: { ...stale, reauthenticatedAt: new Date() }, input: { confirmation: "delete" }, context }))).toMatchObject({ code: "VALIDATION_FAILED" });
    const admin = await createActor("ADMIN");
    expect(await errorOf(deleteAccount({ user: { id: admin.id, role: "ADMIN", name: null, reauthenticatedAt: new Date() }, input: PHRASE, context }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { id: { in: [patient.id, admin.id] } } })).toBe(2);
  });

  it("ends grants (clinicians told first), removes every blob and row, keeps the audit trail", async () => {
    const { patient, user, clinicians } = await patientWithEverything();
    expect((await blobsUnder(`records/${patient.id}/`)).length).toBe(3); // 2 files + the unfinished upload
    expect(await blobsUnder(`thumbnails/${patient.id}/`)).toHaveLength(1);
    expect(await blobsUnder(`exports/${patient.id}/`)).toHaveLength(1);
    const auditBefore = await db.auditEvent.count({ where: { patientId: patient.id } });

    expect(await deleteAccount({ user, input: { confirmation: "  Delete My Account " }, context })).toEqual({ outcome: "deleted" });

    for (const prefix of [`records/${patient.id}/`, `thumbnails/${patient.id}/`, `exports/${patient.id}/`]) expect(await blobsUnder(prefix)).toEqual([]);
    expect(await db.user.count({ where: { id: patient.id } })).toBe(0);
    for (const count of [
      db.record.count({ where: { ownerId: patient.id } }),
      db.healthEntry.count({ where: { patientId: patient.id } }),
      db.grant.count({ where: { patientId: patient.id } }),
      db.dataExport.count({ where: { userId: patient.id } }),
      db.uploadSlot.count({ where: { ownerId: patient.id } }),
      db.session.count({ where: { userId: patient.id } }),
      db.notification.count({ where: { userId: patient.id } }),
    ]) {
      expect(await count).toBe(0);
    }
    for (const clinician of clinicians) {
      const notice = await db.notification.findFirstOrThrow({ where: { userId: clinician.id, type: "ACCOUNT_DELETED" } });
      expect(notice.body).toMatch(/access to their records has ended/);
    }
    const trail = await db.auditEvent.findMany({ where: { OR: [{ patientId: patient.id }, { actorId: patient.id }] }, orderBy: { id: "asc" } });
    expect(trail.length).toBeGreaterThan(auditBefore);
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(["health_entry.created", "export.requested", "account.deletion_started", "account.deleted"]));
    expect(trail.at(-1)).toMatchObject({ action: "account.deleted", details: { records: 2, exports: 1 } });
    expect(trail.find((a) => a.action === "account.deletion_started")?.details).toMatchObject({ grantsEnded: 2, cliniciansNotified: 2 });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("when storage fails part-way: the account is closed at once, no record points at a missing blob, and the job finishes", async () => {
    const { patient, user, files } = await patientWithEverything();
    await db.user.update({ where: { id: patient.id }, data: { passwordHash: "argon2-placeholder" } });
    const deleteBlob = jest.mocked(recordBlobs.deleteRecordBlob);
    const actual = jest.requireActual<typeof import("@/lib/records/record-blobs")>("@/lib/records/record-blobs");
    // The second blob deletion fails (storage outage).
    let calls = 0;
    deleteBlob.mockImplementation(async (name) => {
      calls += 1;
      if (calls === 3) throw new Error("storage down");
      return actual.deleteRecordBlob(name);
    });

    expect(await deleteAccount({ user, input: PHRASE, context })).toEqual({ outcome: "finishing" });
    const closed = await db.user.findUniqueOrThrow({ where: { id: patient.id }, select: { status: true, passwordHash: true } });
    expect(closed).toMatchObject({ status: "SUSPENDED", passwordHash: null });
    expect(await db.session.count({ where: { userId: patient.id, revokedAt: null } })).toBe(0);
    expect(await db.grant.count({ where: { patientId: patient.id, revokedAt: null } })).toBe(0);
    // Every record row that is left still has its file.
    const left = await db.record.findMany({ where: { ownerId: patient.id } });
    expect(left.length).toBeGreaterThan(0);
    for (const record of left) {
      expect(await recordBlobs.recordBlob(record.blobName).exists()).toBe(true);
      if (record.thumbnailBlobName) expect(await recordBlobs.recordBlob(record.thumbnailBlobName).exists()).toBe(true);
    }
    expect(files.some((f) => !left.some((r) => r.id === f.id))).toBe(true); // the first one did go
    expect(await db.job.count({ where: { type: "delete-account-data", payload: { equals: { userId: patient.id } }, completedAt: null } })).toBe(1);

    deleteBlob.mockImplementation(actual.deleteRecordBlob);
    expect(await deleteAccountData({ userId: patient.id })).toMatchObject({ outcome: "deleted" });
    expect(await blobsUnder(`records/${patient.id}/`)).toEqual([]);
    expect(await db.user.count({ where: { id: patient.id } })).toBe(0);
    expect(await deleteAccountData({ userId: patient.id })).toMatchObject({ outcome: "already_gone" });
  });

  it("overlapping runs (deleteAccount's own and the fallback job) both finish cleanly, with one account.deleted event", async () => {
    const { patient, user } = await patientWithEverything();
    await db.user.update({ where: { id: patient.id }, data: { passwordHash: "argon2-placeholder" } });
    const [inline, job] = await Promise.all([deleteAccount({ user, input: PHRASE, context }), (async () => {
      // The job's run, as soon as the account is closed.
      while ((await db.auditEvent.count({ where: { action: "account.deletion_started", targetId: patient.id } })) === 0) await new Promise((r) => setTimeout(r, 5));
      return deleteAccountData({ userId: patient.id });
    })()]);
    expect(inline).toEqual({ outcome: "deleted" });
    expect(["deleted", "already_gone"]).toContain(job.outcome);
    expect(await db.user.count({ where: { id: patient.id } })).toBe(0);
    expect(await blobsUnder(`records/${patient.id}/`)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "account.deleted", targetId: patient.id } })).toBe(1);
    // The fallback job waits a minute, so it does not race the request's own deletion as a rule.
    const fallback = await db.job.findFirstOrThrow({ where: { type: "delete-account-data", payload: { equals: { userId: patient.id } } } });
    expect(fallback.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it("never empties an account that was not closed through deleteAccount", async () => {
    const patient = await createActor("PATIENT");
    await expect(deleteAccountData({ userId: patient.id })).rejects.toThrow(/not closed/);
    expect(await db.user.count({ where: { id: patient.id } })).toBe(1);
  });

  it("a clinician's deletion ends the grants they hold and tells the patients", async () => {
    const clinician = await createVerifiedClinician();
    const patient = await createActor("PATIENT");
    await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "VIEW", expiresAt: new Date(Date.now() + DAY) } });
    const user = { id: clinician.id, role: clinician.role, name: clinician.name, reauthenticatedAt: new Date() };
    expect(await deleteAccount({ user, input: PHRASE, context })).toEqual({ outcome: "deleted" });
    expect(await db.notification.count({ where: { userId: patient.id, type: "ACCOUNT_DELETED" } })).toBe(1);
    expect(await db.grant.count({ where: { granteeId: clinician.id } })).toBe(0);
  });

  it("a clinician who uploaded and changed records for a patient can delete their account; the records stay with the patient, from a former clinician", async () => {
    const clinician = await createVerifiedClinician({ name: "Amara Okafor" });
    const patient = await createActor("PATIENT");
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "CONTRIBUTE", scope: "ALL" }, context });
    // The upload the contribute page does: a slot in the patient's vault, the file, finalize.
    const bytes = pdfBytes("Discharge summary");
    const slot = await issueUploadSlot({ actor: clinician, input: { patientId: patient.id, fileName: "discharge.pdf", declaredType: "application/pdf", declaredSize: bytes.length }, context });
    await uploadWithSas(slot.uploadUrl, bytes);
    const finalized = await finalizeUpload({ actor: clinician, slotId: slot.slotId, context });
    if (finalized.outcome !== "ready") throw new Error(`expected a ready record, got: ${finalized.reason}`);
    const recordId = finalized.record.id;
    // A metadata change made by the clinician (kept as a version naming them).
    await db.recordVersion.create({ data: { recordId, version: 1, changedById: clinician.id, previous: { category: null } } });
    expect((await listRecords({ actor: patient })).records).toEqual([expect.objectContaining({ id: recordId, uploadedByName: "Dr. Amara Okafor" })]);
    expect(await deletionBlockers({ userId: clinician.id, role: clinician.role })).toEqual([]);

    const user = { id: clinician.id, role: clinician.role, name: "Amara Okafor", reauthenticatedAt: new Date() };
    expect(await deleteAccount({ user, input: PHRASE, context })).toEqual({ outcome: "deleted" });
    expect(await db.user.count({ where: { id: clinician.id } })).toBe(0);

    // The grant they held ended (counted and announced when the account closed; the row went with the account).
    expect(await db.grant.count({ where: { id: grant.id } })).toBe(0);
    const started = await db.auditEvent.findFirstOrThrow({ where: { action: "account.deletion_started", targetId: clinician.id } });
    expect(started.details).toMatchObject({ grantsEnded: 1 });
    const notice = await db.notification.findFirstOrThrow({ where: { userId: patient.id, type: "ACCOUNT_DELETED" } });
    expect(notice.body).toMatch(/sharing with them has ended/);

    // The record, its file and its history stay with the patient; the clinician is no longer named.
    const row = await db.record.findUniqueOrThrow({ where: { id: recordId } });
    expect(row).toMatchObject({ ownerId: patient.id, uploadedById: null, status: "READY" });
    expect(await recordBlobs.recordBlob(row.blobName).exists()).toBe(true);
    expect(await db.recordVersion.findMany({ where: { recordId }, select: { changedById: true } })).toEqual([{ changedById: null }]);
    expect((await listRecords({ actor: patient })).records).toEqual([expect.objectContaining({ id: recordId, uploadedById: null, uploadedByName: FORMER_CLINICIAN })]);
    // What the patient's record page shows.
    const opened = await findAccessibleRecord({ actor: patient, recordId });
    const uploaderName = await findUploaderName({ userId: opened.uploadedById });
    expect(uploaderName).toBe("A former clinician");
    expect(toRecordView(opened, { viewerId: patient.id, uploaderName }).uploadedBy).toBe("A former clinician");
    expect(toRecordView(opened, { viewerId: patient.id, uploaderName: null }).uploadedBy).toBe("A former clinician");
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

// A patient revokes a clinician's grant while the clinician's browser keeps
// asking for download URLs. Once revokeGrant has returned (its transaction has
// committed), no request may get a URL, and every URL handed out has its audit row.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { finalizeUpload } from "@/lib/records/finalize-upload";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import { grantAccess } from "@/lib/sharing/grant-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { dicomBytes, uploadWithSas } from "@/tests/factories/files";
import { createPatient, createVerifiedClinician } from "@/tests/integration/sharing/helpers";

jest.setTimeout(60_000);
const context = { ipAddress: "198.51.100.93", userAgent: "jest concurrency" };
const CALLERS = 8;

afterAll(() => db.$disconnect());

type Attempt = { startedAt: number; endedAt: number; ok: boolean; code?: string };

describe("revoke while download URLs are being issued", () => {
  it("after the revoke commits, every request is refused like a missing record; before, each URL is audited", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const bytes = dicomBytes();
    const slot = await issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "scan.dcm", declaredType: "application/dicom", declaredSize: bytes.length }, context });
    await uploadWithSas(slot.uploadUrl, bytes);
    const finalized = await finalizeUpload({ actor: patient, slotId: slot.slotId, context });
    if (finalized.outcome !== "ready") throw new Error(finalized.reason);
    const recordId = finalized.record.id;
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context });

    const attempts: Attempt[] = [];
    let revokedAt = Infinity;
    let stop = false;
    const caller = async () => {
      while (!stop) {
        const startedAt = performance.now();
        try {
          await issueDownloadUrl({ actor: clinician, recordId, context });
          attempts.push({ startedAt, endedAt: performance.now(), ok: true });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          attempts.push({ startedAt, endedAt: performance.now(), ok: false, code: error.code });
        }
        // Keep calling for a while after the revoke, then stop by ourselves.
        if (performance.now() > revokedAt + 500) stop = true;
      }
    };
    const callers = Array.from({ length: CALLERS }, caller);
    // Let URLs flow first, so the revoke lands in the middle of a stream of requests.
    while (attempts.filter((a) => a.ok).length < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    const revoke = await revokeGrant({ actor: patient, grantId: grant.id, context });
    revokedAt = performance.now();
    await Promise.all(callers);

    expect(revoke.outcome).toBe("revoked");
    const before = attempts.filter((a) => a.endedAt < revokedAt);
    const after = attempts.filter((a) => a.startedAt > revokedAt);
    expect(before.some((a) => a.ok)).toBe(true);
    expect(after.length).toBeGreaterThan(CALLERS);
    // Started after the commit: always refused, exactly like a record that does not exist.
    expect(after.filter((a) => a.ok)).toEqual([]);
    expect(new Set(after.map((a) => a.code))).toEqual(new Set(["NOT_FOUND"]));
    // Every URL handed out has its audit row, none beyond them.
    const issued = attempts.filter((a) => a.ok).length;
    expect(await db.auditEvent.count({ where: { targetId: recordId, action: "record.downloaded", actorId: clinician.id } })).toBe(issued);
    // (A request already in flight when the commit lands may still finish with a URL:
    // its decision was read before the commit. That URL is audited like any other.)
  });
});

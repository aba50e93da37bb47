// Fail closed: when the audit row of an access cannot be written, the access is
// refused and nothing it would have changed is left behind. Each case runs
// first with the audit store failing (refused, nothing changed), then working
// (allowed), so the test would catch an access that skips its audit row.
import { db } from "@/lib/db";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";
import { issuePreviewUrl } from "@/lib/records/issue-preview-url";
import { grantAccess } from "@/lib/sharing/grant-access";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { context, createPatient, createRecordRow, createVerifiedClinician } from "@/tests/integration/sharing/helpers";
import { withFailingAuditFor } from "./failing-audit";

afterAll(() => db.$disconnect());

const eventsBy = (actorId: string) => db.auditEvent.count({ where: { actorId } });

describe("no audit row, no access", () => {
  it("issues no download link, to the owner or to a clinician with a grant", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const record = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "DOWNLOAD", expiresAt: new Date(Date.now() + 86_400_000) } });

    for (const actor of [patient, clinician]) {
      await withFailingAuditFor(actor.id, async () => {
        await expect(issueDownloadUrl({ actor, recordId: record.id, context })).rejects.toThrow(/audit store unavailable/);
      });
      expect(await eventsBy(actor.id)).toBe(0);
      const issued = await issueDownloadUrl({ actor, recordId: record.id, context });
      expect(issued.url).toContain("sig=");
      expect(await db.auditEvent.findMany({ where: { actorId: actor.id }, select: { action: true, outcome: true, targetId: true } })).toEqual([
        { action: "record.downloaded", outcome: "ALLOWED", targetId: record.id },
      ]);
    }
  });

  it("issues no preview link", async () => {
    const patient = await createPatient();
    const record = await createRecordRow({ ownerId: patient.id, category: "IMAGING" });

    await withFailingAuditFor(patient.id, async () => {
      await expect(issuePreviewUrl({ actor: patient, recordId: record.id, context })).rejects.toThrow(/audit store unavailable/);
    });
    expect(await eventsBy(patient.id)).toBe(0);
    expect((await issuePreviewUrl({ actor: patient, recordId: record.id, context })).url).toContain("sig=");
    expect(await eventsBy(patient.id)).toBe(1);
  });

  it("creates no grant, and revokes none half-way", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const input = { granteeId: clinician.id, level: "VIEW" as const, scope: "ALL" as const };

    await withFailingAuditFor(patient.id, async () => {
      await expect(grantAccess({ actor: patient, input, context })).rejects.toThrow(/audit store unavailable/);
    });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: clinician.id } })).toBe(0);

    const { grant } = await grantAccess({ actor: patient, input, context });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(1);

    await withFailingAuditFor(patient.id, async () => {
      await expect(revokeGrant({ actor: patient, grantId: grant.id, context })).rejects.toThrow(/audit store unavailable/);
    });
    expect(await db.grant.findUniqueOrThrow({ where: { id: grant.id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
  });

  it("opens no emergency access", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const input = { patient: patient.email, reason: "Unconscious in the emergency department, allergies unknown." };

    await withFailingAuditFor(clinician.id, async () => {
      await expect(openEmergencyAccess({ actor: clinician, input, context })).rejects.toThrow(/audit store unavailable/);
    });
    expect(await db.grant.count({ where: { patientId: patient.id, granteeId: clinician.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: patient.id } })).toBe(0);
  });
});

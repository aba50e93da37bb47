// Edit proposals on record metadata against the real database: nothing changes
// before the patient approves; approval applies the change, keeps the previous
// version and protects the values from categorization; rejection changes
// nothing; a proposal made against an older version becomes OUTDATED; only a
// PROPOSE_EDITS grant lets a clinician propose, and a refusal looks like a
// record that does not exist.
import { applyCategorization } from "@/lib/categorization/apply-categorization";
import { correctRecordMetadata } from "@/lib/categorization/correct-record-metadata";
import { db } from "@/lib/db";
import type { GrantLevel } from "@/lib/generated/prisma/client";
import { createRecordMetadataProposal } from "@/lib/proposals/create-record-metadata-proposal";
import { decideProposal } from "@/lib/proposals/decide-proposal";
import { listProposals } from "@/lib/proposals/list-proposals";
import { proposeFormFor } from "@/lib/proposals/propose-form-for";
import { context, createPatient, createRecordRow, createVerifiedClinician, DAY_MS, errorOf } from "@/tests/integration/sharing/helpers";

afterAll(() => db.$disconnect());

async function setUp(level: GrantLevel = "PROPOSE_EDITS") {
  const patient = await createPatient();
  const clinician = await createVerifiedClinician();
  const record = await createRecordRow({ ownerId: patient.id, category: "OTHER" });
  await db.record.update({ where: { id: record.id }, data: { tags: ["scan"], bodyPart: null } });
  await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level, expiresAt: new Date(Date.now() + 7 * DAY_MS) } });
  return { patient, clinician, record };
}

const metadataOf = (recordId: string) =>
  db.record.findUniqueOrThrow({ where: { id: recordId }, select: { category: true, dateOfService: true, tags: true, bodyPart: true, sourceProvider: true, version: true, correctedFields: true } });

const changes = { category: "IMAGING" as const, dateOfService: "2024-03-05", bodyPart: "Left knee", tags: ["scan", "mri"] };

describe("record metadata proposals", () => {
  it("changes nothing until approved; approval applies, keeps the previous version, and categorization keeps the approved values", async () => {
    const { patient, clinician, record } = await setUp();
    const original = await metadataOf(record.id);

    const { proposalId } = await createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes, note: "Report says MRI of the left knee." }, context });
    expect(await metadataOf(record.id)).toEqual(original);
    expect(await db.recordVersion.count({ where: { recordId: record.id } })).toBe(0);
    const stored = await db.editProposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(stored).toMatchObject({ status: "PENDING", baseVersion: 1, patientId: patient.id, proposedById: clinician.id, target: "RECORD_METADATA" });
    // Only what differs: the tags were proposed unchanged in part, but as a list they differ.
    expect(stored.before).toEqual({ category: "OTHER", dateOfService: null, bodyPart: null, tags: ["scan"] });
    expect(stored.after).toEqual({ category: "IMAGING", dateOfService: "2024-03-05", bodyPart: "Left knee", tags: ["scan", "mri"] });
    expect(await db.notification.findMany({ where: { userId: patient.id }, select: { type: true, link: true } })).toEqual([{ type: "EDIT_PROPOSED", link: "/patient/proposals" }]);

    const inbox = await listProposals({ actor: patient, view: "inbox" });
    expect(inbox.pendingCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ id: proposalId, proposedBy: { id: clinician.id }, note: "Report says MRI of the left knee." });
    expect(inbox.items[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "category", label: "Category", before: "Other", after: "Imaging" },
        { field: "dateOfService", label: "Date of service", before: "Not set", after: "5 Mar 2024" },
        { field: "bodyPart", label: "Body part", before: "Not set", after: "Left knee" },
      ]),
    );
    expect((await listProposals({ actor: clinician, view: "mine" })).items.map((p) => p.id)).toEqual([proposalId]);

    expect(await decideProposal({ actor: patient, input: { proposalId, decision: "approve" }, context })).toEqual({ status: "APPROVED" });
    const approved = await metadataOf(record.id);
    expect(approved).toMatchObject({ category: "IMAGING", tags: ["scan", "mri"], bodyPart: "Left knee", version: 2 });
    expect(approved.dateOfService?.toISOString().slice(0, 10)).toBe("2024-03-05");
    expect(approved.correctedFields).toEqual(expect.arrayContaining(["category", "dateOfService", "bodyPart", "tags"]));
    const versions = await db.recordVersion.findMany({ where: { recordId: record.id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, changedById: patient.id, previous: expect.objectContaining({ category: "OTHER", tags: ["scan"], bodyPart: null }) });

    await applyCategorization({ recordId: record.id, result: { category: "LAB_RESULT", bodyPart: "Chest", dateOfService: "2020-01-01", keywords: [], signals: [], extractedText: "", notes: [] } });
    expect(await metadataOf(record.id)).toMatchObject({ category: "IMAGING", bodyPart: "Left knee", tags: ["scan", "mri"] });

    expect(await db.notification.findMany({ where: { userId: clinician.id }, select: { type: true } })).toEqual([{ type: "EDIT_APPROVED" }]);
    const trail = await db.auditEvent.findMany({ where: { patientId: patient.id, action: { startsWith: "proposal." } }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.outcome, e.actorId])).toEqual([
      ["proposal.created", "ALLOWED", clinician.id],
      ["proposal.approved", "ALLOWED", patient.id],
    ]);
    expect(JSON.stringify(trail.map((e) => e.details))).not.toContain("Left knee");

    // Decided once: a second click changes nothing.
    expect(await errorOf(decideProposal({ actor: patient, input: { proposalId, decision: "reject" }, context }))).toMatchObject({ code: "CONFLICT" });
  });

  it("rejecting changes nothing but the proposal", async () => {
    const { patient, clinician, record } = await setUp();
    const original = await metadataOf(record.id);
    const { proposalId } = await createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes: { category: "LAB_RESULT" } }, context });

    expect(await decideProposal({ actor: patient, input: { proposalId, decision: "reject" }, context })).toEqual({ status: "REJECTED" });
    expect(await metadataOf(record.id)).toEqual(original);
    expect(await db.recordVersion.count({ where: { recordId: record.id } })).toBe(0);
    expect(await db.editProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { status: true, decidedAt: true } })).toEqual({ status: "REJECTED", decidedAt: expect.any(Date) });
    expect(await db.notification.findMany({ where: { userId: clinician.id }, select: { type: true } })).toEqual([{ type: "EDIT_REJECTED" }]);
  });

  it("marks a proposal OUTDATED when the record changed after it was made, and keeps the newer values", async () => {
    const { patient, clinician, record } = await setUp();
    const { proposalId } = await createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes: { category: "LAB_RESULT" } }, context });
    await correctRecordMetadata({ actorId: patient.id, recordId: record.id, expectedVersion: 1, changes: { category: "PRESCRIPTION" }, context });
    const corrected = await metadataOf(record.id);

    expect(await decideProposal({ actor: patient, input: { proposalId, decision: "approve" }, context })).toEqual({ status: "OUTDATED" });
    expect(await metadataOf(record.id)).toEqual(corrected);
    expect(corrected).toMatchObject({ category: "PRESCRIPTION", version: 2 });
    expect(await db.recordVersion.count({ where: { recordId: record.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "proposal.outdated", targetId: record.id } })).toBe(1);

    // And a clinician working from a stale page cannot even propose.
    expect(await errorOf(createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes: { category: "IMAGING" } }, context }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a VIEW-only or DOWNLOAD clinician, a stranger and the owner exactly like a missing record", async () => {
    const missing = await errorOf(
      createRecordMetadataProposal({ actor: (await setUp()).clinician, input: { recordId: "c_does_not_exist", baseVersion: 1, changes: { category: "IMAGING" } }, context }),
    );
    expect(missing.code).toBe("NOT_FOUND");

    for (const level of ["VIEW", "DOWNLOAD", "CONTRIBUTE"] as const) {
      const { patient, clinician, record } = await setUp(level);
      const refused = await errorOf(createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes: { category: "IMAGING" } }, context }));
      expect(refused).toEqual(missing);
      expect(await db.editProposal.count({ where: { recordId: record.id } })).toBe(0);
      expect(await db.notification.count({ where: { userId: patient.id } })).toBe(0);
      expect(await db.auditEvent.findMany({ where: { actorId: clinician.id, action: "proposal.created" }, select: { outcome: true, patientId: true } })).toEqual([
        { outcome: "DENIED", patientId: patient.id },
      ]);
    }

    const { patient, record } = await setUp();
    const stranger = await createVerifiedClinician();
    expect(await errorOf(createRecordMetadataProposal({ actor: stranger, input: { recordId: record.id, baseVersion: 1, changes: { category: "IMAGING" } }, context }))).toEqual(missing);
    expect(await errorOf(createRecordMetadataProposal({ actor: patient, input: { recordId: record.id, baseVersion: 1, changes: { category: "IMAGING" } }, context }))).toEqual(missing);
  });

  it("lets only the patient concerned decide, and stops a revoked clinician from proposing", async () => {
    const { patient, clinician, record } = await setUp();
    const { proposalId } = await createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes: { tags: ["knee"] } }, context });
    const otherPatient = await createPatient();

    expect(await errorOf(decideProposal({ actor: otherPatient, input: { proposalId, decision: "approve" }, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(decideProposal({ actor: clinician, input: { proposalId, decision: "approve" }, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await listProposals({ actor: otherPatient, view: "inbox" })).items).toEqual([]);
    expect(await db.editProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { status: true } })).toEqual({ status: "PENDING" });

    await db.grant.updateMany({ where: { patientId: patient.id, granteeId: clinician.id }, data: { revokedAt: new Date() } });
    expect(await errorOf(createRecordMetadataProposal({ actor: clinician, input: { recordId: record.id, baseVersion: 1, changes: { tags: ["x"] } }, context }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("proposeFormFor", () => {
  it("offers the form only to a clinician whose grant allows proposing, starting from the current values", async () => {
    const { patient, clinician, record } = await setUp();
    const row = await db.record.findUniqueOrThrow({ where: { id: record.id } });
    expect(await proposeFormFor({ actor: clinician, record: row })).toEqual({ recordId: record.id, version: 1, category: "OTHER", dateOfService: null, tags: ["scan"], bodyPart: null, sourceProvider: null });
    expect(await proposeFormFor({ actor: patient, record: row })).toBeNull();
    const viewer = await setUp("VIEW");
    expect(await proposeFormFor({ actor: viewer.clinician, record: await db.record.findUniqueOrThrow({ where: { id: viewer.record.id } }) })).toBeNull();
  });
});

// decideProposal on HEALTH_ENTRY proposals: the patient's inbox shows the
// before/after field by field, and approving goes through lib/health's
// applyHealthEntryProposal (stale proposals become OUTDATED), audited and
// told to the clinician like record proposals.
import { db } from "@/lib/db";
import { addHealthEntry } from "@/lib/health/add-health-entry";
import { proposeHealthEntryChange } from "@/lib/health/propose-health-entry-change";
import { updateHealthEntry } from "@/lib/health/update-health-entry";
import { decideProposal } from "@/lib/proposals/decide-proposal";
import { listProposals } from "@/lib/proposals/list-proposals";
import { allergy, context, createPatient, createVerifiedClinician, grant } from "@/tests/integration/health-data/helpers";

afterAll(() => db.$disconnect());

async function setUp() {
  const patient = await createPatient();
  const clinician = await createVerifiedClinician();
  await grant({ patientId: patient.id, granteeId: clinician.id, level: "PROPOSE_EDITS" });
  const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });
  return { patient, clinician, entry };
}

describe("deciding health data proposals", () => {
  it("shows the changed field and applies it on approval", async () => {
    const { patient, clinician, entry } = await setUp();
    const { proposalId } = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, severity: "moderate" } }, context });

    const inbox = await listProposals({ actor: patient, view: "inbox" });
    expect(inbox.items[0]).toMatchObject({ id: proposalId, target: "HEALTH_ENTRY", subject: { kind: "health_entry", healthKind: "ALLERGY", isNew: false } });
    expect(inbox.items[0]!.changes).toEqual([{ field: "severity", label: "Severity", before: "severe", after: "moderate" }]);

    expect(await decideProposal({ actor: patient, input: { proposalId, decision: "approve" }, context })).toEqual({ status: "APPROVED" });
    const applied = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(applied).toMatchObject({ version: 2, data: expect.objectContaining({ severity: "moderate" }) });
    expect(await db.healthEntryVersion.count({ where: { entryId: entry.id } })).toBe(1);
    expect(await db.auditEvent.findMany({ where: { action: "proposal.approved", targetId: entry.id }, select: { actorId: true, patientId: true } })).toEqual([{ actorId: patient.id, patientId: patient.id }]);
    expect(await db.notification.findMany({ where: { userId: clinician.id }, select: { type: true } })).toEqual([{ type: "EDIT_APPROVED" }]);
  });

  it("marks a stale proposal OUTDATED, and a rejected one changes nothing", async () => {
    const { patient, clinician, entry } = await setUp();
    const stale = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, severity: "mild" } }, context });
    await updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1, data: { ...allergy, reaction: "Rash" } }, context });

    expect(await decideProposal({ actor: patient, input: { proposalId: stale.proposalId, decision: "approve" }, context })).toEqual({ status: "OUTDATED" });
    const after = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after).toMatchObject({ version: 2, data: expect.objectContaining({ severity: "severe", reaction: "Rash" }) });

    const rejected = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 2, data: { ...allergy, reaction: "Rash", severity: "mild" } }, context });
    expect(await decideProposal({ actor: patient, input: { proposalId: rejected.proposalId, decision: "reject" }, context })).toEqual({ status: "REJECTED" });
    expect(await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { version: true } })).toEqual({ version: 2 });
  });
});

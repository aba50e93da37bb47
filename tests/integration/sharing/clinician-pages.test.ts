// The queries behind the clinician's pages: a patient's access summary, the
// records a grant covers, opening one record (audited), and the clinician's
// own requests. Denied, unknown and malformed all look the same (NOT_FOUND or
// nothing).
import { db } from "@/lib/db";
import { getSharedPatientAccess } from "@/lib/sharing/shared-patient-access";
import { grantAccess } from "@/lib/sharing/grant-access";
import { listSentAccessRequests } from "@/lib/sharing/list-sent-access-requests";
import { listSharedRecords } from "@/lib/sharing/list-shared-records";
import { listAccessRequests } from "@/lib/sharing/list-access-requests";
import { decideAccessRequest } from "@/lib/sharing/decide-access-request";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { requestAccess } from "@/lib/sharing/request-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { viewSharedRecord } from "@/lib/sharing/view-shared-record";
import { auditFor, context, createPatient, createPendingClinician, createRecordRow, createVerifiedClinician, errorOf } from "./helpers";

afterAll(() => db.$disconnect());

describe("getSharedPatientAccess", () => {
  it("gives the terms and allowed actions of the grants in force, and NOT_FOUND otherwise", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    expect(await errorOf(getSharedPatientAccess({ actor: clinician, patientId: patient.id }))).toMatchObject({ code: "NOT_FOUND" });

    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "CATEGORIES", categories: ["LAB_RESULT"] }, context });
    const access = await getSharedPatientAccess({ actor: clinician, patientId: patient.id });
    expect(access.patient.id).toBe(patient.id);
    expect(access.grants).toEqual([expect.objectContaining({ id: grant.id, scope: "CATEGORIES", categories: ["LAB_RESULT"], level: "VIEW" })]);
    expect(access.can).toEqual({ download: false, upload: false, proposeEdits: false });
    expect(access.emergency).toBeNull();

    await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "CONTRIBUTE", scope: "ALL" }, context });
    expect((await getSharedPatientAccess({ actor: clinician, patientId: patient.id })).can).toEqual({ download: true, upload: true, proposeEdits: false });

    // Someone else, the patient themselves, an unverified clinician, garbage ids: all NOT_FOUND.
    for (const [actor, patientId] of [
      [await createVerifiedClinician(), patient.id],
      [patient, patient.id],
      [await createPendingClinician(), patient.id],
      [clinician, "does-not-exist"],
      [clinician, ""],
    ] as const) {
      expect(await errorOf(getSharedPatientAccess({ actor, patientId }))).toMatchObject({ code: "NOT_FOUND" });
    }

    await revokeGrant({ actor: patient, grantId: grant.id, context });
    expect(await errorOf(getSharedPatientAccess({ actor: clinician, patientId: patient.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("names the running emergency access, view only on everything", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const opened = await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: "Unconscious on arrival, allergies unknown" }, context });
    const access = await getSharedPatientAccess({ actor: clinician, patientId: patient.id });
    expect(access.emergency).toMatchObject({ id: opened.grantId, level: "VIEW", scope: "ALL", origin: "EMERGENCY" });
    expect(access.can.download).toBe(false);
  });
});

describe("listSharedRecords and viewSharedRecord", () => {
  it("list and open only what the grant covers, audit each opening, and refuse after a revoke", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const lab = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    const scan = await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    const otherPatient = await createPatient();
    const foreign = await createRecordRow({ ownerId: otherPatient.id, category: "LAB_RESULT" });
    expect((await listSharedRecords({ actor: clinician, patientId: patient.id })).records).toEqual([]);

    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "CATEGORIES", categories: ["LAB_RESULT"] }, context });
    await grantAccess({ actor: otherPatient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context });
    expect((await listSharedRecords({ actor: clinician, patientId: patient.id })).records.map((r) => r.id)).toEqual([lab.id]);
    // The patient's own id never widens anything here.
    expect((await listSharedRecords({ actor: patient, patientId: patient.id })).records).toEqual([]);

    const opened = await viewSharedRecord({ actor: clinician, patientId: patient.id, recordId: lab.id, context });
    expect(opened).toMatchObject({ canDownload: false, via: "grant" });
    expect(opened.record.id).toBe(lab.id);
    const [event] = await auditFor({ targetId: lab.id, action: "record.viewed" });
    expect(event).toMatchObject({ actorId: clinician.id, patientId: patient.id, outcome: "ALLOWED" });

    // Outside the scope, another patient's record under this patient's URL, and after the revoke: NOT_FOUND.
    expect(await errorOf(viewSharedRecord({ actor: clinician, patientId: patient.id, recordId: scan.id, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(viewSharedRecord({ actor: clinician, patientId: patient.id, recordId: foreign.id, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await viewSharedRecord({ actor: clinician, patientId: otherPatient.id, recordId: foreign.id, context })).canDownload).toBe(true);
    await revokeGrant({ actor: patient, grantId: grant.id, context });
    expect(await errorOf(viewSharedRecord({ actor: clinician, patientId: patient.id, recordId: lab.id, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await listSharedRecords({ actor: clinician, patientId: patient.id })).records).toEqual([]);
  });
});

describe("listSentAccessRequests", () => {
  it("lists only the requests patients answered, so a waiting one cannot show that an account exists", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const input = { patient: patient.email, reason: "Follow-up of the blood tests", level: "DOWNLOAD" as const, scope: "ALL" as const, durationDays: 30 };
    await requestAccess({ actor: clinician, input, context });
    // Unknown patients leave no row; a known patient's waiting request is not listed either: the two look the same.
    await requestAccess({ actor: clinician, input: { ...input, patient: "nobody-here@example.test" }, context });
    expect(await listSentAccessRequests({ actor: clinician })).toEqual([]);

    const [request] = await listAccessRequests({ actor: patient });
    await decideAccessRequest({ actor: patient, requestId: request!.id, input: { decision: "approve", level: "VIEW", scope: "CATEGORIES", categories: ["LAB_RESULT"] }, context });
    const answered = await listSentAccessRequests({ actor: clinician });
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ status: "APPROVED", level: "DOWNLOAD", scope: "ALL", durationDays: 30, patient: { id: patient.id } });

    expect(await listSentAccessRequests({ actor: await createVerifiedClinician() })).toEqual([]);
    expect(await errorOf(listSentAccessRequests({ actor: await createPendingClinician() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(listSentAccessRequests({ actor: patient }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

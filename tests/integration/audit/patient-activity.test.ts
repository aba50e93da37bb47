// "Who saw my data": the patient's own trail only, newest first, in plain
// words, filterable by who, what and date, with emergency access marked.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { listPatientActivity } from "@/lib/audit/list-patient-activity";
import { db } from "@/lib/db";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";
import { grantAccess } from "@/lib/sharing/grant-access";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { context, createPatient, createRecordRow, createVerifiedClinician, errorOf } from "@/tests/integration/sharing/helpers";

afterAll(() => db.$disconnect());

describe("listPatientActivity", () => {
  it("tells the patient who did what with their data, newest first, and nobody else's", async () => {
    const patient = await createPatient();
    const other = await createPatient();
    const doctor = await createVerifiedClinician({ name: "Ana Lee" });
    const nurse = await createVerifiedClinician({ name: "Sam Roe", role: "NURSE" });
    const record = await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    await db.record.update({ where: { id: record.id }, data: { originalName: "MRI knee" } });

    await grantAccess({ actor: patient, input: { granteeId: doctor.id, level: "DOWNLOAD", scope: "ALL" }, context });
    await issueDownloadUrl({ actor: doctor, recordId: record.id, context });
    await errorOf(issueDownloadUrl({ actor: nurse, recordId: record.id, context }));
    await recordAuditEvent({ action: "record.viewed", outcome: "ALLOWED", actorId: doctor.id, actorRole: "PHYSICIAN", patientId: other.id, targetType: "record", targetId: "elsewhere" });
    await openEmergencyAccess({ actor: nurse, input: { patient: patient.email, reason: "Found unconscious, need the allergy list now." }, context });

    const page = await listPatientActivity({ actor: patient });
    const lines = page.items.map((item) => [item.actor.kind === "person" ? item.actor.name : item.actor.kind, item.description, item.emergency, item.denied]);
    expect(lines).toEqual([
      ["Sam Roe (nurse)", "opened your records with emergency access", true, false],
      ["Dr. Ana Lee", "downloaded “MRI knee”", false, false],
      ["you", "shared your records with Dr. Ana Lee", false, false],
    ]);
    expect(page.total).toBe(3);
    expect(page.people.map((p) => p.label)).toEqual(["Dr. Ana Lee", "Sam Roe (nurse)"]);

    expect((await listPatientActivity({ actor: patient, query: { who: doctor.id } })).items.map((i) => i.description)).toEqual(["downloaded “MRI knee”"]);
    expect((await listPatientActivity({ actor: patient, query: { who: "me" } })).total).toBe(1);
    expect((await listPatientActivity({ actor: patient, query: { what: "emergency" } })).items.map((i) => i.emergency)).toEqual([true]);
    expect((await listPatientActivity({ actor: patient, query: { what: "downloads" } })).total).toBe(1);
    expect((await listPatientActivity({ actor: patient, query: { what: "sharing" } })).total).toBe(1);
    expect((await listPatientActivity({ actor: patient, query: { from: "2000-01-01", to: "2000-12-31" } })).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listPatientActivity({ actor: patient, query: { from: today, to: today } })).total).toBe(3);

    // The other patient sees only the one event about them; a clinician cannot list anything.
    expect((await listPatientActivity({ actor: other })).items.map((i) => i.description)).toEqual(["viewed a record"]);
    expect(await errorOf(listPatientActivity({ actor: doctor }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages through a long trail and ignores a hand-edited URL's bad values", async () => {
    const patient = await createPatient();
    for (let i = 0; i < 30; i += 1) await recordAuditEvent({ action: "health_data.viewed", outcome: "ALLOWED", actorId: patient.id, actorRole: "PATIENT", patientId: patient.id });
    const first = await listPatientActivity({ actor: patient, query: { page: "1", what: "nonsense", from: "yesterday" } });
    expect(first).toMatchObject({ total: 30, pageCount: 2, page: 1 });
    expect(first.items).toHaveLength(25);
    const second = await listPatientActivity({ actor: patient, query: { page: "2" } });
    expect(second.items).toHaveLength(5);
    expect(Number(first.items[24]!.id)).toBeGreaterThan(Number(second.items[0]!.id));
  });
});

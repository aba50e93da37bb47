// The admin audit dashboard's use cases: search by user, patient, action,
// outcome and date; CSV export (audited first, formula-safe, exactly the
// filtered rows); chain status; emergency review and "End now".
import { exportAuditCsv } from "@/lib/admin/audit/export-audit-csv";
import { getChainOverview, verifyChainNow } from "@/lib/admin/audit/chain-status";
import { listEmergencyAccesses } from "@/lib/admin/audit/list-emergency-accesses";
import { searchAuditEvents } from "@/lib/admin/audit/search-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decideAccess } from "@/lib/authz/decide-access";
import { db } from "@/lib/db";
import { endEmergencyAccess } from "@/lib/sharing/end-emergency-access";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { createAdminUser } from "@/tests/factories/clinicians";
import { accessActor, context, createPatient, createVerifiedClinician, errorOf } from "@/tests/integration/sharing/helpers";

afterAll(() => db.$disconnect());

async function collect(rows: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const row of rows) text += row;
  return text;
}

describe("admin audit search and export", () => {
  it("filters by user, patient, action, outcome and date, and refuses non-admins", async () => {
    const admin = await createAdminUser();
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await recordAuditEvent({ action: "record.viewed", outcome: "ALLOWED", actorId: clinician.id, actorRole: "PHYSICIAN", patientId: patient.id, targetType: "record", targetId: "r1" });
    await recordAuditEvent({ action: "record.downloaded", outcome: "DENIED", actorId: clinician.id, actorRole: "PHYSICIAN", patientId: patient.id, targetType: "record", targetId: "r1" });
    await recordAuditEvent({ action: "auth.sign_in", outcome: "ALLOWED", actorId: patient.id, actorRole: "PATIENT" });

    const byEmail = await searchAuditEvents({ adminId: admin.id, query: { user: clinician.email.toUpperCase() } });
    expect(byEmail.items.map((row) => row.action)).toEqual(["record.downloaded", "record.viewed"]);
    expect(byEmail.items[0]).toMatchObject({ actor: { id: clinician.id, email: clinician.email }, patient: { id: patient.id, email: patient.email }, outcome: "DENIED" });
    expect((await searchAuditEvents({ adminId: admin.id, query: { patient: patient.id } })).total).toBe(2);
    expect((await searchAuditEvents({ adminId: admin.id, query: { user: clinician.id, action: "record." } })).total).toBe(2);
    expect((await searchAuditEvents({ adminId: admin.id, query: { user: clinician.id, action: "record.viewed" } })).total).toBe(1);
    expect((await searchAuditEvents({ adminId: admin.id, query: { user: clinician.id, outcome: "DENIED" } })).total).toBe(1);
    expect((await searchAuditEvents({ adminId: admin.id, query: { user: clinician.id, from: "2000-01-01", to: "2000-01-02" } })).total).toBe(0);
    // An unknown email matches nothing, never everything.
    expect((await searchAuditEvents({ adminId: admin.id, query: { user: "nobody@example.test" } })).total).toBe(0);

    expect(await errorOf(searchAuditEvents({ adminId: clinician.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(searchAuditEvents({ adminId: patient.id }))).toMatchObject({ code: "FORBIDDEN" });
    const suspended = await createAdminUser({ status: "SUSPENDED" });
    expect(await errorOf(exportAuditCsv({ adminId: suspended.id, query: {}, context }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports the filtered rows as formula-safe CSV, after auditing the export", async () => {
    const admin = await createAdminUser();
    const patient = await createPatient();
    await recordAuditEvent({ action: "record.viewed", outcome: "ALLOWED", actorId: patient.id, actorRole: "PATIENT", patientId: patient.id, userAgent: "=HYPERLINK(\"http://evil\")", ipAddress: "@1.2.3.4" });
    await recordAuditEvent({ action: "record.previewed", outcome: "ALLOWED", actorId: patient.id, actorRole: "PATIENT", patientId: patient.id, userAgent: "-cmd" });

    const { fileName, rows } = await exportAuditCsv({ adminId: admin.id, query: { patient: patient.email }, context });
    expect(fileName).toMatch(/^medvault-audit-[\d-]+\.csv$/);
    // Audited before a single row is read.
    const exported = await db.auditEvent.findMany({ where: { actorId: admin.id, action: "admin.audit_exported" } });
    expect(exported).toHaveLength(1);
    expect(exported[0]!.details).toMatchObject({ patient: patient.email, rows: 2 });

    const lines = (await collect(rows)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,occurred_at,action,outcome,actor_id,actor_email,actor_role,patient_id,patient_email,target_type,target_id,ip_address,user_agent,details,hash");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("record.previewed");
    expect(lines[1]).toContain(`"'-cmd"`);
    expect(lines[2]).toContain(`"'@1.2.3.4"`);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines.slice(1).every((line) => !/(^|,)[=+\-@]/.test(line))).toBe(true);
  });

  it("fails closed: no audit row for the export, no export", async () => {
    const admin = await createAdminUser();
    const { withFailingAuditFor } = await import("./failing-audit");
    await withFailingAuditFor(admin.id, async () => {
      await expect(exportAuditCsv({ adminId: admin.id, query: {}, context })).rejects.toThrow(/audit store unavailable/);
    });
  });

  it("shows the chain status and records each verification", async () => {
    const admin = await createAdminUser();
    await recordAuditEvent({ action: "test.chain", outcome: "ALLOWED" });
    const status = await verifyChainNow({ adminId: admin.id, context });
    expect(status.ok).toBe(true);
    const overview = await getChainOverview({ adminId: admin.id });
    expect(overview.events).toBeGreaterThan(1);
    expect(overview.lastVerification).toMatchObject({ ok: true, byId: admin.id, brokenAtId: null });
    expect(overview.lastVerification!.events).toBeGreaterThan(0);
  });
});

describe("admin emergency review", () => {
  it("lists open and past emergency accesses with their reason, and an admin ends one at once", async () => {
    const admin = await createAdminUser();
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const reason = "Unconscious on arrival, need medication list now.";
    const opened = await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason }, context });

    const before = await listEmergencyAccesses({ adminId: admin.id });
    expect(before.open.find((row) => row.grantId === opened.grantId)).toMatchObject({ reason, state: "open", clinician: { id: clinician.id }, patient: { id: patient.id } });
    expect(before.past.some((row) => row.grantId === opened.grantId)).toBe(false);

    expect(await endEmergencyAccess({ actor: admin, grantId: opened.grantId, context })).toEqual({ outcome: "ended" });
    expect((await decideAccess({ actor: await accessActor(clinician.id), patientId: patient.id, action: "view" })).allowed).toBe(false);
    const after = await listEmergencyAccesses({ adminId: admin.id });
    expect(after.open.some((row) => row.grantId === opened.grantId)).toBe(false);
    expect(after.past.find((row) => row.grantId === opened.grantId)).toMatchObject({ state: "ended", endedBy: { id: admin.id } });
    expect(await db.auditEvent.count({ where: { action: "emergency.ended", actorId: admin.id, targetId: opened.grantId } })).toBe(1);

    expect(await errorOf(listEmergencyAccesses({ adminId: clinician.id }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

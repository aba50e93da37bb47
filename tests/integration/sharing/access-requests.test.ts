// Access requests: a verified clinician asks, the patient approves (maybe
// narrower) or denies; unknown patients get the same answer as known ones.
import { decideAccess } from "@/lib/authz/decide-access";
import { db } from "@/lib/db";
import { decideAccessRequest } from "@/lib/sharing/decide-access-request";
import { ensurePatientCode } from "@/lib/sharing/patient-code";
import { requestAccess } from "@/lib/sharing/request-access";
import { accessActor, auditFor, context, createPatient, createPendingClinician, createRecordRow, createVerifiedClinician, DAY_MS, errorOf } from "./helpers";

afterAll(() => db.$disconnect());

const pendingRequest = (patientId: string, clinicianId: string) =>
  db.accessRequest.findFirstOrThrow({ where: { patientId, clinicianId, status: "PENDING" } });

describe("requestAccess", () => {
  it("gives the same answer for an unknown email, a known one, a clinician's email and a patient code", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const colleague = await createVerifiedClinician();
    const input = { reason: "Cardiology follow-up next week", level: "VIEW" as const, scope: "ALL" as const, durationDays: 14 };

    const known = await requestAccess({ actor: clinician, input: { ...input, patient: patient.email.toUpperCase() }, context });
    const unknown = await requestAccess({ actor: clinician, input: { ...input, patient: `nobody-${Date.now()}@example.test` }, context });
    const notAPatient = await requestAccess({ actor: clinician, input: { ...input, patient: colleague.email }, context });
    const unknownCode = await requestAccess({ actor: clinician, input: { ...input, patient: "MV-2222-2222" }, context });
    expect(unknown).toEqual(known);
    expect(notAPatient).toEqual(known);
    expect(unknownCode).toEqual(known);
    expect(known).toEqual({ outcome: "submitted" });

    expect(await db.accessRequest.count({ where: { clinicianId: clinician.id } })).toBe(1);
    const events = await auditFor({ actorId: clinician.id });
    expect(events.map((e) => [e.action, e.outcome, e.patientId])).toEqual([
      ["access_request.created", "ALLOWED", patient.id],
      ["access_request.created", "DENIED", null],
      ["access_request.created", "DENIED", null],
      ["access_request.created", "DENIED", null],
    ]);
    // The reason may hold medical context: never in the audit trail.
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain("Cardiology");
  });

  it("finds the patient by their code, and a second request while one is pending replaces it", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const code = await ensurePatientCode({ patientId: patient.id });
    expect(code).toMatch(/^MV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await ensurePatientCode({ patientId: patient.id })).toBe(code);

    const base = { patient: code.toLowerCase().replace(/-/g, " "), reason: "Second opinion on imaging", scope: "CATEGORIES" as const, categories: ["IMAGING" as const] };
    await requestAccess({ actor: clinician, input: { ...base, level: "VIEW", durationDays: 7 }, context });
    await Promise.all([
      requestAccess({ actor: clinician, input: { ...base, level: "DOWNLOAD", durationDays: 10 }, context }),
      requestAccess({ actor: clinician, input: { ...base, level: "DOWNLOAD", durationDays: 10 }, context }),
    ]);
    const requests = await db.accessRequest.findMany({ where: { patientId: patient.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: "PENDING", level: "DOWNLOAD", durationDays: 10, scope: "CATEGORIES", categories: ["IMAGING"] });
  });

  it("is for verified, active clinicians only", async () => {
    const patient = await createPatient();
    const pending = await createPendingClinician();
    const input = { patient: patient.email, reason: "Routine check of results", level: "VIEW" as const, scope: "ALL" as const };
    expect(await errorOf(requestAccess({ actor: pending, input, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(requestAccess({ actor: await createPatient(), input, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.accessRequest.count({ where: { patientId: patient.id } })).toBe(0);
  });
});

describe("decideAccessRequest", () => {
  async function requested(input: { scope: "ALL" | "CATEGORIES"; categories?: ("IMAGING" | "LAB_RESULT")[]; level: "DOWNLOAD" | "PROPOSE_EDITS"; durationDays: number }) {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await requestAccess({ actor: clinician, input: { patient: patient.email, reason: "Pre-operative assessment", ...input }, context });
    return { patient, clinician, request: await pendingRequest(patient.id, clinician.id) };
  }

  it("approves a narrower request: the grant carries exactly the narrowed scope, level and duration", async () => {
    const { patient, clinician, request } = await requested({ scope: "CATEGORIES", categories: ["IMAGING", "LAB_RESULT"], level: "PROPOSE_EDITS", durationDays: 30 });
    const imaging = await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    const lab = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    const before = Date.now();

    const result = await decideAccessRequest({
      actor: patient,
      requestId: request.id,
      input: { decision: "approve", scope: "CATEGORIES", categories: ["IMAGING"], level: "VIEW", durationDays: 7 },
      context,
    });
    if (result.outcome !== "approved") throw new Error("expected approval");
    expect(result.grant).toMatchObject({ origin: "REQUEST", scope: "CATEGORIES", categories: ["IMAGING"], recordIds: [], level: "VIEW", state: "active" });
    expect(result.grant.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY_MS - 1000);
    expect(result.grant.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);

    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "APPROVED", grantId: result.grant.id });
    const actor = await accessActor(clinician.id);
    expect((await decideAccess({ actor, patientId: patient.id, action: "view", record: imaging })).allowed).toBe(true);
    expect((await decideAccess({ actor, patientId: patient.id, action: "download", record: imaging })).allowed).toBe(false);
    expect((await decideAccess({ actor, patientId: patient.id, action: "view", record: lab })).allowed).toBe(false);
    expect((await auditFor({ targetId: request.id, action: "access_request.approved" }))[0]?.details).toMatchObject({ narrowed: true, grantId: result.grant.id });
  });

  it("approves as asked when nothing is narrowed, and may narrow to chosen records of the asked categories", async () => {
    const asked = await requested({ scope: "ALL", level: "DOWNLOAD", durationDays: 10 });
    const asIs = await decideAccessRequest({ actor: asked.patient, requestId: asked.request.id, input: { decision: "approve" }, context });
    expect(asIs).toMatchObject({ outcome: "approved", grant: { scope: "ALL", level: "DOWNLOAD" } });

    const { patient, request } = await requested({ scope: "CATEGORIES", categories: ["IMAGING"], level: "DOWNLOAD", durationDays: 10 });
    const imaging = await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    const lab = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    expect(
      await errorOf(decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "approve", scope: "RECORDS", recordIds: [imaging.id, lab.id] }, context })),
    ).toMatchObject({ code: "VALIDATION_FAILED" });
    const narrowed = await decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "approve", scope: "RECORDS", recordIds: [imaging.id] }, context });
    expect(narrowed).toMatchObject({ outcome: "approved", grant: { scope: "RECORDS", recordIds: [imaging.id] } });
  });

  it("refuses to widen: more scope, a higher or different level, more days", async () => {
    const { patient, request } = await requested({ scope: "CATEGORIES", categories: ["IMAGING"], level: "DOWNLOAD", durationDays: 10 });
    for (const input of [
      { decision: "approve" as const, scope: "ALL" as const },
      { decision: "approve" as const, scope: "CATEGORIES" as const, categories: ["IMAGING" as const, "LAB_RESULT" as const] },
      { decision: "approve" as const, level: "CONTRIBUTE" as const },
      { decision: "approve" as const, durationDays: 11 },
    ]) {
      expect(await errorOf(decideAccessRequest({ actor: patient, requestId: request.id, input, context }))).toMatchObject({ code: "VALIDATION_FAILED" });
    }
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("denies: no grant, the request is closed, and a second answer is a conflict", async () => {
    const { patient, clinician, request } = await requested({ scope: "ALL", level: "DOWNLOAD", durationDays: 10 });
    expect(await decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "deny" }, context })).toEqual({ outcome: "denied" });
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "DENIED", grantId: null });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    expect((await decideAccess({ actor: await accessActor(clinician.id), patientId: patient.id, action: "view" })).allowed).toBe(false);
    expect(await errorOf(decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "approve" }, context }))).toMatchObject({ code: "CONFLICT" });
  });

  it("answers once when approve and deny race", async () => {
    const { patient, request } = await requested({ scope: "ALL", level: "DOWNLOAD", durationDays: 10 });
    const results = await Promise.allSettled([
      decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "approve" }, context }),
      decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "deny" }, context }),
      decideAccessRequest({ actor: patient, requestId: request.id, input: { decision: "approve" }, context }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(row.status === "APPROVED" ? 1 : 0);
  });

  it("answers 'not found' to anyone but the patient asked", async () => {
    const { clinician, request } = await requested({ scope: "ALL", level: "DOWNLOAD", durationDays: 10 });
    const other = await createPatient();
    const foreign = await errorOf(decideAccessRequest({ actor: other, requestId: request.id, input: { decision: "approve" }, context }));
    const missing = await errorOf(decideAccessRequest({ actor: other, requestId: "no-such-request", input: { decision: "approve" }, context }));
    expect(foreign).toEqual(missing);
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await errorOf(decideAccessRequest({ actor: clinician, requestId: request.id, input: { decision: "approve" }, context }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

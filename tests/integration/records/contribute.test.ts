// A clinician uploads for a patient through the same path the contribute page
// uses (findContributionTarget for the page, then the upload routes): allowed
// with a CONTRIBUTE grant, refused as NOT_FOUND with a VIEW grant, no grant, or
// a revoked one. The record belongs to the patient and names its uploader.
import { POST as finalizeRoute } from "@/app/api/uploads/[slotId]/finalize/route";
import { POST as issueSlotRoute } from "@/app/api/uploads/route";
import { authenticate } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { ERROR_CODES } from "@/lib/errors";
import { findContributionTarget } from "@/lib/records/find-contribution-target";
import { listRecords } from "@/lib/records/list-records";
import { findUploaderName } from "@/lib/records/uploader-name";
import { grantAccess } from "@/lib/sharing/grant-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { pdfBytes, uploadWithSas } from "@/tests/factories/files";
import { createVerifiedClinician, errorOf } from "../sharing/helpers";
import { context, createActor } from "./helpers";

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));

afterAll(() => db.$disconnect());

const post = (body?: unknown) =>
  new Request("http://localhost:3000/api/uploads", {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const signIn = (actor: { id: string; role: string }) => jest.mocked(authenticate).mockResolvedValue(actor as never);
const NOT_FOUND_BODY = { error: { code: "NOT_FOUND", message: ERROR_CODES.NOT_FOUND.message } };

async function requestSlot(patientId: string, bytes: Buffer) {
  return issueSlotRoute(post({ patientId, fileName: "discharge-letter.pdf", declaredType: "application/pdf", declaredSize: bytes.length }), params({}));
}

describe("a clinician contributing records", () => {
  it("uploads for the patient with a CONTRIBUTE grant; the record is the patient's and says who uploaded it", async () => {
    const patient = await createActor();
    const clinician = await createVerifiedClinician({ name: "Amara Okafor" });
    await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "CONTRIBUTE", scope: "ALL" }, context });

    expect(await findContributionTarget({ actor: clinician, patientId: patient.id })).toEqual({ patientId: patient.id, patientName: expect.any(String) });

    signIn(clinician);
    const bytes = pdfBytes("Discharge summary");
    const slotResponse = await requestSlot(patient.id, bytes);
    expect(slotResponse.status).toBe(201);
    const slot = (await slotResponse.json()) as { slotId: string; uploadUrl: string };
    await uploadWithSas(slot.uploadUrl, bytes);
    const finalized = await finalizeRoute(post(), params({ slotId: slot.slotId }));
    expect(finalized.status).toBe(200);
    const { record } = (await finalized.json()) as { outcome: string; record: { id: string; ownerId: string; uploadedById: string } };
    expect(record).toMatchObject({ ownerId: patient.id, uploadedById: clinician.id });

    // In the patient's list and on the record page: "Dr. Amara Okafor".
    const { records } = await listRecords({ actor: patient });
    expect(records).toEqual([expect.objectContaining({ id: record.id, uploadedByName: "Dr. Amara Okafor" })]);
    expect(await findUploaderName({ userId: clinician.id })).toBe("Dr. Amara Okafor");
    // The patient's own uploads name nobody.
    expect((await listRecords({ actor: clinician })).records.map((r) => r.id)).toContain(record.id);
  });

  it("is refused as not found with a VIEW grant, without a grant, and once the grant is revoked", async () => {
    const patient = await createActor();
    const viewer = await createVerifiedClinician();
    await grantAccess({ actor: patient, input: { granteeId: viewer.id, level: "VIEW", scope: "ALL" }, context });
    const stranger = await createVerifiedClinician();
    const bytes = pdfBytes();

    for (const clinician of [viewer, stranger]) {
      expect(await errorOf(findContributionTarget({ actor: clinician, patientId: patient.id }))).toMatchObject({ code: "NOT_FOUND" });
      signIn(clinician);
      const refused = await requestSlot(patient.id, bytes);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual(NOT_FOUND_BODY);
    }
    // Exactly like a patient who does not exist.
    expect(await errorOf(findContributionTarget({ actor: viewer, patientId: "no-such-patient" }))).toMatchObject({ code: "NOT_FOUND" });

    // A slot issued under a CONTRIBUTE grant cannot be finished after the grant is revoked.
    const contributor = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: contributor.id, level: "CONTRIBUTE", scope: "ALL" }, context });
    signIn(contributor);
    const slotResponse = await requestSlot(patient.id, bytes);
    expect(slotResponse.status).toBe(201);
    const slot = (await slotResponse.json()) as { slotId: string; uploadUrl: string };
    await uploadWithSas(slot.uploadUrl, bytes);
    await revokeGrant({ actor: patient, grantId: grant.id, context });
    const finalized = await finalizeRoute(post(), params({ slotId: slot.slotId }));
    expect(finalized.status).toBe(404);
    expect(await errorOf(findContributionTarget({ actor: contributor, patientId: patient.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.record.count({ where: { ownerId: patient.id } })).toBe(0);
  });

  it("does not offer the patient a contribute page for themself", async () => {
    const patient = await createActor();
    expect(await errorOf(findContributionTarget({ actor: patient, patientId: patient.id }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

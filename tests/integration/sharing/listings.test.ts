// What the patient sees of requests made to them, and what a clinician sees of
// the access they hold right now.
import { db } from "@/lib/db";
import { decideAccessRequest } from "@/lib/sharing/decide-access-request";
import { grantAccess } from "@/lib/sharing/grant-access";
import { listAccessRequests } from "@/lib/sharing/list-access-requests";
import { listReceivedGrants } from "@/lib/sharing/list-received-grants";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { requestAccess } from "@/lib/sharing/request-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { context, createPatient, createVerifiedClinician, errorOf, HOUR_MS } from "./helpers";

afterAll(() => db.$disconnect());

describe("listAccessRequests", () => {
  it("lists the patient's requests, pending first, with minimal clinician fields", async () => {
    const patient = await createPatient();
    const [first, second] = [await createVerifiedClinician(), await createVerifiedClinician()];
    const input = { patient: patient.email, reason: "Annual review of lab results", level: "VIEW" as const, scope: "ALL" as const };
    await requestAccess({ actor: first, input, context });
    const [answered] = await listAccessRequests({ actor: patient });
    await decideAccessRequest({ actor: patient, requestId: answered!.id, input: { decision: "deny" }, context });
    await requestAccess({ actor: second, input, context });

    const listed = await listAccessRequests({ actor: patient });
    expect(listed.map((r) => [r.clinician.id, r.status])).toEqual([
      [second.id, "PENDING"],
      [first.id, "DENIED"],
    ]);
    expect(Object.keys(listed[0]!.clinician).sort()).toEqual(["id", "name", "organization", "role", "specialty"]);
    expect(await listAccessRequests({ actor: await createPatient() })).toEqual([]);
    expect(await errorOf(listAccessRequests({ actor: first }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("listReceivedGrants", () => {
  it("shows a clinician the grants in force, emergency ones for their 4 hours only", async () => {
    const clinician = await createVerifiedClinician();
    const [a, b, c] = [await createPatient(), await createPatient(), await createPatient()];
    const kept = await grantAccess({ actor: a, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context });
    const revoked = await grantAccess({ actor: b, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    await revokeGrant({ actor: b, grantId: revoked.grant.id, context });
    const now = new Date();
    const emergency = await openEmergencyAccess({ actor: clinician, input: { patient: c.email, reason: "Patient arrived unresponsive at the ward" }, context, now });

    const listed = await listReceivedGrants({ actor: clinician, now: new Date(now.getTime() + 1000) });
    expect(listed.map((g) => [g.id, g.patient.id]).sort()).toEqual([[kept.grant.id, a.id], [emergency.grantId, c.id]].sort());
    const later = await listReceivedGrants({ actor: clinician, now: new Date(now.getTime() + 4 * HOUR_MS) });
    expect(later.map((g) => g.id)).toEqual([kept.grant.id]);
    expect(await errorOf(listReceivedGrants({ actor: a }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

// The product's events reach the right people: sharing (grant, change, revoke,
// request, answer, ends soon, ended), emergency access (patient and admins),
// uploads by someone else, new sign-in from a new device, account status.
import { verifyClinician } from "@/lib/admin/clinicians/verify-clinician";
import { createSession } from "@/lib/auth/sessions/create-session";
import { db } from "@/lib/db";
import { deviceKey, networkOf, userAgentFamily } from "@/lib/notifications/new-sign-in";
import { afterRecordReady } from "@/lib/records/after-record-ready";
import { decideAccessRequest } from "@/lib/sharing/decide-access-request";
import { grantAccess } from "@/lib/sharing/grant-access";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { requestAccess } from "@/lib/sharing/request-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { sweepExpiredGrants } from "@/lib/sharing/sweep-expired-grants";
import { createAdminUser, createClinician } from "@/tests/factories/clinicians";
import { context, createPatient, createRecordRow, createVerifiedClinician, DAY_MS } from "../sharing/helpers";

afterAll(() => db.$disconnect());

const typesOf = async (userId: string) => (await db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((n) => n.type);

describe("sharing events", () => {
  it("grant, change and revoke reach the clinician; the patient who acted gets nothing", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context });
    await revokeGrant({ actor: patient, grantId: grant.id, context });
    expect(await typesOf(clinician.id)).toEqual(["GRANT_CREATED", "GRANT_CHANGED", "GRANT_REVOKED"]);
    expect(await typesOf(patient.id)).toEqual([]);
    const created = await db.notification.findFirstOrThrow({ where: { userId: clinician.id, type: "GRANT_CREATED" } });
    expect(created.link).toBe(`/clinician/patients/${patient.id}`);
    expect(created.body).toContain("view until");
  });

  it("request, approval and denial: the patient hears of the request, the clinician of the answer (once)", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const other = await createVerifiedClinician();
    const input = { patient: patient.email, reason: "Cardiology follow-up", level: "VIEW" as const, scope: "ALL" as const, durationDays: 14 };
    await requestAccess({ actor: clinician, input, context });
    await requestAccess({ actor: other, input, context });
    expect(await typesOf(patient.id)).toEqual(["ACCESS_REQUESTED", "ACCESS_REQUESTED"]);
    const requests = await db.accessRequest.findMany({ where: { patientId: patient.id }, orderBy: { createdAt: "asc" } });
    const byClinician = (id: string) => requests.find((r) => r.clinicianId === id)!.id;
    await decideAccessRequest({ actor: patient, requestId: byClinician(clinician.id), input: { decision: "approve" }, context });
    await decideAccessRequest({ actor: patient, requestId: byClinician(other.id), input: { decision: "deny" }, context });
    expect(await typesOf(clinician.id)).toEqual(["ACCESS_APPROVED"]);
    expect(await typesOf(other.id)).toEqual(["ACCESS_DENIED"]);
    // The request's reason may be medical: it is in no notification or mail.
    const texts = await db.notification.findMany({ where: { userId: { in: [patient.id, clinician.id, other.id] } } });
    expect(JSON.stringify(texts)).not.toContain("Cardiology");
    expect(JSON.stringify(await db.outboundEmail.findMany({ where: { to: { in: [patient.email, clinician.email, other.email] } } }))).not.toContain("Cardiology");
  });

  it("ends soon and ended: both sides, each once however often the sweep runs", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const now = new Date();
    const soon = await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "VIEW", expiresAt: new Date(now.getTime() + DAY_MS) } });
    await sweepExpiredGrants({ now });
    await sweepExpiredGrants({ now });
    expect(await typesOf(patient.id)).toEqual(["GRANT_EXPIRING"]);
    expect(await typesOf(clinician.id)).toEqual(["GRANT_EXPIRING"]);

    const later = new Date(soon.expiresAt.getTime() + 60_000);
    await Promise.all([sweepExpiredGrants({ now: later }), sweepExpiredGrants({ now: later })]);
    await sweepExpiredGrants({ now: later });
    expect(await typesOf(patient.id)).toEqual(["GRANT_EXPIRING", "GRANT_EXPIRED"]);
    expect(await typesOf(clinician.id)).toEqual(["GRANT_EXPIRING", "GRANT_EXPIRED"]);
    expect(await db.outboundEmail.count({ where: { to: patient.email, template: "notification-grant-expired" } })).toBe(1);
  });

  it("emergency access tells the patient and every active admin at once, in the app and by email", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const admin = await createAdminUser();
    const suspendedAdmin = await createAdminUser({ status: "SUSPENDED" });
    await db.notificationPreference.create({ data: { userId: patient.id, type: "EMERGENCY_ACCESS", inApp: false, email: false } });
    await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: "Unconscious in the emergency room" }, context });
    await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: "Unconscious in the emergency room" }, context });
    expect(await typesOf(patient.id)).toEqual(["EMERGENCY_ACCESS"]);
    expect(await typesOf(admin.id)).toEqual(["EMERGENCY_ACCESS"]);
    expect(await typesOf(suspendedAdmin.id)).toEqual([]);
    expect(await db.outboundEmail.count({ where: { to: patient.email, template: "notification-emergency-access" } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { to: admin.email, template: "notification-emergency-access" } })).toBe(1);
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { to: patient.email } });
    expect(mail.text).not.toContain("Unconscious");
  });
});

describe("record uploaded", () => {
  it("tells the patient about a record a clinician added, not about their own uploads", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const own = await createRecordRow({ ownerId: patient.id });
    await db.$transaction((tx) => afterRecordReady({ recordId: own.id, tx }));
    expect(await typesOf(patient.id)).toEqual([]);

    const theirs = await createRecordRow({ ownerId: patient.id });
    await db.record.update({ where: { id: theirs.id }, data: { uploadedById: clinician.id, originalName: "hiv-test-result.pdf" } });
    await db.$transaction((tx) => afterRecordReady({ recordId: theirs.id, tx }));
    const [notice] = await db.notification.findMany({ where: { userId: patient.id } });
    expect(notice).toMatchObject({ type: "RECORD_UPLOADED", link: `/patient/records/${theirs.id}` });
    expect(notice!.body).toContain(clinician.name!);
    const mails = await db.outboundEmail.findMany({ where: { to: patient.email } });
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails)).not.toContain("hiv");
  });
});

describe("new sign-in", () => {
  const firefoxHome = { ipAddress: "198.51.100.23", userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0" };

  it("reads a device as browser family, system and network", () => {
    expect(userAgentFamily(firefoxHome.userAgent)).toBe("Firefox on Linux");
    expect(userAgentFamily("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(userAgentFamily("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0")).toBe("Edge on Windows");
    expect(networkOf("198.51.100.23")).toBe("198.51.100.x");
    expect(networkOf("::ffff:198.51.100.200")).toBe("198.51.100.x");
    expect(networkOf("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(deviceKey({ ...firefoxHome, userAgent: firefoxHome.userAgent.replaceAll("140.0", "141.0") })).toBe(deviceKey(firefoxHome));
  });

  it("notifies a sign-in from a new device or network, not the first sign-in nor a known device", async () => {
    const patient = await createPatient();
    await createSession({ userId: patient.id, context: firefoxHome });
    await createSession({ userId: patient.id, context: { ...firefoxHome, ipAddress: "198.51.100.99" } });
    expect(await typesOf(patient.id)).toEqual([]);
    await createSession({ userId: patient.id, context: { ...firefoxHome, ipAddress: "203.0.113.5" } });
    await createSession({ userId: patient.id, context: { ipAddress: "198.51.100.23", userAgent: "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/142.0 Safari/537.36" } });
    expect(await typesOf(patient.id)).toEqual(["NEW_SIGN_IN", "NEW_SIGN_IN"]);
    const mails = await db.outboundEmail.findMany({ where: { to: patient.email, template: "notification-new-sign-in" } });
    expect(mails).toHaveLength(2);
    expect(mails.some((mail) => mail.text.includes("Chrome on Windows"))).toBe(true);
    // Made before any second factor: the words say a sign-in was started, not completed.
    expect((await db.notification.findFirstOrThrow({ where: { userId: patient.id, type: "NEW_SIGN_IN" } })).body).toMatch(/^A sign-in to your account was started with /);
  });
});

describe("account status", () => {
  it("verification is an in-app notice plus the one verification mail", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ withoutPassword: true });
    await verifyClinician({ adminId: admin.id, userId: clinician.id, context });
    expect(await typesOf(clinician.id)).toEqual(["ACCOUNT_VERIFIED"]);
    expect((await db.outboundEmail.findMany({ where: { to: clinician.email } })).map((m) => m.template)).toEqual(["account-verified"]);
  });
});

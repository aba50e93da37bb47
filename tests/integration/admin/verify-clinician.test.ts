import { verifyClinician } from "@/lib/admin/clinicians/verify-clinician";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAdminUser, createClinician } from "@/tests/factories/clinicians";
import { createUser } from "@/tests/factories/users";

const context = { ipAddress: "198.51.100.20", userAgent: "jest admin" };

const auditFor = (userId: string, action = "admin.clinician_verified") =>
  db.auditEvent.findMany({ where: { targetType: "user", targetId: userId, action }, orderBy: { id: "asc" } });

afterAll(() => db.$disconnect());

describe("verifyClinician", () => {
  it("activates the clinician, records who verified and when, audits and mails in one go", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ role: "NURSE" });
    const before = new Date();

    await expect(verifyClinician({ adminId: admin.id, userId: clinician.id, reason: "License checked with the board", context })).resolves.toEqual({ outcome: "verified" });

    const user = await db.user.findUniqueOrThrow({ where: { id: clinician.id }, include: { clinicianProfile: true } });
    expect(user.status).toBe("ACTIVE");
    expect(user.clinicianProfile?.verifiedById).toBe(admin.id);
    expect(user.clinicianProfile?.verifiedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    const events = await auditFor(clinician.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      actorRole: "ADMIN",
      outcome: "ALLOWED",
      targetType: "user",
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      details: { reason: "License checked with the board" },
    });

    const mails = await db.outboundEmail.findMany({ where: { to: clinician.email } });
    expect(mails.map((mail) => mail.template)).toEqual(["account-verified"]);
    expect(mails[0]?.text).not.toContain("License checked");
  });

  it("stores no reason when the optional note is left empty", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician();
    await verifyClinician({ adminId: admin.id, userId: clinician.id, reason: "   ", context });
    expect((await auditFor(clinician.id))[0]?.details).toEqual({ reason: null });
  });

  it("verifies once when two admins (or a double click) race: one audit event, one mail, the other call hears 'already verified'", async () => {
    const [first, second] = [await createAdminUser(), await createAdminUser()];
    const clinician = await createClinician();

    const outcomes = await Promise.all([
      verifyClinician({ adminId: first.id, userId: clinician.id, context }),
      verifyClinician({ adminId: second.id, userId: clinician.id, context }),
      verifyClinician({ adminId: first.id, userId: clinician.id, context }),
    ]);
    expect(outcomes.map((result) => result.outcome).sort()).toEqual(["already_verified", "already_verified", "verified"]);

    const events = await auditFor(clinician.id);
    expect(events).toHaveLength(1);
    const profile = await db.clinicianProfile.findUniqueOrThrow({ where: { userId: clinician.id } });
    expect(profile.verifiedById).toBe(events[0]?.actorId);
    expect(await db.user.findUniqueOrThrow({ where: { id: clinician.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect(await db.outboundEmail.count({ where: { to: clinician.email, template: "account-verified" } })).toBe(1);
  });

  it("answers 'already verified' for a verified clinician and changes nothing", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "ACTIVE", verifiedById: admin.id });
    const profileBefore = await db.clinicianProfile.findUniqueOrThrow({ where: { userId: clinician.id } });

    await expect(verifyClinician({ adminId: admin.id, userId: clinician.id, context })).resolves.toEqual({ outcome: "already_verified" });
    expect(await db.clinicianProfile.findUniqueOrThrow({ where: { userId: clinician.id } })).toEqual(profileBefore);
    expect(await auditFor(clinician.id)).toHaveLength(0);
  });

  it("refuses to verify a suspended clinician (reactivate first) and a patient or unknown id", async () => {
    const admin = await createAdminUser();
    const suspended = await createClinician({ status: "SUSPENDED" });
    const { user: patient } = await createUser({ role: "PATIENT", password: null });

    await expect(verifyClinician({ adminId: admin.id, userId: suspended.id, context })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(verifyClinician({ adminId: admin.id, userId: patient.id, context })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyClinician({ adminId: admin.id, userId: "no-such-user", context })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect((await db.user.findUniqueOrThrow({ where: { id: suspended.id } })).status).toBe("SUSPENDED");
    expect((await db.user.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("ACTIVE");
  });

  it("refuses an over-long note with a field error", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician();
    const error = await verifyClinician({ adminId: admin.id, userId: clinician.id, reason: "x".repeat(501), context }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.fieldErrors?.reason).toBeDefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).status).toBe("PENDING_VERIFICATION");
  });
});

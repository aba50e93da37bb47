import { reactivateUser } from "@/lib/admin/clinicians/reactivate-user";
import { suspendUser } from "@/lib/admin/clinicians/suspend-user";
import { createSession } from "@/lib/auth/sessions/create-session";
import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAdminUser, createClinician } from "@/tests/factories/clinicians";
import { createUser } from "@/tests/factories/users";

const context = { ipAddress: "198.51.100.21", userAgent: "jest admin" };
const noContext = { ipAddress: null, userAgent: null };

const auditFor = (userId: string, action: string) => db.auditEvent.findMany({ where: { targetType: "user", targetId: userId, action }, orderBy: { id: "asc" } });

afterAll(() => db.$disconnect());

describe("suspendUser", () => {
  it("ends every open session at once, bumps the session version and audits with the reason", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "ACTIVE", verifiedById: admin.id });
    const tokens = [await createSession({ userId: clinician.id, context: noContext }), await createSession({ userId: clinician.id, context: noContext })];
    for (const token of tokens) expect(await resolveSession(token)).not.toBeNull();
    const versionBefore = (await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).sessionVersion;

    await expect(suspendUser({ adminId: admin.id, userId: clinician.id, reason: "License under review", context })).resolves.toEqual({ outcome: "suspended" });

    for (const token of tokens) expect(await resolveSession(token)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(user.status).toBe("SUSPENDED");
    expect(user.sessionVersion).toBe(versionBefore + 1);
    expect(await db.session.count({ where: { userId: clinician.id, revokedAt: null } })).toBe(0);

    const events = await auditFor(clinician.id, "admin.user_suspended");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      outcome: "ALLOWED",
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      details: { reason: "License under review", previousStatus: "ACTIVE" },
    });
    const mails = await db.outboundEmail.findMany({ where: { to: clinician.email } });
    expect(mails.map((mail) => mail.template)).toEqual(["account-suspended"]);
    expect(mails[0]?.text).not.toContain("License under review");
  });

  it("works for patients too", async () => {
    const admin = await createAdminUser();
    const { user: patient } = await createUser({ role: "PATIENT", password: null });
    const token = await createSession({ userId: patient.id, context: noContext });

    await suspendUser({ adminId: admin.id, userId: patient.id, reason: "Abuse report #42", context });
    expect(await resolveSession(token)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("SUSPENDED");
  });

  it("refuses to let an admin suspend their own account, and records the refusal", async () => {
    const admin = await createAdminUser();
    const token = await createSession({ userId: admin.id, context: noContext });

    const error = await suspendUser({ adminId: admin.id, userId: admin.id, reason: "testing myself", context }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "You cannot suspend your own account." });

    const user = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(user.status).toBe("ACTIVE");
    expect(await resolveSession(token)).not.toBeNull();
    const events = await auditFor(admin.id, "admin.user_suspended");
    expect(events.map((event) => event.outcome)).toEqual(["DENIED"]);
  });

  it("refuses to suspend another admin", async () => {
    const [admin, other] = [await createAdminUser(), await createAdminUser()];
    await expect(suspendUser({ adminId: admin.id, userId: other.id, reason: "not allowed here", context })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("ACTIVE");
  });

  it("requires a reason of 3 to 500 characters", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "ACTIVE" });
    for (const reason of ["", "  x ", "x".repeat(501)]) {
      await expect(suspendUser({ adminId: admin.id, userId: clinician.id, reason, context })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        details: { fieldErrors: { reason: expect.any(Array) } },
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).status).toBe("ACTIVE");
  });

  it("suspends once when two calls race: one audit event, one version bump", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "ACTIVE" });
    const versionBefore = (await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).sessionVersion;

    const outcomes = await Promise.all([1, 2, 3].map(() => suspendUser({ adminId: admin.id, userId: clinician.id, reason: "double click", context })));
    expect(outcomes.map((result) => result.outcome).sort()).toEqual(["already_suspended", "already_suspended", "suspended"]);
    expect(await auditFor(clinician.id, "admin.user_suspended")).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).sessionVersion).toBe(versionBefore + 1);
  });
});

describe("reactivateUser", () => {
  it("restores ACTIVE, audits with the reason, and leaves the sessions of before the suspension dead", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "ACTIVE", verifiedById: admin.id });
    const oldToken = await createSession({ userId: clinician.id, context: noContext });
    await suspendUser({ adminId: admin.id, userId: clinician.id, reason: "License under review", context });

    await expect(reactivateUser({ adminId: admin.id, userId: clinician.id, reason: "Review closed", context })).resolves.toEqual({ outcome: "reactivated", status: "ACTIVE" });

    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).status).toBe("ACTIVE");
    expect(await resolveSession(oldToken)).toBeNull();
    const fresh = await createSession({ userId: clinician.id, context: noContext });
    expect(await resolveSession(fresh)).not.toBeNull();

    const events = await auditFor(clinician.id, "admin.user_reactivated");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, outcome: "ALLOWED", details: { reason: "Review closed", restoredStatus: "ACTIVE" } });
    const templates = (await db.outboundEmail.findMany({ where: { to: clinician.email }, orderBy: { createdAt: "asc" } })).map((mail) => mail.template);
    expect(templates).toEqual(["account-suspended", "account-reactivated"]);
  });

  it("sends a never-verified clinician back to pending verification, not to ACTIVE", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "PENDING_VERIFICATION" });
    await suspendUser({ adminId: admin.id, userId: clinician.id, reason: "Suspicious sign-up", context });

    await expect(reactivateUser({ adminId: admin.id, userId: clinician.id, reason: "Identity confirmed", context })).resolves.toEqual({
      outcome: "reactivated",
      status: "PENDING_VERIFICATION",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).status).toBe("PENDING_VERIFICATION");
  });

  it("reports an account that is not suspended and changes nothing", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "ACTIVE" });
    await expect(reactivateUser({ adminId: admin.id, userId: clinician.id, reason: "by mistake", context })).resolves.toEqual({ outcome: "not_suspended", status: null });
    expect(await auditFor(clinician.id, "admin.user_reactivated")).toHaveLength(0);
  });

  it("requires a reason", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ status: "SUSPENDED" });
    await expect(reactivateUser({ adminId: admin.id, userId: clinician.id, reason: "ok", context })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).status).toBe("SUSPENDED");
  });
});

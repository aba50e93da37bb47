// Defence in depth: the admin use cases load the actor themselves and require
// an ACTIVE ADMIN, whatever the caller checked before.
import { getAccountForAdmin } from "@/lib/admin/clinicians/get-account-for-admin";
import { listClinicians } from "@/lib/admin/clinicians/list-clinicians";
import { reactivateUser } from "@/lib/admin/clinicians/reactivate-user";
import { ZClinicianListQuerySchema } from "@/lib/admin/clinicians/schemas";
import { suspendUser } from "@/lib/admin/clinicians/suspend-user";
import { verifyClinician } from "@/lib/admin/clinicians/verify-clinician";
import { db } from "@/lib/db";
import { createAdminUser, createClinician } from "@/tests/factories/clinicians";
import { createUser } from "@/tests/factories/users";

const context = { ipAddress: "198.51.100.22", userAgent: "jest" };

afterAll(() => db.$disconnect());

async function nonAdmins() {
  const verifiedPhysician = await createClinician({ status: "ACTIVE", withoutPassword: true });
  const { user: patient } = await createUser({ role: "PATIENT", password: null });
  const suspendedAdmin = await createAdminUser({ status: "SUSPENDED" });
  const pendingAdmin = await createAdminUser({ status: "PENDING_VERIFICATION" });
  return [
    ["an active physician", verifiedPhysician.id],
    ["a patient", patient.id],
    ["a suspended admin", suspendedAdmin.id],
    ["a pending admin", pendingAdmin.id],
    ["an unknown id", "no-such-user"],
  ] as const;
}

describe("admin use cases refuse anyone but an active admin", () => {
  it("verify, suspend and reactivate: FORBIDDEN, nothing changes, the refusal is audited", async () => {
    const pending = await createClinician({ withoutPassword: true });
    const active = await createClinician({ status: "ACTIVE", withoutPassword: true });
    const suspended = await createClinician({ status: "SUSPENDED", withoutPassword: true });

    for (const [, actorId] of await nonAdmins()) {
      await expect(verifyClinician({ adminId: actorId, userId: pending.id, context })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(suspendUser({ adminId: actorId, userId: active.id, reason: "not an admin", context })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reactivateUser({ adminId: actorId, userId: suspended.id, reason: "not an admin", context })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    const statuses = await db.user.findMany({ where: { id: { in: [pending.id, active.id, suspended.id] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((user) => [user.id, user.status]))).toEqual({
      [pending.id]: "PENDING_VERIFICATION",
      [active.id]: "ACTIVE",
      [suspended.id]: "SUSPENDED",
    });
    expect((await db.clinicianProfile.findUniqueOrThrow({ where: { userId: pending.id } })).verifiedAt).toBeNull();

    const outcomes = await db.auditEvent.groupBy({
      by: ["outcome"],
      where: { targetId: { in: [pending.id, active.id, suspended.id] }, action: { startsWith: "admin." } },
      _count: { _all: true },
    });
    expect(outcomes).toEqual([{ outcome: "DENIED", _count: { _all: 15 } }]);
  });

  it("list and detail: FORBIDDEN", async () => {
    const target = await createClinician({ withoutPassword: true });
    const query = ZClinicianListQuerySchema.parse({});
    for (const [, actorId] of await nonAdmins()) {
      await expect(listClinicians({ adminId: actorId, query })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getAccountForAdmin({ adminId: actorId, userId: target.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("an admin sees the detail and history of a clinician, but not of another admin", async () => {
    const admin = await createAdminUser();
    const other = await createAdminUser();
    const clinician = await createClinician({ withoutPassword: true });
    await verifyClinician({ adminId: admin.id, userId: clinician.id, reason: "Checked license", context });

    const account = await getAccountForAdmin({ adminId: admin.id, userId: clinician.id });
    expect(account).toMatchObject({ id: clinician.id, status: "ACTIVE", profile: { verifiedBy: { email: expect.any(String) } } });
    expect(account.history).toEqual([
      expect.objectContaining({ action: "admin.clinician_verified", outcome: "ALLOWED", reason: "Checked license", actor: expect.objectContaining({ id: admin.id }), ipAddress: context.ipAddress }),
    ]);
    await expect(getAccountForAdmin({ adminId: admin.id, userId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

import { createAdmin } from "@/lib/admin/create-admin";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uniqueToken } from "@/tests/factories/clinicians";
import { createUser } from "@/tests/factories/users";

afterAll(() => db.$disconnect());

describe("createAdmin (npm run admin:create)", () => {
  it("creates an active admin with a confirmed email and a strong generated password, and audits it", async () => {
    const email = `Ada.${uniqueToken()}@Example.org`;
    const created = await createAdmin({ email, name: "  Ada Admin " });

    expect(created.email).toBe(email.toLowerCase());
    expect(created.password.length).toBeGreaterThanOrEqual(32);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Ada Admin", role: "ADMIN", status: "ACTIVE", totpEnabledAt: null });
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(await verifyPassword({ hash: user.passwordHash!, password: created.password })).toBe(true);

    const events = await db.auditEvent.findMany({ where: { action: "admin.created_by_cli", targetId: created.userId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "ALLOWED", targetType: "user", actorId: null });
    expect(JSON.stringify(events[0]?.details ?? null)).not.toContain(created.password);
  });

  it("generates a different password each time", async () => {
    const first = await createAdmin({ email: `a-${uniqueToken()}@example.org`, name: "First" });
    const second = await createAdmin({ email: `b-${uniqueToken()}@example.org`, name: "Second" });
    expect(first.password).not.toBe(second.password);
  });

  it("refuses an address that already has an account (in any letter case) and never promotes it", async () => {
    const { user } = await createUser({ role: "PHYSICIAN", password: null });
    const error = await createAdmin({ email: user.email.toUpperCase(), name: "Mallory" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT" });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.role).toBe("PHYSICIAN");
    expect(after.name).not.toBe("Mallory");
    expect(await db.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("refuses when two runs race for the same new address: exactly one admin", async () => {
    const email = `race-${uniqueToken()}@example.org`;
    const results = await Promise.allSettled([createAdmin({ email, name: "One" }), createAdmin({ email, name: "Two" })]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an invalid email or an empty name", async () => {
    await expect(createAdmin({ email: "not-an-email", name: "Ada" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createAdmin({ email: `c-${uniqueToken()}@example.org`, name: "   " })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

import { createSession } from "@/lib/auth/sessions/create-session";
import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions/revoke-sessions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { resolveAccessActor } from "@/lib/authz/decide-access";
import { attachSessionAccessFacts } from "@/lib/authz/session-access-facts";
import { createAdminUser, createClinician } from "@/tests/factories/clinicians";
import { createUser, testContext } from "@/tests/factories/users";

describe("server-side sessions", () => {
  it("resolves a fresh session and refuses it after logout", async () => {
    const { user } = await createUser();
    const token = await createSession({ userId: user.id, context: testContext });
    expect((await resolveSession(token))?.user.id).toBe(user.id);
    await revokeSession(token);
    expect(await resolveSession(token)).toBeNull();
  });

  it("ends a session that was idle longer than the limit", async () => {
    const { user } = await createUser();
    const start = new Date();
    const token = await createSession({ userId: user.id, context: testContext, now: start });
    const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
    expect(await resolveSession(token, new Date(start.getTime() + idleMs - 1000))).not.toBeNull();
    // Activity inside the limit moved lastActiveAt on; measure idleness from there.
    const { lastActiveAt } = await db.session.findUniqueOrThrow({ where: { sessionToken: token } });
    expect(await resolveSession(token, new Date(lastActiveAt.getTime() + idleMs + 1000))).toBeNull();
  });

  it("ends a session at its absolute limit even when it stays active", async () => {
    const { user } = await createUser();
    const start = new Date();
    const token = await createSession({ userId: user.id, context: testContext, now: start });
    const end = new Date(start.getTime() + env().SESSION_MAX_HOURS * 3_600_000 + 1000);
    await db.session.update({ where: { sessionToken: token }, data: { lastActiveAt: new Date(end.getTime() - 1000) } });
    expect(await resolveSession(token, end)).toBeNull();
  });

  it("ends every session at once when the session version is bumped, except the one kept", async () => {
    const { user } = await createUser();
    const [a, b, keep] = await Promise.all([1, 2, 3].map(() => createSession({ userId: user.id, context: testContext })));
    await revokeAllSessions({ userId: user.id, exceptSessionToken: keep });
    expect(await resolveSession(a)).toBeNull();
    expect(await resolveSession(b)).toBeNull();
    expect(await resolveSession(keep)).not.toBeNull();
  });

  it("refuses the open session of a user who is suspended", async () => {
    const { user } = await createUser({ role: "PHYSICIAN", totp: true });
    const token = await createSession({ userId: user.id, context: testContext });
    expect(await resolveSession(token)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    expect(await resolveSession(token)).toBeNull();
  });

  it("asks for the second factor, or for enrolment where two-factor is mandatory", async () => {
    const patientWith2fa = await createUser({ totp: true });
    const patientWithout = await createUser();
    const physicianWithout = await createUser({ role: "PHYSICIAN" });
    const adminWithout = await createUser({ role: "ADMIN" });
    const state = async (userId: string) => (await resolveSession(await createSession({ userId, context: testContext })))?.state;
    expect(await state(patientWith2fa.user.id)).toBe("second_factor_required");
    expect(await state(patientWithout.user.id)).toBe("active");
    expect(await state(physicianWithout.user.id)).toBe("enrolment_required");
    expect(await state(adminWithout.user.id)).toBe("enrolment_required");
  });

  it("refuses unknown and empty tokens", async () => {
    expect(await resolveSession(undefined)).toBeNull();
    expect(await resolveSession("not-a-session")).toBeNull();
  });

  it("reads a clinician's verification with the session", async () => {
    const admin = await createAdminUser();
    const verified = await createClinician({ withoutPassword: true, status: "ACTIVE", verifiedById: admin.id });
    const pending = await createClinician({ withoutPassword: true, status: "ACTIVE" });
    const { user: patient } = await createUser();
    const resolved = async (userId: string) => resolveSession(await createSession({ userId, context: testContext }));
    expect((await resolved(verified.id))?.clinicianVerified).toBe(true);
    expect((await resolved(pending.id))?.clinicianVerified).toBe(false);
    expect((await resolved(patient.id))?.clinicianVerified).toBe(false);
  });

  it("authorization uses the facts read with the session only outside transactions and only on the session's own user object", async () => {
    const admin = await createAdminUser();
    const clinician = await createClinician({ withoutPassword: true, status: "ACTIVE", verifiedById: admin.id });
    // Suspended after the session was read: the facts of this request still say ACTIVE.
    await db.user.update({ where: { id: clinician.id }, data: { status: "SUSPENDED" } });
    const sessionUser = attachSessionAccessFacts({ id: clinician.id, role: clinician.role }, { status: "ACTIVE", verified: true });

    expect(await resolveAccessActor(sessionUser)).toMatchObject({ status: "ACTIVE", verified: true });
    expect(await db.$transaction((tx) => resolveAccessActor(sessionUser, tx))).toMatchObject({ status: "SUSPENDED" });
    expect(await resolveAccessActor({ ...sessionUser })).toMatchObject({ status: "SUSPENDED" });
    expect(await resolveAccessActor({ id: clinician.id, role: clinician.role })).toMatchObject({ status: "SUSPENDED" });
    expect(Object.getOwnPropertySymbols(sessionUser)).toEqual([]);
  });
});

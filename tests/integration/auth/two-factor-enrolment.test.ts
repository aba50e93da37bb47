import { beginEnrolment } from "@/lib/auth/two-factor/begin-enrolment";
import { confirmEnrolment } from "@/lib/auth/two-factor/confirm-enrolment";
import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { totpStepAt } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSignedInSession, createUser, testContext as context, totpCodeAt } from "@/tests/factories/users";

/** The base32 secret behind a manual key as shown to the user ("ABCD EFGH ..."). */
const secretOf = (manualKey: string) => manualKey.replace(/ /g, "");

describe("two-factor enrolment", () => {
  it("stores a pending, encrypted secret and shows it as QR, URL and grouped key", async () => {
    const { user } = await createUser();
    const session = await createSignedInSession(user.id);
    const start = await beginEnrolment({ session });

    expect(start.otpauthUrl).toMatch(/^otpauth:\/\/totp\/MedVault:/);
    expect(start.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(start.manualKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecretEncrypted: false } });
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpSecretEncrypted).toMatch(/^v1\./);
    expect(row.totpSecretEncrypted).not.toContain(secretOf(start.manualKey));
  });

  it("refuses a wrong code and leaves two-factor off", async () => {
    const { user } = await createUser();
    const session = await createSignedInSession(user.id);
    const start = await beginEnrolment({ session });
    const now = new Date();
    const wrong = totpCodeAt(secretOf(start.manualKey), totpStepAt(now) + 5);

    await expect(confirmEnrolment({ session, code: wrong, context, now })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, sessionVersion: true } });
    expect(row).toEqual({ totpEnabledAt: null, sessionVersion: 0 });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("only accepts codes of the latest secret when set-up is restarted", async () => {
    const { user } = await createUser();
    const session = await createSignedInSession(user.id);
    const first = await beginEnrolment({ session });
    const second = await beginEnrolment({ session });
    const now = new Date();
    const step = totpStepAt(now);

    await expect(confirmEnrolment({ session, code: totpCodeAt(secretOf(first.manualKey), step), context, now })).rejects.toBeInstanceOf(AppError);
    await expect(confirmEnrolment({ session, code: totpCodeAt(secretOf(second.manualKey), step), context, now })).resolves.toBeDefined();
  });

  it("turns two-factor on with ten hashed recovery codes, ends other sessions and keeps this one", async () => {
    const { user } = await createUser();
    const other = await createSignedInSession(user.id);
    const session = await createSignedInSession(user.id);
    const start = await beginEnrolment({ session });
    const now = new Date();
    const step = totpStepAt(now);

    const { recoveryCodes } = await confirmEnrolment({ session, code: totpCodeAt(secretOf(start.manualKey), step), context, now });

    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    // Stored as keyed hashes only, never the codes themselves.
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.codeHash))).toBe(true);
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpLastUsedStep: true, sessionVersion: true } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpLastUsedStep).toBe(step);
    expect(row.sessionVersion).toBe(1);

    expect(await resolveSession(other.sessionToken)).toBeNull();
    const current = await resolveSession(session.sessionToken);
    expect(current).toMatchObject({ state: "active", user: { twoFactorEnabled: true } });

    const audit = await db.auditEvent.findFirst({ where: { actorId: user.id, action: "auth.two_factor_enabled", outcome: "ALLOWED" } });
    expect(audit).not.toBeNull();
  });

  it("lets a clinician held at mandatory enrolment through once enrolled", async () => {
    const { user } = await createUser({ role: "PHYSICIAN" });
    const session = await createSignedInSession(user.id);
    expect(session.state).toBe("enrolment_required");
    const start = await beginEnrolment({ session });
    const now = new Date();
    await confirmEnrolment({ session, code: totpCodeAt(secretOf(start.manualKey), totpStepAt(now)), context, now });
    expect((await resolveSession(session.sessionToken))?.state).toBe("active");
  });

  it("cannot replace the secret of an account that already has two-factor on", async () => {
    const { user } = await createUser({ totp: true });
    const session = await createSignedInSession(user.id);
    expect(session.state).toBe("second_factor_required");
    await expect(beginEnrolment({ session })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(beginEnrolment({ session: { ...session, state: "active" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

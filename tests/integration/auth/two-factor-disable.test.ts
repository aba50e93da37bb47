import { reauthenticate } from "@/lib/auth/reauthenticate";
import { resolveSession, type ResolvedSession } from "@/lib/auth/sessions/resolve-session";
import { totpStepAt } from "@/lib/auth/totp";
import { disableTwoFactor } from "@/lib/auth/two-factor/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/regenerate-recovery-codes";
import { verifySignInCode } from "@/lib/auth/two-factor/verify-sign-in-code";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { createSignedInSession, createUser, testContext as context, totpCodeAt } from "@/tests/factories/users";

/** A user with two-factor on, fully signed in (second factor given with an older code). */
async function signedInWithTwoFactor(role: Role = "PATIENT") {
  const created = await createUser({ role, totp: true });
  const session = await createSignedInSession(created.user.id);
  const now = new Date();
  const result = await verifySignInCode({ session, factor: { method: "totp", code: totpCodeAt(created.totpSecret!, totpStepAt(now) - 1) }, context, now });
  if (!result.ok) throw new Error("set-up: second factor refused");
  const active = (await resolveSession(session.sessionToken)) as ResolvedSession;
  return { ...created, session: active, now };
}

async function reauthenticated(session: ResolvedSession, password: string): Promise<ResolvedSession> {
  await reauthenticate({ session, input: { method: "password", password }, context });
  return (await resolveSession(session.sessionToken)) as ResolvedSession;
}

describe("turning two-factor off", () => {
  it("needs a recent re-authentication", async () => {
    const { session, totpSecret, now } = await signedInWithTwoFactor();
    const factor = { method: "totp" as const, code: totpCodeAt(totpSecret!, totpStepAt(now)) };

    await expect(disableTwoFactor({ session, factor, context, now })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Please confirm your password first." });
    const stale = { ...session, reauthenticatedAt: new Date(now.getTime() - 6 * 60_000) };
    await expect(disableTwoFactor({ session: stale, factor, context, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: session.user.id } })).totpEnabledAt).not.toBeNull();
  });

  it("needs a valid code even after re-authentication", async () => {
    const { session, password, totpSecret, now } = await signedInWithTwoFactor();
    const fresh = await reauthenticated(session, password!);
    const used = totpCodeAt(totpSecret!, totpStepAt(now) - 1); // spent at sign-in

    await expect(disableTwoFactor({ session: fresh, factor: { method: "totp", code: used }, context, now })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(disableTwoFactor({ session: fresh, factor: { method: "recovery_code", code: "AAAAA-AAAAA" }, context, now })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: session.user.id } })).totpEnabledAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: session.user.id, action: "auth.two_factor_disabled", outcome: "DENIED" } })).toBe(2);
  });

  it("with re-authentication and a code: clears secret and codes, ends other sessions, keeps this one", async () => {
    const { user, session, password, totpSecret, now } = await signedInWithTwoFactor();
    const other = await createSignedInSession(user.id);
    const fresh = await reauthenticated(session, password!);

    await disableTwoFactor({ session: fresh, factor: { method: "totp", code: totpCodeAt(totpSecret!, totpStepAt(now)) }, context, now });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecretEncrypted: false } });
    expect(row).toMatchObject({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastUsedStep: null, sessionVersion: 1 });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await resolveSession(other.sessionToken)).toBeNull();
    expect(await resolveSession(session.sessionToken)).toMatchObject({ state: "active", user: { twoFactorEnabled: false } });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.two_factor_disabled", outcome: "ALLOWED" } })).toBe(1);
  });

  it("also works with a recovery code instead of the app", async () => {
    const { user, session, password, recoveryCodes, now } = await signedInWithTwoFactor();
    const fresh = await reauthenticated(session, password!);
    await disableTwoFactor({ session: fresh, factor: { method: "recovery_code", code: recoveryCodes[9] }, context, now });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
  });

  it.each(["PHYSICIAN", "NURSE", "STAFF", "ADMIN"] as const)("is refused for %s, for whom two-factor is mandatory", async (role) => {
    const { session, password, totpSecret, now } = await signedInWithTwoFactor(role);
    const fresh = await reauthenticated(session, password!);

    await expect(
      disableTwoFactor({ session: fresh, factor: { method: "totp", code: totpCodeAt(totpSecret!, totpStepAt(now)) }, context, now }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("must keep two-factor authentication on") });
    expect((await db.user.findUniqueOrThrow({ where: { id: session.user.id } })).totpEnabledAt).not.toBeNull();
  });
});

describe("new recovery codes", () => {
  it("need a recent re-authentication, then replace every old code", async () => {
    const { user, session, password, recoveryCodes } = await signedInWithTwoFactor();
    await expect(regenerateRecoveryCodes({ session, context })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const fresh = await reauthenticated(session, password!);
    const { recoveryCodes: replaced } = await regenerateRecoveryCodes({ session: fresh, context });

    expect(replaced).toHaveLength(10);
    expect(replaced).not.toContain(recoveryCodes[0]);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    const next = await createSignedInSession(user.id);
    expect(await verifySignInCode({ session: next, factor: { method: "recovery_code", code: recoveryCodes[0] }, context })).toMatchObject({ ok: false });
    expect(await verifySignInCode({ session: next, factor: { method: "recovery_code", code: replaced[0] }, context })).toMatchObject({ ok: true });
  });
});

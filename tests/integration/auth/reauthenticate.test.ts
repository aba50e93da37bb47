import { isRecentlyReauthenticated, reauthenticate, reauthenticationMethod } from "@/lib/auth/reauthenticate";
import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { totpStepAt } from "@/lib/auth/totp";
import { verifySignInCode } from "@/lib/auth/two-factor/verify-sign-in-code";
import { db } from "@/lib/db";
import { createSignedInSession, createUser, testContext as context, totpCodeAt } from "@/tests/factories/users";

describe("re-authentication", () => {
  it("stamps the session after the right password and audits it", async () => {
    const { user, password } = await createUser();
    const session = await createSignedInSession(user.id);
    expect(isRecentlyReauthenticated(session)).toBe(false);

    await reauthenticate({ session, input: { method: "password", password: password! }, context });

    const reloaded = await resolveSession(session.sessionToken);
    expect(reloaded && isRecentlyReauthenticated(reloaded)).toBe(true);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.reauthenticated", outcome: "ALLOWED" } })).toBe(1);
  });

  it("refuses a wrong password without stamping", async () => {
    const { user } = await createUser();
    const session = await createSignedInSession(user.id);

    await expect(reauthenticate({ session, input: { method: "password", password: "not the password at all" }, context })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fieldErrors: { password: ["That password is not correct."] } },
    });
    expect((await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } })).reauthenticatedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.reauthenticated", outcome: "DENIED" } })).toBe(1);
  });

  it("throttles after ten wrong passwords, even when the next one is right", async () => {
    const { user, password } = await createUser();
    const session = await createSignedInSession(user.id);
    for (let i = 0; i < 10; i++) {
      await expect(reauthenticate({ session, input: { method: "password", password: `wrong password ${i}` }, context })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
      });
    }
    await expect(reauthenticate({ session, input: { method: "password", password: password! }, context })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("uses the authenticator for an account without a password, once per code", async () => {
    const { user, totpSecret } = await createUser({ password: null, totp: true });
    expect(await reauthenticationMethod({ userId: user.id })).toBe("totp");
    const pending = await createSignedInSession(user.id);
    const now = new Date();
    await verifySignInCode({ session: pending, factor: { method: "totp", code: totpCodeAt(totpSecret!, totpStepAt(now) - 1) }, context, now });
    const session = (await resolveSession(pending.sessionToken))!;

    await expect(reauthenticate({ session, input: { method: "password", password: "anything at all" }, context, now })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    const code = totpCodeAt(totpSecret!, totpStepAt(now));
    await reauthenticate({ session, input: { method: "totp", code }, context, now });
    await expect(reauthenticate({ session, input: { method: "totp", code }, context, now })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("is refused for a session still waiting for its second factor", async () => {
    const { user, password } = await createUser({ totp: true });
    const session = await createSignedInSession(user.id);
    await expect(reauthenticate({ session, input: { method: "password", password: password! }, context })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

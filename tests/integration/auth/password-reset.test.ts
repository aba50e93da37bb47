import { verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/password-reset/request-password-reset";
import { resetPassword } from "@/lib/auth/password-reset/reset-password";
import { createSession } from "@/lib/auth/sessions/create-session";
import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { db } from "@/lib/db";
import { createUser, testContext } from "@/tests/factories/users";

async function latestResetToken(to: string) {
  const mail = await db.outboundEmail.findFirstOrThrow({ where: { to, template: "reset-password" }, orderBy: { createdAt: "desc" } });
  return /token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

describe("password reset", () => {
  it("sets the new password once, ends every session and keeps two-factor", async () => {
    const { user } = await createUser({ totp: true });
    const session = await createSession({ userId: user.id, context: testContext });
    await requestPasswordReset({ email: user.email, context: testContext });
    const token = await latestResetToken(user.email);

    expect(await resetPassword({ token, newPassword: "my brand new long password", context: testContext })).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword({ hash: after.passwordHash!, password: "my brand new long password" })).toBe(true);
    expect(after.totpEnabledAt).not.toBeNull();
    expect(await resolveSession(session)).toBeNull();
    // A new sign-in still has to give the second factor.
    expect((await resolveSession(await createSession({ userId: user.id, context: testContext })))?.state).toBe("second_factor_required");

    expect(await resetPassword({ token, newPassword: "another long password here", context: testContext })).toBe(false);
    expect(await db.outboundEmail.count({ where: { to: user.email, template: "password-changed" } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { user } = await createUser();
    await requestPasswordReset({ email: user.email, context: testContext });
    const token = await latestResetToken(user.email);
    await db.verificationToken.updateMany({ where: { identifier: `reset-password:${user.id}` }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await resetPassword({ token, newPassword: "my brand new long password", context: testContext })).toBe(false);
  });

  it("lets only one of two parallel uses of a link through", async () => {
    const { user } = await createUser();
    await requestPasswordReset({ email: user.email, context: testContext });
    const token = await latestResetToken(user.email);
    const results = await Promise.all([
      resetPassword({ token, newPassword: "first parallel password", context: testContext }),
      resetPassword({ token, newPassword: "second parallel password", context: testContext }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("sends nothing for an unknown address", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    await requestPasswordReset({ email, context: testContext });
    expect(await db.outboundEmail.count({ where: { to: email } })).toBe(0);
  });
});

import { randomBytes } from "node:crypto";
import { changePassword } from "@/lib/auth/account/change-password";
import { confirmEmailChange } from "@/lib/auth/account/confirm-email-change";
import { requestEmailChange } from "@/lib/auth/account/request-email-change";
import { verifyPassword } from "@/lib/auth/password";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { resolveSession, type ResolvedSession } from "@/lib/auth/sessions/resolve-session";
import { db } from "@/lib/db";
import { createSignedInSession, createUser, testContext as context } from "@/tests/factories/users";

const NEW_PASSWORD = "lantern-otter-copper-meadow";

/** A session that just passed "Confirm it's you" with its password. */
async function reauthenticated(userId: string, password: string): Promise<ResolvedSession> {
  const session = await createSignedInSession(userId);
  await reauthenticate({ session, input: { method: "password", password }, context });
  return (await resolveSession(session.sessionToken))!;
}

/** For accounts without a password (OAuth only): stamp the session directly. */
async function stampedSession(userId: string): Promise<ResolvedSession> {
  const session = await createSignedInSession(userId);
  await db.session.update({ where: { sessionToken: session.sessionToken }, data: { reauthenticatedAt: new Date() } });
  return (await resolveSession(session.sessionToken))!;
}

const freshAddress = () => `new-${randomBytes(6).toString("hex")}@example.test`;

async function linkTokenSentTo(to: string) {
  const mail = await db.outboundEmail.findFirstOrThrow({ where: { to, template: "change-email-confirm" }, orderBy: { createdAt: "desc" } });
  return /token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

describe("changing the password", () => {
  it("is refused without a recent re-authentication", async () => {
    const { user, password } = await createUser();
    const session = await createSignedInSession(user.id);
    await expect(changePassword({ session, newPassword: NEW_PASSWORD, context })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const stale = await reauthenticated(user.id, password!);
    await expect(changePassword({ session: stale, newPassword: NEW_PASSWORD, context, now: new Date(Date.now() + 6 * 60_000) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword({ hash: after.passwordHash!, password: password! })).toBe(true);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.password_changed" } })).toBe(0);
  });

  it("sets the new password, signs out other devices, keeps this one, audits and mails", async () => {
    const { user, password } = await createUser();
    const other = await createSignedInSession(user.id);
    const session = await reauthenticated(user.id, password!);

    expect(await changePassword({ session, newPassword: NEW_PASSWORD, context })).toEqual({ firstPassword: false });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword({ hash: after.passwordHash!, password: NEW_PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash: after.passwordHash!, password: password! })).toBe(false);
    expect(await resolveSession(other.sessionToken)).toBeNull();
    expect((await resolveSession(session.sessionToken))?.state).toBe("active");
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.password_changed", outcome: "ALLOWED" } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { to: user.email, template: "account-password-changed" } })).toBe(1);
  });

  it("refuses a common password and keeps the old one", async () => {
    const { user, password } = await createUser();
    const session = await reauthenticated(user.id, password!);
    await expect(changePassword({ session, newPassword: "Qwerty123456", context })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fieldErrors: { password: [expect.stringMatching(/too common/)] } },
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword({ hash: after.passwordHash!, password: password! })).toBe(true);
    expect(await db.outboundEmail.count({ where: { to: user.email, template: "account-password-changed" } })).toBe(0);
  });

  it("sets a first password for an OAuth-only account", async () => {
    const { user } = await createUser({ password: null });
    const session = await stampedSession(user.id);
    expect(await changePassword({ session, newPassword: NEW_PASSWORD, context })).toEqual({ firstPassword: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword({ hash: after.passwordHash!, password: NEW_PASSWORD })).toBe(true);
  });
});

describe("changing the email address", () => {
  it("is refused without a recent re-authentication and sends nothing", async () => {
    const { user } = await createUser();
    const session = await createSignedInSession(user.id);
    const newEmail = freshAddress();
    await expect(requestEmailChange({ session, newEmail, context })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.outboundEmail.count({ where: { to: { in: [newEmail, user.email] } } })).toBe(0);
  });

  it("sends the link to the new address only, and confirming changes the email once", async () => {
    const { user, password } = await createUser();
    const other = await createSignedInSession(user.id);
    const session = await reauthenticated(user.id, password!);
    const newEmail = freshAddress();

    await requestEmailChange({ session, newEmail: `  ${newEmail.toUpperCase()} `, context });

    expect(await db.outboundEmail.count({ where: { template: "change-email-confirm", to: newEmail } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { template: "change-email-confirm", to: user.email } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { template: "change-email-requested", to: user.email } })).toBe(1);
    // Nothing changes before the confirmation.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const token = await linkTokenSentTo(newEmail);
    expect(await confirmEmailChange({ token, session, context })).toBe(true);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).not.toBeNull();
    expect(await resolveSession(other.sessionToken)).toBeNull();
    expect((await resolveSession(session.sessionToken))?.user.email).toBe(newEmail);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.email_changed", outcome: "ALLOWED" } });
    expect(JSON.stringify(audit.details)).not.toContain("@");
    expect(await db.outboundEmail.count({ where: { template: "change-email-done", to: user.email } })).toBe(1);

    // Single use.
    expect(await confirmEmailChange({ token, session, context })).toBe(false);
  });

  it("ends every session when the confirming browser is not signed in to the account", async () => {
    const { user, password } = await createUser();
    const session = await reauthenticated(user.id, password!);
    const newEmail = freshAddress();
    await requestEmailChange({ session, newEmail, context });
    expect(await confirmEmailChange({ token: await linkTokenSentTo(newEmail), session: null, context })).toBe(true);
    expect(await resolveSession(session.sessionToken)).toBeNull();
  });

  it("answers the same for an address of another account and sends it no link", async () => {
    const { user, password } = await createUser();
    const { user: owner } = await createUser();
    const session = await reauthenticated(user.id, password!);
    const free = freshAddress();

    const takenAnswer = await requestEmailChange({ session, newEmail: owner.email, context });
    const freeAnswer = await requestEmailChange({ session, newEmail: free, context });

    expect(takenAnswer.message.replace(owner.email, "X")).toBe(freeAnswer.message.replace(free, "X"));
    expect(await db.outboundEmail.count({ where: { to: owner.email } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: { contains: owner.email } } })).toBe(0);
    // The requester's own mailbox hears about both requests alike.
    expect(await db.outboundEmail.count({ where: { template: "change-email-requested", to: user.email } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("refuses the current address and an invalid one", async () => {
    const { user, password } = await createUser();
    const session = await reauthenticated(user.id, password!);
    await expect(requestEmailChange({ session, newEmail: user.email.toUpperCase(), context })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(requestEmailChange({ session, newEmail: "not an address", context })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("gives a clear error when the address was taken before the link was used", async () => {
    const { user, password } = await createUser();
    const session = await reauthenticated(user.id, password!);
    const newEmail = freshAddress();
    await requestEmailChange({ session, newEmail, context });
    const token = await linkTokenSentTo(newEmail);
    await createUser().then(({ user: late }) => db.user.update({ where: { id: late.id }, data: { email: newEmail } }));

    await expect(confirmEmailChange({ token, session, context })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await resolveSession(session.sessionToken)).not.toBeNull();
  });

  it("keeps an earlier link from working once a newer one is issued", async () => {
    const { user, password } = await createUser();
    const session = await reauthenticated(user.id, password!);
    const first = freshAddress();
    await requestEmailChange({ session, newEmail: first, context });
    const firstToken = await linkTokenSentTo(first);
    await requestEmailChange({ session, newEmail: freshAddress(), context });
    expect(await confirmEmailChange({ token: firstToken, session, context })).toBe(false);
  });
});

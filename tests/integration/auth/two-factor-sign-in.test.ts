import { resolveSession } from "@/lib/auth/sessions/resolve-session";
import { totpStepAt } from "@/lib/auth/totp";
import { verifySignInCode } from "@/lib/auth/two-factor/verify-sign-in-code";
import { db } from "@/lib/db";
import { createSignedInSession, createUser, testContext as context, totpCodeAt } from "@/tests/factories/users";

const totp = (code: string) => ({ method: "totp" as const, code });
const recovery = (code: string) => ({ method: "recovery_code" as const, code });

describe("second factor at sign-in", () => {
  it("completes the sign-in with the current code", async () => {
    const { user, totpSecret } = await createUser({ totp: true });
    const session = await createSignedInSession(user.id);
    expect(session.state).toBe("second_factor_required");
    const now = new Date();

    const result = await verifySignInCode({ session, factor: totp(totpCodeAt(totpSecret!, totpStepAt(now))), context, now });

    expect(result).toEqual({ ok: true, method: "totp" });
    expect((await resolveSession(session.sessionToken))?.state).toBe("active");
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } });
    expect(row.secondFactorAt).not.toBeNull();
    expect(row.failedSecondFactorAttempts).toBe(0);
  });

  it("refuses the same code a second time (replay), also in another sign-in", async () => {
    const { user, totpSecret } = await createUser({ totp: true });
    const first = await createSignedInSession(user.id);
    const second = await createSignedInSession(user.id);
    const now = new Date();
    const code = totpCodeAt(totpSecret!, totpStepAt(now));

    expect((await verifySignInCode({ session: first, factor: totp(code), context, now })).ok).toBe(true);
    const replay = await verifySignInCode({ session: second, factor: totp(code), context, now });
    expect(replay).toEqual({ ok: false, reason: "replayed", attemptsLeft: 4 });
    expect((await resolveSession(second.sessionToken))?.state).toBe("second_factor_required");
    // An older code after a newer one was accepted is a replay too.
    const older = totpCodeAt(totpSecret!, totpStepAt(now) - 1);
    expect(await verifySignInCode({ session: second, factor: totp(older), context, now })).toMatchObject({ ok: false, reason: "replayed" });
  });

  it("accepts one code exactly once when two sign-ins send it at the same moment", async () => {
    const { user, totpSecret } = await createUser({ totp: true });
    const sessions = await Promise.all([createSignedInSession(user.id), createSignedInSession(user.id)]);
    const now = new Date();
    const code = totpCodeAt(totpSecret!, totpStepAt(now));

    const results = await Promise.all(sessions.map((session) => verifySignInCode({ session, factor: totp(code), context, now })));

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "replayed", attemptsLeft: 4 }]);
    const states = await Promise.all(sessions.map((session) => resolveSession(session.sessionToken)));
    expect(states.map((s) => s?.state).sort()).toEqual(["active", "second_factor_required"]);
  });

  it("accepts one code exactly once when the same sign-in sends it twice at once", async () => {
    const { user, totpSecret } = await createUser({ totp: true });
    const session = await createSignedInSession(user.id);
    const now = new Date();
    const code = totpCodeAt(totpSecret!, totpStepAt(now));

    const results = await Promise.all([1, 2].map(() => verifySignInCode({ session, factor: totp(code), context, now })));

    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("accepts a recovery code once, in any spelling, and never again", async () => {
    const { user, recoveryCodes } = await createUser({ totp: true });
    const first = await createSignedInSession(user.id);
    const second = await createSignedInSession(user.id);
    const typed = recoveryCodes[3].toLowerCase().replace("-", " ");

    expect(await verifySignInCode({ session: first, factor: recovery(typed), context })).toEqual({ ok: true, method: "recovery_code", recoveryCodesLeft: 9 });
    expect(await verifySignInCode({ session: second, factor: recovery(recoveryCodes[3]), context })).toEqual({ ok: false, reason: "invalid", attemptsLeft: 4 });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("accepts a recovery code once when two sign-ins send it at the same moment", async () => {
    const { user, recoveryCodes } = await createUser({ totp: true });
    const sessions = await Promise.all([1, 2, 3].map(() => createSignedInSession(user.id)));

    const results = await Promise.all(sessions.map((session) => verifySignInCode({ session, factor: recovery(recoveryCodes[0]), context })));

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
  });

  it("ends the sign-in after five wrong codes, audits each failure, and accepts nothing after", async () => {
    const { user, totpSecret } = await createUser({ totp: true });
    const session = await createSignedInSession(user.id);
    const now = new Date();
    const step = totpStepAt(now);
    const valid = totpCodeAt(totpSecret!, step);
    // Codes of far-away steps are wrong now; skip any that happen to equal a valid one.
    const nearby = new Set([-1, 0, 1].map((offset) => totpCodeAt(totpSecret!, step + offset)));
    const wrong = Array.from({ length: 20 }, (_, i) => totpCodeAt(totpSecret!, step + 100 + i)).filter((code) => !nearby.has(code));

    const results = [];
    for (const code of wrong.slice(0, 5)) results.push(await verifySignInCode({ session, factor: totp(code), context, now }));

    expect(results.map((r) => (r.ok ? "ok" : r.reason === "invalid" ? r.attemptsLeft : r.reason))).toEqual([4, 3, 2, 1, "session_ended"]);
    expect(await resolveSession(session.sessionToken)).toBeNull();
    expect(await verifySignInCode({ session, factor: totp(valid), context, now })).toEqual({ ok: false, reason: "session_ended" });
    // The valid code was not spent on the dead session.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpLastUsedStep: true } })).totpLastUsedStep).toBeNull();
    const denied = await db.auditEvent.findMany({ where: { actorId: user.id, action: "auth.second_factor", outcome: "DENIED" } });
    expect(denied).toHaveLength(5);
    expect(denied.every((event) => (event.details as { reason?: string }).reason === "invalid_code")).toBe(true);
  });

  it("cannot get more than five guesses out of one sign-in with parallel requests", async () => {
    const { user, totpSecret } = await createUser({ totp: true });
    const session = await createSignedInSession(user.id);
    const now = new Date();
    const step = totpStepAt(now);
    const nearby = new Set([-1, 0, 1].map((offset) => totpCodeAt(totpSecret!, step + offset)));
    const wrong = Array.from({ length: 20 }, (_, i) => totpCodeAt(totpSecret!, step + 200 + i)).filter((code) => !nearby.has(code)).slice(0, 8);

    await Promise.all(wrong.map((code) => verifySignInCode({ session, factor: totp(code), context, now })));

    const denied = await db.auditEvent.count({ where: { actorId: user.id, action: "auth.second_factor", outcome: "DENIED" } });
    expect(denied).toBe(5);
    expect(await resolveSession(session.sessionToken)).toBeNull();
  });

  it("does nothing for a session that is not waiting for a second factor", async () => {
    const { user, totpSecret } = await createUser({ totp: false });
    const session = await createSignedInSession(user.id);
    expect(session.state).toBe("active");
    expect(totpSecret).toBeNull();
    expect(await verifySignInCode({ session, factor: totp("123456"), context })).toEqual({ ok: false, reason: "session_ended" });
  });
});

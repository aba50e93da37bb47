import { authorizePassword } from "@/lib/auth/sign-in/authorize-password";
import { db } from "@/lib/db";
import { createUser } from "@/tests/factories/users";

let ipCounter = 0;
/** Each test signs in from its own address so throttling counters do not mix. */
const newIp = () => `198.51.100.${++ipCounter}`;
const request = (ip: string) => new Request("http://localhost/api/auth/callback/password", { method: "POST", headers: { "x-forwarded-for": ip, "user-agent": "jest" } });

describe("password sign-in", () => {
  it("accepts the right password and answers wrong password and unknown account alike", async () => {
    const { user, password } = await createUser();
    const ip = newIp();
    const invalid = { ok: false, reason: "invalid" };
    expect(await authorizePassword({ credentials: { email: user.email, password }, request: request(ip) })).toEqual({ ok: true, userId: user.id });
    expect(await authorizePassword({ credentials: { email: user.email, password: "wrong password!!" }, request: request(ip) })).toEqual(invalid);
    expect(await authorizePassword({ credentials: { email: "nobody@example.test", password: "wrong password!!" }, request: request(ip) })).toEqual(invalid);
    expect(await authorizePassword({ credentials: { email: "not an email", password: 42 }, request: request(ip) })).toEqual(invalid);
  });

  it("signs in with any capitalisation of the address", async () => {
    const { user, password } = await createUser();
    expect(await authorizePassword({ credentials: { email: user.email.toUpperCase(), password }, request: request(newIp()) })).toEqual({ ok: true, userId: user.id });
  });

  it("refuses suspended accounts and unconfirmed addresses", async () => {
    const suspended = await createUser({ status: "SUSPENDED" });
    expect(await authorizePassword({ credentials: { email: suspended.user.email, password: suspended.password }, request: request(newIp()) })).toEqual({ ok: false, reason: "invalid" });
    const unconfirmed = await createUser();
    await db.user.update({ where: { id: unconfirmed.user.id }, data: { emailVerified: null } });
    expect(await authorizePassword({ credentials: { email: unconfirmed.user.email, password: unconfirmed.password }, request: request(newIp()) })).toEqual({
      ok: false,
      reason: "email_not_verified",
    });
  });

  it("throttles an account from one address after 5 failures without locking it out elsewhere", async () => {
    const { user, password } = await createUser();
    const attacker = newIp();
    for (let i = 0; i < 5; i++) {
      expect(await authorizePassword({ credentials: { email: user.email, password: `wrong guess ${i}!!` }, request: request(attacker) })).toMatchObject({ ok: false });
    }
    // Even the right password is refused from the attacking address for now...
    expect(await authorizePassword({ credentials: { email: user.email, password }, request: request(attacker) })).toEqual({ ok: false, reason: "rate_limited" });
    // ...while the owner, elsewhere, signs in normally.
    expect(await authorizePassword({ credentials: { email: user.email, password }, request: request(newIp()) })).toEqual({ ok: true, userId: user.id });
  });

  it("records a failure in the audit trail without the password", async () => {
    const { user, password } = await createUser();
    const ip = newIp();
    await authorizePassword({ credentials: { email: user.email, password: "wrong password!!" }, request: request(ip) });
    const events = await db.auditEvent.findMany({ where: { actorId: user.id, action: "auth.sign_in" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "DENIED", ipAddress: ip, userAgent: "jest" });
    const stored = JSON.stringify(events, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    expect(stored).not.toContain(password);
    expect(stored).not.toContain("wrong password");
  });
});

import { ZSignUpServerSchema } from "@/lib/auth/password-policy";
import { signUp } from "@/lib/auth/sign-up/sign-up";
import { verifyEmail } from "@/lib/auth/sign-up/verify-email";
import { db } from "@/lib/db";
import { testContext } from "@/tests/factories/users";

const unique = () => Math.random().toString(36).slice(2, 10);

/** The token in the newest verification mail sent to `to`. */
async function tokenFromLatestMail(to: string, template: string) {
  const mail = await db.outboundEmail.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
  return /token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

describe("sign-up", () => {
  it("creates an active patient with a hashed password and mails a confirmation link", async () => {
    const email = `Pat.${unique()}@Example.test`;
    const input = ZSignUpServerSchema.parse({ role: "patient", name: "Pat Example", email, password: "a sentence I can remember" });
    const { userId } = await signUp({ input, context: testContext });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId! }, omit: { passwordHash: false } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.role).toBe("PATIENT");
    expect(user.status).toBe("ACTIVE");
    expect(user.emailVerified).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await db.auditEvent.count({ where: { actorId: userId!, action: "auth.sign_up" } })).toBe(1);

    const token = await tokenFromLatestMail(user.email, "verify-email");
    expect(await verifyEmail({ token, context: testContext })).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId! } })).emailVerified).not.toBeNull();
    // The link works once.
    expect(await verifyEmail({ token, context: testContext })).toBe(false);
  });

  it("creates clinicians pending verification with their profile", async () => {
    const input = ZSignUpServerSchema.parse({
      role: "physician",
      name: "Dr Example",
      email: `dr.${unique()}@example.test`,
      password: "a sentence I can remember",
      licenseNumber: "GMC-1234567",
      specialty: "Cardiology",
      organization: "St Example's",
    });
    const { userId } = await signUp({ input, context: testContext });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId! }, include: { clinicianProfile: true } });
    expect(user.role).toBe("PHYSICIAN");
    expect(user.status).toBe("PENDING_VERIFICATION");
    expect(user.clinicianProfile).toMatchObject({ licenseNumber: "GMC-1234567", verifiedAt: null });
  });

  it("treats addresses case-insensitively and gives no sign that one is taken", async () => {
    const email = `taken.${unique()}@example.test`;
    const input = (e: string) => ZSignUpServerSchema.parse({ role: "patient", name: "First", email: e, password: "a sentence I can remember" });
    const first = await signUp({ input: input(email), context: testContext });
    const second = await signUp({ input: input(email.toUpperCase()), context: testContext });
    expect(first.userId).not.toBeNull();
    expect(second.userId).toBeNull();
    expect(await db.user.count({ where: { email } })).toBe(1);
    // The owner learns that someone tried.
    expect(await db.outboundEmail.count({ where: { to: email, template: "sign-up-existing-account" } })).toBe(1);
  });

  it("refuses common passwords and admin sign-ups on the server", () => {
    const base = { name: "X", email: `x.${unique()}@example.test` };
    const common = ZSignUpServerSchema.safeParse({ ...base, role: "patient", password: "passwordpassword" });
    expect(common.success).toBe(false);
    expect(common.error?.issues[0].message).toMatch(/too common/);
    expect(ZSignUpServerSchema.safeParse({ ...base, role: "admin", password: "a sentence I can remember" }).success).toBe(false);
  });

  it("refuses a tampered or expired verification token", async () => {
    expect(await verifyEmail({ token: "A".repeat(43), context: testContext })).toBe(false);
    expect(await verifyEmail({ token: "../../etc/passwd", context: testContext })).toBe(false);
  });
});

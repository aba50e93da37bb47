// The first admin comes from the seed or `npm run admin:create`, never from the
// sign-up form: neither its schema nor signUp itself can produce an ADMIN.
import { ZSignUpServerSchema } from "@/lib/auth/password-policy";
import { signUp } from "@/lib/auth/sign-up/sign-up";
import { db } from "@/lib/db";
import type { TSignUp } from "@/lib/validation/auth";
import { uniqueToken } from "@/tests/factories/clinicians";

afterAll(() => db.$disconnect());

const password = "lantern-otter-copper-meadow";
const clinicianFields = { licenseNumber: "LIC-1", specialty: "Oncology", organization: "General" };
const context = { ipAddress: null, userAgent: null };

describe("sign-up cannot create admins", () => {
  it.each(["admin", "ADMIN", "Admin", " admin"])("ZSignUpServerSchema refuses role %j", (role) => {
    const result = ZSignUpServerSchema.safeParse({ name: "Eve", email: "eve@example.org", password, role, ...clinicianFields });
    expect(result.success).toBe(false);
  });

  it("maps each offered role to its own role and no other, with clinicians pending verification", async () => {
    const expected = { patient: ["PATIENT", "ACTIVE"], physician: ["PHYSICIAN", "PENDING_VERIFICATION"], nurse: ["NURSE", "PENDING_VERIFICATION"], staff: ["STAFF", "PENDING_VERIFICATION"] } as const;
    for (const [role, [dbRole, status]] of Object.entries(expected)) {
      const input = ZSignUpServerSchema.parse({ name: "New user", email: `${role}-${uniqueToken()}@example.org`, password, role, ...clinicianFields });
      const { userId } = await signUp({ input, context });
      expect(await db.user.findUniqueOrThrow({ where: { id: userId! }, select: { role: true, status: true } })).toEqual({ role: dbRole, status });
    }
  });

  it("signUp given a forged role past the schema never creates an admin", async () => {
    const email = `forged-${uniqueToken()}@example.org`;
    const forged = { name: "Eve", email, password, role: "admin", ...clinicianFields } as unknown as TSignUp;
    await signUp({ input: forged, context }).catch(() => undefined);
    expect(await db.user.count({ where: { email, role: "ADMIN" } })).toBe(0);
    expect(await db.user.count({ where: { role: "ADMIN", email: { startsWith: "forged-" } } })).toBe(0);
  });
});

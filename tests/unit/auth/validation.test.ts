import {
  ZEmailSchema,
  ZRecoveryCodeSchema,
  ZSignInSchema,
  ZSignUpSchema,
  ZTotpCodeSchema,
  normalizeRecoveryCode,
} from "@/lib/validation/auth";

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ?? []);

const password = "lantern-otter-copper-meadow";

describe("ZEmailSchema", () => {
  it("trims and lower-cases", () => {
    expect(ZEmailSchema.parse("  Ana.Silva@Example.ORG ")).toBe("ana.silva@example.org");
  });

  it("refuses invalid, empty and over-long addresses with specific messages", () => {
    expect(issuesOf(ZEmailSchema.safeParse("ana@"))).toEqual([{ path: "", message: "Enter a valid email address." }]);
    expect(issuesOf(ZEmailSchema.safeParse("   "))[0]?.message).toBe("Enter your email address.");
    const long = `${"a".repeat(64)}@${"b".repeat(185)}.com`; // 254 characters
    expect(long).toHaveLength(254);
    expect(ZEmailSchema.safeParse(long).success).toBe(true);
    expect(issuesOf(ZEmailSchema.safeParse(`a${long}`))[0]?.message).toBe("Use an email address of at most 254 characters.");
  });
});

describe("ZSignUpSchema", () => {
  it("accepts a patient and strips clinician-only fields", () => {
    const parsed = ZSignUpSchema.parse({ name: " Ana ", email: "ANA@example.com", password, role: "patient", licenseNumber: "x" });
    expect(parsed).toEqual({ name: "Ana", email: "ana@example.com", password, role: "patient" });
  });

  it("requires license number, specialty and organization from every clinician role, all reported at once", () => {
    for (const role of ["physician", "nurse", "staff"]) {
      expect(issuesOf(ZSignUpSchema.safeParse({ name: "Dr Bo", email: "bo@example.com", password, role, specialty: "  " }))).toEqual([
        { path: "licenseNumber", message: "Enter your professional license number." },
        { path: "specialty", message: "Enter your specialty." },
        { path: "organization", message: "Enter the organization you work for." },
      ]);
    }
  });

  it("accepts a complete clinician", () => {
    const input = { name: "Dr Bo", email: "bo@example.com", password, role: "nurse", licenseNumber: "RN-123", specialty: "ICU", organization: "General" };
    expect(ZSignUpSchema.parse(input)).toEqual(input);
  });

  it("refuses an unknown role (admins are never self-registered) and a missing name", () => {
    expect(issuesOf(ZSignUpSchema.safeParse({ name: "Eve", email: "eve@example.com", password, role: "admin" }))).toEqual([
      { path: "role", message: "Choose whether you are a patient, physician, nurse or staff." },
    ]);
    expect(issuesOf(ZSignUpSchema.safeParse({ name: " ", email: "eve@example.com", password, role: "patient" }))).toEqual([
      { path: "name", message: "Enter your name." },
    ]);
    expect(issuesOf(ZSignUpSchema.safeParse({ name: "n".repeat(101), email: "eve@example.com", password, role: "patient" }))[0]?.path).toBe("name");
  });

  it("applies the password length rule", () => {
    expect(issuesOf(ZSignUpSchema.safeParse({ name: "Ana", email: "ana@example.com", password: "short", role: "patient" }))).toEqual([
      { path: "password", message: "Use at least 12 characters." },
    ]);
  });
});

describe("ZSignInSchema", () => {
  it("requires a password but not the new-password length (older passwords still sign in)", () => {
    expect(ZSignInSchema.safeParse({ email: "ana@example.com", password: "short" }).success).toBe(true);
    expect(issuesOf(ZSignInSchema.safeParse({ email: "ana@example.com", password: "" }))).toEqual([
      { path: "password", message: "Enter your password." },
    ]);
  });
});

describe("ZTotpCodeSchema", () => {
  it("strips whitespace and accepts exactly six ASCII digits", () => {
    expect(ZTotpCodeSchema.parse(" 123 456 ")).toBe("123456");
    expect(ZTotpCodeSchema.parse("012345")).toBe("012345");
  });

  it.each(["12345", "1234567", "12a456", "", "12-345", "１２３４５６", "١٢٣٤٥٦", "+12345"])("refuses %p", (code) => {
    expect(ZTotpCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe("recovery code format", () => {
  it("normalizes case, dashes, spaces and look-alike letters", () => {
    expect(normalizeRecoveryCode(" abcde-12345 ")).toBe("ABCDE12345");
    expect(normalizeRecoveryCode("ABCDE 12345")).toBe("ABCDE12345");
    expect(normalizeRecoveryCode("oIl0z–x9k2m")).toBe("0110ZX9K2M");
    expect(ZRecoveryCodeSchema.parse("7kq2m-xh9dp")).toBe("7KQ2MXH9DP");
  });

  it("refuses wrong lengths and characters outside the alphabet", () => {
    for (const code of ["ABCDE-1234", "ABCDE-123456", "ABCDU-12345", "ABCDE_12345", ""]) {
      expect(ZRecoveryCodeSchema.safeParse(code).success).toBe(false);
    }
  });
});

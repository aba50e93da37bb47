import { isRecentlyReauthenticated, requireRecentReauthentication } from "@/lib/auth/reauthenticate";
import { formatManualKey, ZReauthenticateSchema, ZSecondFactorSchema } from "@/lib/auth/two-factor/schemas";
import { AppError } from "@/lib/errors";

describe("ZSecondFactorSchema", () => {
  it("accepts an app code with the space apps display, normalized", () => {
    expect(ZSecondFactorSchema.parse({ method: "totp", code: "123 456" })).toEqual({ method: "totp", code: "123456" });
  });

  it("accepts a recovery code in any case and spelling, normalized", () => {
    expect(ZSecondFactorSchema.parse({ method: "recovery_code", code: "abcde 12345" })).toEqual({ method: "recovery_code", code: "ABCDE12345" });
  });

  it.each([
    { method: "totp", code: "12345" },
    { method: "totp", code: "ABCDE-12345" },
    { method: "recovery_code", code: "123456" },
    { method: "sms", code: "123456" },
    { code: "123456" },
  ])("refuses %p", (input) => {
    expect(ZSecondFactorSchema.safeParse(input).success).toBe(false);
  });
});

describe("ZReauthenticateSchema", () => {
  it("needs a non-empty password or a 6-digit code", () => {
    expect(ZReauthenticateSchema.safeParse({ method: "password", password: "" }).success).toBe(false);
    expect(ZReauthenticateSchema.safeParse({ method: "password", password: "x" }).success).toBe(true);
    expect(ZReauthenticateSchema.safeParse({ method: "totp", code: "12345" }).success).toBe(false);
    expect(ZReauthenticateSchema.safeParse({ method: "totp", code: "123456" }).success).toBe(true);
  });
});

describe("formatManualKey", () => {
  it("groups the secret in fours without a trailing space", () => {
    expect(formatManualKey("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
    expect(formatManualKey("ABCDEF")).toBe("ABCD EF");
  });
});

describe("requireRecentReauthentication", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (ms: number) => ({ reauthenticatedAt: new Date(now.getTime() - ms) });

  it("passes within five minutes", () => {
    expect(() => requireRecentReauthentication(ago(4 * 60_000 + 59_000), undefined, now)).not.toThrow();
    expect(isRecentlyReauthenticated(ago(0), { now })).toBe(true);
  });

  it("refuses never, after five minutes, and a stamp far in the future", () => {
    for (const subject of [{ reauthenticatedAt: null }, ago(5 * 60_000 + 1), ago(-10 * 60_000)]) {
      let thrown: unknown;
      try {
        requireRecentReauthentication(subject, undefined, now);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: "FORBIDDEN", message: "Please confirm your password first." });
    }
  });

  it("honours a shorter window", () => {
    expect(isRecentlyReauthenticated(ago(90_000), { now, maxAgeMs: 60_000 })).toBe(false);
  });
});

import { isCommonPassword } from "@/lib/auth/common-passwords";
import { ZNewPasswordServerSchema, ZSignUpServerSchema } from "@/lib/auth/password-policy";
import { ZPasswordSchema } from "@/lib/validation/auth";

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);

describe("ZPasswordSchema (client-safe length rules)", () => {
  it("counts code points, not UTF-16 units: 11 emoji are too short although they are 22 units", () => {
    const eleven = "🩺💊🧬🦷🫀🫁🧠🩻🩹🔒🔑";
    expect(eleven.length).toBe(22);
    expect(messagesOf(ZPasswordSchema.safeParse(eleven))).toEqual(["Use at least 12 characters."]);
    expect(ZPasswordSchema.safeParse(`${eleven}🏥`).success).toBe(true);
  });

  it("accepts 128 characters and refuses 129, counting emoji as one each", () => {
    expect(ZPasswordSchema.safeParse("🩺".repeat(128)).success).toBe(true);
    expect(messagesOf(ZPasswordSchema.safeParse("🩺".repeat(129)))).toEqual(["Use at most 128 characters."]);
    expect(ZPasswordSchema.safeParse("a".repeat(128)).success).toBe(true);
    expect(messagesOf(ZPasswordSchema.safeParse("a".repeat(129)))).toEqual(["Use at most 128 characters."]);
  });

  it("measures the NFKC form that is hashed: e + combining accent counts once", () => {
    const decomposedE = "e\u0301";
    expect(ZPasswordSchema.safeParse(decomposedE.repeat(12)).success).toBe(true);
    expect(messagesOf(ZPasswordSchema.safeParse(decomposedE.repeat(11)))).toEqual(["Use at least 12 characters."]);
  });

  it("allows any characters and imposes no composition rules", () => {
    for (const password of ["correct horse battery staple", "aaaaaaaaaaaa", "            ", "пароль-очень-длинный", "密码密码密码密码密码密码"]) {
      expect(ZPasswordSchema.safeParse(password).success).toBe(true);
    }
  });

  it("refuses huge input with one message, without normalizing it", () => {
    expect(messagesOf(ZPasswordSchema.safeParse("a".repeat(100_000)))).toEqual(["Use at most 128 characters."]);
  });

  it("asks for a password when it is empty or not a string", () => {
    expect(messagesOf(ZPasswordSchema.safeParse(""))).toEqual(["Enter a password."]);
    expect(messagesOf(ZPasswordSchema.safeParse(undefined))).toEqual(["Enter a password."]);
  });

  it("leaves the value as typed (hashPassword normalizes)", () => {
    expect(ZPasswordSchema.parse("cafe\u0301-cafe\u0301-cafe\u0301")).toBe("cafe\u0301-cafe\u0301-cafe\u0301");
  });
});

describe("common passwords (server-side)", () => {
  it("knows long entries of the zxcvbn list, case-insensitively and after NFKC", () => {
    expect(isCommonPassword("password1234")).toBe(true);
    expect(isCommonPassword("PassWord1234")).toBe(true);
    expect(isCommonPassword("ｐａｓｓｗｏｒｄ１２３４")).toBe(true);
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true);
    expect(isCommonPassword("lantern-otter-copper-meadow")).toBe(false);
  });

  it("refuses a common password with the specific message", () => {
    expect(messagesOf(ZNewPasswordServerSchema.safeParse("Qwerty123456"))).toEqual([
      "This password is too common. Choose a longer, less predictable one.",
    ]);
    expect(ZNewPasswordServerSchema.safeParse("lantern-otter-copper-meadow").success).toBe(true);
  });

  it("still applies the length rules", () => {
    expect(messagesOf(ZNewPasswordServerSchema.safeParse("short"))).toContain("Use at least 12 characters.");
  });

  it("puts the sign-up common-password issue on the password field", () => {
    const result = ZSignUpServerSchema.safeParse({ name: "Ana", email: "ana@example.com", password: "password1234", role: "patient" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["password"], message: "This password is too common. Choose a longer, less predictable one." }),
    ]);
    expect(
      ZSignUpServerSchema.safeParse({ name: "Ana", email: "ana@example.com", password: "lantern-otter-copper-meadow", role: "patient" }).success,
    ).toBe(true);
  });
});

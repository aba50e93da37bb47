import { createHmac } from "node:crypto";
import { generateTotpSecret, totpQrDataUrl, totpSecretContext, totpStepAt, verifyTotp } from "@/lib/auth/totp";

// RFC 6238 appendix B's SHA-1 key, "12345678901234567890", in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_KEY = Buffer.from("12345678901234567890");

/** Independent HOTP (RFC 4226) so these tests do not trust speakeasy to check itself. */
function referenceCode(key: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

function decodeBase32(value: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of value) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}

// 2025-06-01T12:00:10Z, 10 s into its step.
const now = new Date(Date.UTC(2025, 5, 1, 12, 0, 10));
const step = totpStepAt(now);
const codeAt = (offset: number) => referenceCode(RFC_KEY, step + offset);

describe("verifyTotp", () => {
  beforeAll(() => {
    // The drift tests need five distinct codes around `now`; fail loudly if the fixture ever collides.
    expect(new Set([-2, -1, 0, 1, 2].map(codeAt)).size).toBe(5);
  });

  it("matches the RFC 6238 SHA-1 test vectors (last 6 digits)", () => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: "287082", lastUsedStep: null, now: 59_000 })).toEqual({ ok: true, step: 1 });
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: "005924", lastUsedStep: null, now: 1_234_567_890_000 })).toEqual({
      ok: true,
      step: 41_152_263,
    });
  });

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(0), lastUsedStep: null, now })).toEqual({ ok: true, step });
  });

  it("accepts one step of drift either way, reporting the step that matched", () => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(-1), lastUsedStep: null, now })).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(1), lastUsedStep: null, now })).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses two steps of drift either way", () => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(-2), lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(2), lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses the same step twice", () => {
    const first = verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(0), lastUsedStep: step - 5, now });
    expect(first).toEqual({ ok: true, step });
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(0), lastUsedStep: step, now })).toEqual({ ok: false, reason: "replayed" });
  });

  it("refuses an older code after a newer one was accepted", () => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(-1), lastUsedStep: step, now })).toEqual({ ok: false, reason: "replayed" });
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(0), lastUsedStep: step + 1, now })).toEqual({ ok: false, reason: "replayed" });
    // ...but a newer code after an older one is fine.
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(1), lastUsedStep: step, now })).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses a code for another secret", () => {
    const other = Buffer.from("abcdefghijabcdefghij");
    const code = referenceCode(other, step);
    expect(code).not.toBe(codeAt(0));
    expect(verifyTotp({ secretBase32: RFC_SECRET, code, lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts the code with spaces as apps display it", () => {
    const code = codeAt(0);
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, lastUsedStep: null, now }).ok).toBe(true);
  });

  it.each(["", "12345", "1234567", "abcdef", "12345a", "１２３４５６"])("refuses the malformed code %p", (code) => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code, lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses the current code with a digit appended or dropped", () => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: `${codeAt(0)}0`, lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: codeAt(0).slice(1), lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("generateTotpSecret", () => {
  it("makes a 160-bit base32 secret and an otpauth URL for MedVault", () => {
    const { base32, otpauthUrl } = generateTotpSecret({ accountName: "ana+test@example.com" });
    expect(base32).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(base32)).toHaveLength(20);

    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/MedVault:ana+test@example.com");
    expect(url.searchParams.get("secret")).toBe(base32);
    expect(url.searchParams.get("issuer")).toBe("MedVault");
    expect(url.searchParams.get("algorithm")).toBe("SHA1");
    expect(url.searchParams.get("digits")).toBe("6");
    expect(url.searchParams.get("period")).toBe("30");
  });

  it("makes a different secret each time, which verifies codes made from its bytes", () => {
    const a = generateTotpSecret({ accountName: "a@example.com" });
    const b = generateTotpSecret({ accountName: "a@example.com" });
    expect(a.base32).not.toBe(b.base32);
    const code = referenceCode(decodeBase32(a.base32), step);
    expect(verifyTotp({ secretBase32: a.base32, code, lastUsedStep: null, now })).toEqual({ ok: true, step });
  });

  it("renders the URL as a PNG data URL", async () => {
    const dataUrl = await totpQrDataUrl(generateTotpSecret({ accountName: "a@example.com" }).otpauthUrl);
    expect(dataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  });
});

describe("totp helpers", () => {
  it("numbers 30-second steps from the Unix epoch", () => {
    expect(totpStepAt(0)).toBe(0);
    expect(totpStepAt(29_999)).toBe(0);
    expect(totpStepAt(30_000)).toBe(1);
    expect(totpStepAt(new Date(59_000))).toBe(1);
  });

  it("binds secrets to their user", () => {
    expect(totpSecretContext("u1")).not.toBe(totpSecretContext("u2"));
  });
});

import { randomBytes } from "node:crypto";
import { SecretBoxError, decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

const key = randomBytes(32);
const plaintext = "JBSWY3DPEHPK3PXP-ünïcödé-🔐";

/** Flips one bit of one part's bytes (not its base64url text, whose last character can carry unused bits). */
function tamper(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof SecretBoxError ? error.code : `not a SecretBoxError: ${String(error)}`;
  }
  return undefined;
}

describe("secret box", () => {
  it("round-trips and uses the v1.<iv>.<tag>.<ciphertext> base64url format with a 96-bit IV", () => {
    const sealed = encryptSecret({ plaintext, key });
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(decryptSecret({ sealed, key })).toBe(plaintext);
  });

  it("uses a fresh IV every time", () => {
    const a = encryptSecret({ plaintext, key });
    const b = encryptSecret({ plaintext, key });
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
    expect(a).not.toBe(b);
  });

  it("detects tampering with the IV, the tag or the ciphertext", () => {
    const sealed = encryptSecret({ plaintext, key });
    for (const part of [1, 2, 3] as const) {
      expect(errorCodeOf(() => decryptSecret({ sealed: tamper(sealed, part), key }))).toBe("decryption_failed");
    }
  });

  it("refuses the wrong key", () => {
    const sealed = encryptSecret({ plaintext, key });
    expect(errorCodeOf(() => decryptSecret({ sealed, key: randomBytes(32) }))).toBe("decryption_failed");
  });

  it("binds the secret to its associated data", () => {
    const sealed = encryptSecret({ plaintext, key, associatedData: "user:alice:totp" });
    expect(decryptSecret({ sealed, key, associatedData: "user:alice:totp" })).toBe(plaintext);
    expect(errorCodeOf(() => decryptSecret({ sealed, key, associatedData: "user:mallory:totp" }))).toBe("decryption_failed");
    expect(errorCodeOf(() => decryptSecret({ sealed, key }))).toBe("decryption_failed");
    const unbound = encryptSecret({ plaintext, key });
    expect(errorCodeOf(() => decryptSecret({ sealed: unbound, key, associatedData: "user:alice:totp" }))).toBe("decryption_failed");
  });

  it("refuses a truncated tag instead of checking fewer bits", () => {
    const [version, iv, tag, ciphertext] = encryptSecret({ plaintext, key }).split(".");
    const shortTag = Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url");
    expect(errorCodeOf(() => decryptSecret({ sealed: [version, iv, shortTag, ciphertext].join("."), key }))).toBe("malformed");
  });

  it("reports unknown versions and malformed input distinctly", () => {
    const sealed = encryptSecret({ plaintext, key });
    expect(errorCodeOf(() => decryptSecret({ sealed: sealed.replace(/^v1/, "v2"), key }))).toBe("unsupported_version");
    expect(errorCodeOf(() => decryptSecret({ sealed: "not-sealed", key }))).toBe("malformed");
    expect(errorCodeOf(() => decryptSecret({ sealed: `${sealed}.extra`, key }))).toBe("malformed");
    expect(errorCodeOf(() => decryptSecret({ sealed: sealed.replace(/\.([^.]*)$/, ".+/="), key }))).toBe("malformed");
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(errorCodeOf(() => encryptSecret({ plaintext, key: randomBytes(16) }))).toBe("invalid_key");
  });

  it("defaults to ENCRYPTION_KEY, which is not interchangeable with another key", () => {
    const sealed = encryptSecret({ plaintext });
    expect(decryptSecret({ sealed })).toBe(plaintext);
    expect(errorCodeOf(() => decryptSecret({ sealed, key }))).toBe("decryption_failed");
  });

  it("never puts the plaintext or key in its error message", () => {
    const sealed = encryptSecret({ plaintext, key });
    try {
      decryptSecret({ sealed, key: randomBytes(32) });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(plaintext);
      expect(String((error as Error).message)).not.toContain(key.toString("base64"));
    }
    expect.assertions(2);
  });
});

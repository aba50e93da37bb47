import { randomBytes } from "node:crypto";
import {
  RECOVERY_CODE_COUNT,
  findMatchingRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from "@/lib/auth/recovery-codes";
import { RECOVERY_CODE_ALPHABET } from "@/lib/validation/auth";

const key = randomBytes(32);

describe("generateRecoveryCodes", () => {
  it("makes 10 unique xxxxx-xxxxx codes from the unambiguous alphabet", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(code).not.toMatch(/[ILOU]/);
    }
  });

  it("carries at least 50 bits per code and draws every symbol about equally often", () => {
    const symbols = generateRecoveryCodes().join("").replace(/-/g, "");
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    expect((symbols.length / 10) * Math.log2(32)).toBeGreaterThanOrEqual(50);

    const counts = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      for (const char of generateRecoveryCodes().join("").replace(/-/g, "")) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    // 20,000 draws over 32 symbols: about 625 each; a biased or short alphabet falls far outside this band.
    expect(counts.size).toBe(32);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(450);
      expect(count).toBeLessThan(800);
    }
  });
});

describe("hashRecoveryCode", () => {
  it("is a keyed hash, never the code itself", () => {
    const [code] = generateRecoveryCodes();
    const hash = hashRecoveryCode({ code, key });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalizeRecoveryCode(code));
    expect(hashRecoveryCode({ code, key: randomBytes(32) })).not.toBe(hash);
  });

  it("ignores case, dashes and spaces", () => {
    const hash = hashRecoveryCode({ code: "7KQ2M-XH9DP", key });
    expect(hashRecoveryCode({ code: "7kq2mxh9dp", key })).toBe(hash);
    expect(hashRecoveryCode({ code: " 7kq2m xh9dp ", key })).toBe(hash);
    expect(hashRecoveryCode({ code: "7KQ2M-XH9DQ", key })).not.toBe(hash);
  });

  it("uses ENCRYPTION_KEY when no key is given", () => {
    expect(hashRecoveryCode({ code: "7KQ2M-XH9DP" })).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode({ code: "7KQ2M-XH9DP" })).not.toBe(hashRecoveryCode({ code: "7KQ2M-XH9DP", key }));
  });
});

describe("findMatchingRecoveryCode", () => {
  const codes = generateRecoveryCodes();
  const hashes = codes.map((code) => hashRecoveryCode({ code, key }));

  it("finds the stored hash of the entered code, however it was typed", () => {
    expect(findMatchingRecoveryCode({ code: codes[3], hashes, key })).toEqual({ index: 3, hash: hashes[3] });
    expect(findMatchingRecoveryCode({ code: codes[7].toLowerCase().replace("-", " "), hashes, key })).toEqual({ index: 7, hash: hashes[7] });
  });

  it("finds nothing for another code, a used (removed) code, malformed input or the wrong key", () => {
    const other = generateRecoveryCodes().find((code) => !codes.includes(code))!;
    expect(findMatchingRecoveryCode({ code: other, hashes, key })).toBeNull();
    expect(findMatchingRecoveryCode({ code: codes[0], hashes: hashes.slice(1), key })).toBeNull();
    expect(findMatchingRecoveryCode({ code: "not a code", hashes, key })).toBeNull();
    expect(findMatchingRecoveryCode({ code: hashes[0], hashes, key })).toBeNull();
    expect(findMatchingRecoveryCode({ code: codes[0], hashes, key: randomBytes(32) })).toBeNull();
  });
});

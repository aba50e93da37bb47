import { hash as argon2Hash } from "@node-rs/argon2";
import { hashPassword, needsRehash, verifyPassword, verifyPasswordWithoutAccount } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses Argon2id v19 with m=19456 KiB, t=2, p=1", async () => {
    const hash = await hashPassword("a perfectly fine passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  it("salts every hash, yet verifies the right password and refuses a wrong one", async () => {
    const password = "tidal-harbor-lantern-42";
    const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(first).not.toBe(second);
    await expect(verifyPassword({ hash: first, password })).resolves.toBe(true);
    await expect(verifyPassword({ hash: first, password: "tidal-harbor-lantern-43" })).resolves.toBe(false);
  });

  it("does not truncate: 100-character passwords differing only in the last character differ", async () => {
    const stem = "x".repeat(99);
    const hash = await hashPassword(`${stem}a`);
    await expect(verifyPassword({ hash, password: `${stem}a` })).resolves.toBe(true);
    await expect(verifyPassword({ hash, password: `${stem}b` })).resolves.toBe(false);
  });

  it("does not truncate multi-byte input past bcrypt's 72 bytes either", async () => {
    const stem = "🩺".repeat(30); // 120 UTF-8 bytes
    const hash = await hashPassword(`${stem}1`);
    await expect(verifyPassword({ hash, password: `${stem}2` })).resolves.toBe(false);
  });

  it("normalizes with NFKC, so composed, decomposed and full-width forms are one password", async () => {
    const hash = await hashPassword("caf\u00e9 au lait, s'il vous pla\u00eet");
    await expect(verifyPassword({ hash, password: "cafe\u0301 au lait, s'il vous plai\u0302t" })).resolves.toBe(true);

    const fullWidth = await hashPassword("ｍｅｄｖａｕｌｔ ｐａｓｓ ２０２５");
    await expect(verifyPassword({ hash: fullWidth, password: "medvault pass 2025" })).resolves.toBe(true);
    // Normalization must not fold case: that would shrink the password space.
    await expect(verifyPassword({ hash: fullWidth, password: "MEDVAULT PASS 2025" })).resolves.toBe(false);
  });

  it("keeps spaces and emoji significant", async () => {
    const hash = await hashPassword("correct horse battery staple 🐎");
    await expect(verifyPassword({ hash, password: "correcthorsebatterystaple 🐎" })).resolves.toBe(false);
    await expect(verifyPassword({ hash, password: "correct horse battery staple 🐴" })).resolves.toBe(false);
    await expect(verifyPassword({ hash, password: "correct horse battery staple 🐎" })).resolves.toBe(true);
  });

  it("spends a verification when there is no account, and always answers false", async () => {
    await expect(verifyPasswordWithoutAccount("medvault-timing-equalizer-not-a-password")).resolves.toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made with the current parameters", async () => {
    expect(needsRehash(await hashPassword("a perfectly fine passphrase"))).toBe(false);
  });

  it("is true for weaker memory or time cost, another Argon2 variant, or a foreign format", async () => {
    const weakMemory = await argon2Hash("pw", { memoryCost: 4096, timeCost: 2, parallelism: 1, algorithm: 2 });
    const weakTime = await argon2Hash("pw", { memoryCost: 19456, timeCost: 1, parallelism: 1, algorithm: 2 });
    const argon2i = await argon2Hash("pw", { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 1 });
    expect(needsRehash(weakMemory)).toBe(true);
    expect(needsRehash(weakTime)).toBe(true);
    expect(needsRehash(argon2i)).toBe(true);
    expect(needsRehash("$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234")).toBe(true);
  });

  it("is false for stronger parameters (no needless downgrade)", async () => {
    const stronger = await argon2Hash("pw", { memoryCost: 65536, timeCost: 3, parallelism: 1, algorithm: 2 });
    expect(needsRehash(stronger)).toBe(false);
  });
});

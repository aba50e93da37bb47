// Password hashing with Argon2id at the OWASP-recommended minimum
// (19 MiB, 2 passes, 1 lane). Parameters are spelled out rather than left to
// the library's defaults so an upgrade of @node-rs/argon2 cannot silently
// change them; needsRehash lets sign-in upgrade hashes made with weaker ones.
import { type Algorithm, type Options, hash, parseOptions, verify } from "@node-rs/argon2";
import { normalizePassword } from "@/lib/validation/auth";

// Algorithm is a const enum, which isolatedModules cannot read: 2 is Argon2id
// and 1 is version 0x13 (19) in @node-rs/argon2's index.d.ts.
const ARGON2ID = 2 as Algorithm;
const VERSION_0X13 = 1;

export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456, // KiB
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

const MIN_SALT_BYTES = 16;

/**
 * Hashes a password that already passed ZPasswordSchema. The whole NFKC form is
 * hashed: nothing is truncated (Argon2 takes input of any length, unlike bcrypt's 72 bytes).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), PASSWORD_HASH_OPTIONS);
}

/**
 * Checks a password against a stored PHC hash. The comparison is the
 * library's (constant-time); a malformed stored hash throws rather than
 * reading as "wrong password", because it is a data fault to surface.
 */
export function verifyPassword(options: { hash: string; password: string }): Promise<boolean> {
  return verify(options.hash, normalizePassword(options.password));
}

/** True if the hash is not Argon2id v19 or used weaker settings than PASSWORD_HASH_OPTIONS. */
export function needsRehash(passwordHash: string): boolean {
  let used: ReturnType<typeof parseOptions>;
  try {
    used = parseOptions(passwordHash);
  } catch {
    // Not an Argon2 PHC string (e.g. imported from another system): replace it.
    return true;
  }
  return (
    used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
    used.version !== VERSION_0X13 ||
    used.memoryCost < PASSWORD_HASH_OPTIONS.memoryCost ||
    used.timeCost < PASSWORD_HASH_OPTIONS.timeCost ||
    used.outputLen < PASSWORD_HASH_OPTIONS.outputLen ||
    used.saltLen < MIN_SALT_BYTES
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as verifyPassword when there is no hash to check
 * (unknown email, OAuth-only account), so sign-in timing does not reveal which
 * emails have password accounts. Always resolves false.
 */
export async function verifyPasswordWithoutAccount(password: string): Promise<false> {
  dummyHash ??= hashPassword("medvault-timing-equalizer-not-a-password");
  await verify(await dummyHash, normalizePassword(password));
  return false;
}

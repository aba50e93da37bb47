// One-time recovery codes for when the authenticator is lost. Shown once,
// stored only as keyed hashes (RecoveryCode.codeHash); the caller marks a code
// used with a conditional UPDATE (... WHERE id = $id AND "usedAt" IS NULL) so
// a code cannot be spent twice by concurrent requests.
import "server-only";
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LENGTH, ZRecoveryCodeSchema } from "@/lib/validation/auth";

// The format (alphabet, length, normalization) is shared with forms, so it lives
// in the client-safe validation module; re-exported here for server callers.
export { normalizeRecoveryCode } from "@/lib/validation/auth";

export const RECOVERY_CODE_COUNT = 10;
const GROUP_LENGTH = RECOVERY_CODE_LENGTH / 2;

/**
 * Ten codes like "7KQ2M-XH9DP": 10 symbols from a 32-symbol alphabet, 50 bits
 * each, drawn uniformly with randomInt. Unique within the set.
 */
export function generateRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let code = "";
    for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    codes.add(`${code.slice(0, GROUP_LENGTH)}-${code.slice(GROUP_LENGTH)}`);
  }
  return [...codes];
}

/**
 * The HMAC key ("pepper"), derived from the master key with its own HKDF label
 * so it is never the AES key secret-box derives from the same master.
 */
function pepper(masterKey: Uint8Array | undefined): Buffer {
  const master = masterKey ?? Buffer.from(env().ENCRYPTION_KEY, "base64");
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "medvault/recovery-code-pepper/v1", 32));
}

/**
 * HMAC-SHA-256 of the normalized code, hex. A fast hash is enough here, unlike
 * for passwords: each code is 50 random bits, not a human choice, so there is
 * no dictionary to try, and without the server-side pepper a stolen database
 * gives nothing to brute-force offline at all. Online guessing is bounded by
 * sign-in rate limits. A slow hash would only make every sign-in check of ten
 * codes expensive. Throws (ZodError) if `code` is not in the recovery-code format.
 */
export function hashRecoveryCode(options: { code: string; key?: Uint8Array }): string {
  const normalized = ZRecoveryCodeSchema.parse(options.code);
  return createHmac("sha256", pepper(options.key)).update(normalized, "utf8").digest("hex");
}

/**
 * Finds which stored hash (if any) the entered code matches. Compares against
 * every hash in constant time without stopping early. Returns the index into
 * `hashes` and the hash itself, or null (also for input that is not a code).
 */
export function findMatchingRecoveryCode(options: {
  code: string;
  hashes: readonly string[];
  key?: Uint8Array;
}): { index: number; hash: string } | null {
  if (!ZRecoveryCodeSchema.safeParse(options.code).success) return null;
  const candidate = Buffer.from(hashRecoveryCode({ code: options.code, key: options.key }), "utf8");
  let match: { index: number; hash: string } | null = null;
  for (const [index, stored] of options.hashes.entries()) {
    const storedBytes = Buffer.from(stored, "utf8");
    const equal = storedBytes.length === candidate.length && timingSafeEqual(storedBytes, candidate);
    if (equal && match === null) match = { index, hash: stored };
  }
  return match;
}

// TOTP (RFC 6238) as authenticator apps implement it: SHA-1, 6 digits, 30 s.
// Pure functions: the caller stores the secret with encryptSecret (associated
// data totpSecretContext(userId)) and records the accepted step atomically:
//
//   UPDATE "User" SET "totpLastUsedStep" = $step
//   WHERE id = $userId AND ("totpLastUsedStep" IS NULL OR "totpLastUsedStep" < $step)
//
// and treats "0 rows updated" as a replay: two concurrent sign-ins with the
// same code then cannot both pass, which the read-time check alone cannot ensure.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";
import speakeasy from "speakeasy";
import { ZTotpCodeSchema } from "@/lib/validation/auth";

export const TOTP_ISSUER = "MedVault";
const PERIOD_SECONDS = 30;
const DIGITS = 6;
// One step either way tolerates clock skew and a code typed just as it rolled
// over, while keeping the number of valid codes at any moment to three.
const DRIFT_STEPS = 1;
// 160 bits, the HMAC-SHA1 key size RFC 4226 recommends.
const SECRET_BYTES = 20;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// speakeasy.generateSecret draws printable characters rather than bytes (less
// entropy per byte, longer keys to type), so the secret comes from randomBytes
// and is encoded here (RFC 4648 base32, unpadded, as authenticator apps expect).
function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/** Associated data for encryptSecret/decryptSecret of a user's TOTP secret. */
export function totpSecretContext(userId: string): string {
  return `user:${userId}:totp`;
}

/** The time step a moment falls in (what totpLastUsedStep stores). */
export function totpStepAt(now: Date | number = Date.now()): number {
  return Math.floor(Number(now) / 1000 / PERIOD_SECONDS);
}

/** A new secret and the otpauth:// URL an authenticator app scans; labelled "MedVault:<accountName>". */
export function generateTotpSecret(options: { accountName: string }): { base32: string; otpauthUrl: string } {
  const base32 = toBase32(randomBytes(SECRET_BYTES));
  const otpauthUrl = speakeasy.otpauthURL({
    secret: base32,
    encoding: "base32",
    // speakeasy does not escape the label; an email's "@" or a space would break the URL.
    label: `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(options.accountName)}`,
    issuer: TOTP_ISSUER,
    algorithm: "sha1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
  return { base32, otpauthUrl };
}

/** The otpauth URL as a PNG data URL for an <img>; drawn on the server so the secret never reaches a third-party QR service. */
export function totpQrDataUrl(otpauthUrl: string): Promise<string> {
  return QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 2, width: 240 });
}

export type TTotpVerification = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/**
 * Checks a code against the current step and one step either side. On success
 * returns the matched step, which the caller must persist (see the UPDATE above).
 * A code whose step is <= lastUsedStep is "replayed": the same code twice, or an
 * older code after a newer one was accepted.
 */
export function verifyTotp(options: {
  secretBase32: string;
  code: string;
  lastUsedStep: number | null | undefined;
  now?: Date | number;
}): TTotpVerification {
  const parsed = ZTotpCodeSchema.safeParse(options.code);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const given = Buffer.from(parsed.data, "utf8");

  const current = totpStepAt(options.now);
  const matchedSteps: number[] = [];
  // Every candidate is computed and compared (no early exit), each with a
  // constant-time comparison, so timing says nothing about which step matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const expected = Buffer.from(
      speakeasy.totp({ secret: options.secretBase32, encoding: "base32", algorithm: "sha1", digits: DIGITS, counter: step }),
      "utf8",
    );
    if (expected.length === given.length && timingSafeEqual(expected, given)) matchedSteps.push(step);
  }
  if (matchedSteps.length === 0) return { ok: false, reason: "invalid" };

  const lastUsedStep = options.lastUsedStep ?? Number.NEGATIVE_INFINITY;
  // Two steps share a code about once in a million; prefer the earliest unused one.
  const fresh = matchedSteps.find((step) => step > lastUsedStep);
  return fresh === undefined ? { ok: false, reason: "replayed" } : { ok: true, step: fresh };
}

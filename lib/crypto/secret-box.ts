// Authenticated encryption for small secrets stored in the database (TOTP
// secrets). AES-256-GCM with a random 96-bit IV per message; the output is one
// string "v1.<iv>.<tag>.<ciphertext>" (base64url parts) so it fits a text
// column, and the version prefix lets a later format or key be introduced
// while old values still decrypt.
//
// Associated data binds a ciphertext to its context (e.g. "user:<id>:totp"):
// it is authenticated but not stored, so a value copied into another user's
// row fails to decrypt instead of granting that user's second factor.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";
const IV_BYTES = 12; // 96 bits: GCM's native IV size, no extra GHASH step
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export type TSecretBoxErrorCode = "malformed" | "unsupported_version" | "decryption_failed" | "invalid_key";

/** Why a sealed value could not be opened. The message never contains key or plaintext. */
export class SecretBoxError extends Error {
  constructor(public readonly code: TSecretBoxErrorCode, message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

type TKeyOptions = {
  /** 32-byte master key; defaults to ENCRYPTION_KEY. Tests pass their own. */
  key?: Uint8Array;
  /** Context the ciphertext is bound to; must be the same to decrypt. */
  associatedData?: string;
};

/**
 * The AES key is derived from the master key (HKDF, label per format version)
 * rather than being ENCRYPTION_KEY itself, so the same master key can also feed
 * other primitives (the recovery-code pepper) without key reuse across algorithms.
 */
function encryptionKey(masterKey: Uint8Array | undefined): Buffer {
  const master = masterKey ?? Buffer.from(env().ENCRYPTION_KEY, "base64");
  if (master.length !== KEY_BYTES) throw new SecretBoxError("invalid_key", `The encryption key must be ${KEY_BYTES} bytes.`);
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `medvault/secret-box/${VERSION}`, KEY_BYTES));
}

/** Encrypts a UTF-8 secret to the "v1.…" string form. */
export function encryptSecret(options: TKeyOptions & { plaintext: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(options.key), iv, { authTagLength: TAG_BYTES });
  if (options.associatedData !== undefined) cipher.setAAD(Buffer.from(options.associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(options.plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decrypts a value made by encryptSecret with the same key and associated data.
 * Throws SecretBoxError for anything else: wrong key, tampering, wrong context.
 */
export function decryptSecret(options: TKeyOptions & { sealed: string }): string {
  const parts = options.sealed.split(".");
  if (parts[0] !== VERSION) {
    throw new SecretBoxError(parts.length === 4 ? "unsupported_version" : "malformed", "The sealed value has an unknown format.");
  }
  if (parts.length !== 4 || !parts.every((part) => BASE64URL.test(part))) {
    throw new SecretBoxError("malformed", "The sealed value has an unknown format.");
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  // Node accepts GCM tags shorter than 16 bytes; a truncated tag is far easier
  // to forge, so anything but the full length is refused before decrypting.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError("malformed", "The sealed value has an unknown format.");
  }
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(options.key), iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  if (options.associatedData !== undefined) decipher.setAAD(Buffer.from(options.associatedData, "utf8"));
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("decryption_failed", "The sealed value could not be decrypted (wrong key, context or tampered data).");
  }
}

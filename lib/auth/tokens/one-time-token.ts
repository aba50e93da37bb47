// Single-use tokens for links in mails (email verification, password reset),
// kept in Auth.js's VerificationToken table. Only a SHA-256 of the token is
// stored, so a database leak yields no usable link.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export type TokenPurpose = "verify-email" | "reset-password" | "change-email";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a new token and invalidates earlier ones for the same user and purpose.
 * `payload` (e.g. the new address of an email change) is kept with the token as
 * `${purpose}:${userId}:${payload}`; read it back with consumeOneTimeTokenWithPayload.
 */
export async function issueOneTimeToken(options: { purpose: TokenPurpose; userId: string; ttlMs: number; payload?: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const base = `${options.purpose}:${options.userId}`;
  const identifier = options.payload === undefined ? base : `${base}:${options.payload}`;
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { OR: [{ identifier: base }, { identifier: { startsWith: `${base}:` } }] } }),
    db.verificationToken.create({ data: { identifier, token: hashToken(token), expires: new Date(Date.now() + options.ttlMs) } }),
  ]);
  return token;
}

/** The user id the token was issued for, once: a second use, even in parallel, gets null. */
export async function consumeOneTimeToken(options: { purpose: TokenPurpose; token: string }): Promise<string | null> {
  return claim(options);
}

/** Like consumeOneTimeToken, for tokens issued with a payload. User ids (cuid) hold no ":". */
export async function consumeOneTimeTokenWithPayload(options: { purpose: TokenPurpose; token: string }): Promise<{ userId: string; payload: string } | null> {
  const rest = await claim(options);
  const colon = rest?.indexOf(":") ?? -1;
  if (!rest || colon <= 0) return null;
  return { userId: rest.slice(0, colon), payload: rest.slice(colon + 1) };
}

async function claim(options: { purpose: TokenPurpose; token: string }): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(options.token)) return null;
  const token = hashToken(options.token);
  const row = await db.verificationToken.findFirst({ where: { token, identifier: { startsWith: `${options.purpose}:` } } });
  if (!row) return null;
  // Deleting is the claim: only one concurrent caller deletes the row.
  const { count } = await db.verificationToken.deleteMany({ where: { identifier: row.identifier, token, expires: { gt: new Date() } } });
  return count === 1 ? row.identifier.slice(options.purpose.length + 1) : null;
}

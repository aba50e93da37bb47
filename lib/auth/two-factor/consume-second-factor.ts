// Checks a TOTP or recovery code of a user with two-factor on and spends it,
// so that each code is accepted once only, also under concurrent requests:
// both spends are conditional UPDATEs, and Postgres re-evaluates the condition
// after waiting for a concurrent writer of the same row, so of two requests
// with the same code exactly one sees "1 row updated".
import "server-only";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { findMatchingRecoveryCode } from "../recovery-codes";
import { totpSecretContext, verifyTotp } from "../totp";
import type { TSecondFactor } from "./schemas";

export type TSecondFactorCheck =
  | { ok: true; method: TSecondFactor["method"]; recoveryCodesLeft?: number }
  | { ok: false; reason: "invalid" | "replayed" | "not_enabled" };

/** Decrypts the stored secret; null (and a log line) if it cannot be opened. */
export function openTotpSecret(options: { userId: string; sealed: string }): string | null {
  try {
    return decryptSecret({ sealed: options.sealed, associatedData: totpSecretContext(options.userId) });
  } catch (error) {
    // Wrong key or a value copied between rows: a data fault, never "wrong code" silently.
    logger.error("two_factor.secret_unreadable", { userId: options.userId, error });
    return null;
  }
}

/**
 * Records `step` as the last accepted TOTP step unless it (or a later one) was
 * accepted already. False means the code was used before: a replay.
 */
export async function spendTotpStep(options: { userId: string; step: number; tx?: Tx }): Promise<boolean> {
  const client = options.tx ?? db;
  const updated = await client.$executeRaw`
    UPDATE "User" SET "totpLastUsedStep" = ${options.step}
    WHERE "id" = ${options.userId} AND ("totpLastUsedStep" IS NULL OR "totpLastUsedStep" < ${options.step})`;
  return updated === 1;
}

export async function consumeSecondFactor(options: {
  userId: string;
  factor: TSecondFactor;
  tx?: Tx;
  now?: Date;
}): Promise<TSecondFactorCheck> {
  const client = options.tx ?? db;
  const now = options.now ?? new Date();
  const user = await client.user.findUnique({
    where: { id: options.userId },
    omit: { totpSecretEncrypted: false },
  });
  if (!user?.totpEnabledAt || !user.totpSecretEncrypted) return { ok: false, reason: "not_enabled" };

  if (options.factor.method === "totp") {
    const secretBase32 = openTotpSecret({ userId: user.id, sealed: user.totpSecretEncrypted });
    if (!secretBase32) return { ok: false, reason: "invalid" };
    const result = verifyTotp({ secretBase32, code: options.factor.code, lastUsedStep: user.totpLastUsedStep, now });
    if (!result.ok) return result;
    const spent = await spendTotpStep({ userId: user.id, step: result.step, tx: options.tx });
    return spent ? { ok: true, method: "totp" } : { ok: false, reason: "replayed" };
  }

  const unused = await client.recoveryCode.findMany({ where: { userId: user.id, usedAt: null }, select: { id: true, codeHash: true } });
  const match = findMatchingRecoveryCode({ code: options.factor.code, hashes: unused.map((row) => row.codeHash) });
  if (!match) return { ok: false, reason: "invalid" };
  const { count } = await client.recoveryCode.updateMany({ where: { id: unused[match.index].id, usedAt: null }, data: { usedAt: now } });
  // Spent by a concurrent request between our read and this update.
  if (count !== 1) return { ok: false, reason: "replayed" };
  return { ok: true, method: "recovery_code", recoveryCodesLeft: unused.length - 1 };
}

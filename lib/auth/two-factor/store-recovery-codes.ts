import "server-only";
import type { Tx } from "@/lib/db";
import { generateRecoveryCodes, hashRecoveryCode } from "../recovery-codes";

/**
 * Replaces all of a user's recovery codes with ten new ones, stored hashed.
 * Returns the plain codes, which exist nowhere else: show them once.
 */
export async function replaceRecoveryCodes(options: { userId: string; tx: Tx }): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await options.tx.recoveryCode.deleteMany({ where: { userId: options.userId } });
  await options.tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId: options.userId, codeHash: hashRecoveryCode({ code }) })),
  });
  return codes;
}

import "server-only";
import { db } from "@/lib/db";

export type TTwoFactorOverview = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

/** What the security page shows: whether two-factor is on, since when, and unused recovery codes. */
export async function twoFactorOverview(options: { userId: string }): Promise<TTwoFactorOverview> {
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId: options.userId, usedAt: null } }),
  ]);
  return { enabled: user.totpEnabledAt !== null, enabledAt: user.totpEnabledAt, recoveryCodesLeft };
}

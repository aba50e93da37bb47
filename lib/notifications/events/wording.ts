// Small shared wording for notification texts. Names of people and dates only:
// never record names, categories, reasons or anything else medical.
import type { Tx } from "@/lib/db";
import type { GrantLevel } from "@/lib/generated/prisma/client";

export async function displayName(tx: Tx, userId: string, fallback: string): Promise<string> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
  const name = user?.name?.trim();
  return name ? name.slice(0, 80) : fallback;
}

export const LEVEL_WORDS: Record<GrantLevel, string> = {
  VIEW: "view",
  DOWNLOAD: "view and download",
  CONTRIBUTE: "view and add records",
  PROPOSE_EDITS: "view and propose changes",
};

export const day = (date: Date) => date.toISOString().slice(0, 10);

// How a record's uploader is named to the people who see the record. The
// viewer themself is "You" (the views decide that); a physician is "Dr. <name>",
// other clinical staff go by name; without a name the views say "your care team".
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { FORMER_CLINICIAN } from "./former-clinician";

export function uploaderDisplayName(user: { name: string | null; role: Role } | null | undefined): string | null {
  const name = user?.name?.trim();
  if (!user || !name) return null;
  if (user.role === "PHYSICIAN" && !/^dr\.?\s/i.test(name)) return `Dr. ${name}`;
  return name;
}

/** The display name of one uploader (for a record page); null when they have none. A deleted account (null id) is a former clinician. */
export async function findUploaderName(options: { userId: string | null }): Promise<string | null> {
  if (options.userId === null) return FORMER_CLINICIAN;
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { name: true, role: true } });
  return uploaderDisplayName(user);
}

// What stops an account from being deleted here, in words for the user.
// Admins are removed by another admin, never by themselves: an admin deleting
// their own account could leave the service with nobody to run it.
// A clinician who uploaded or changed records in patients' vaults is not
// blocked: those records belong to the patients and stay with them; the
// columns naming the clinician (Record.uploadedById, RecordVersion.changedById)
// become null on deletion and the views say "A former clinician".
import type { Role } from "@/lib/generated/prisma/client";

export async function deletionBlockers(options: { userId: string; role: Role }): Promise<string[]> {
  const blockers: string[] = [];
  if (options.role === "ADMIN") blockers.push("An admin account cannot delete itself. Ask another admin to remove it.");
  return blockers;
}

import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { requireActiveAdmin } from "../require-admin";

/** For the dashboard panel: how many clinicians wait for an admin's verification. */
export async function countPendingClinicians(options: { adminId: string }): Promise<number> {
  await requireActiveAdmin({ adminId: options.adminId });
  return db.user.count({ where: { role: { in: [...CLINICIAN_ROLES] }, status: "PENDING_VERIFICATION" } });
}

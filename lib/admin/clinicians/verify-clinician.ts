// An admin confirms a clinician's professional details: the account becomes
// ACTIVE and the profile records who verified it and when. The update applies
// only while the account is still pending, so two admins (or a double click)
// racing on the same clinician produce one verification and one audit row; the
// slower call learns "already verified" instead of failing.
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { inAdminTransaction } from "../admin-transaction";
import { parseInput } from "@/lib/validation/parse-input";
import { acceptClinicianInvitations } from "@/lib/sharing/accept-clinician-invitations";
import { notifyAccountStatus } from "../send-account-status-mail";
import { ZVerifyClinicianSchema } from "./schemas";

export type VerifyClinicianResult = { outcome: "verified" | "already_verified" };

export async function verifyClinician(options: { adminId: string; userId: string; reason?: string; context: RequestContext }): Promise<VerifyClinicianResult> {
  const { userId, reason } = parseInput(ZVerifyClinicianSchema, { userId: options.userId, reason: options.reason });
  const action = "admin.clinician_verified";

  const result = await inAdminTransaction({ adminId: options.adminId, action, targetUserId: userId, context: options.context }, async (tx, admin, auditAllowed) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, role: { in: [...CLINICIAN_ROLES] }, status: "PENDING_VERIFICATION", clinicianProfile: { isNot: null } },
      data: { status: "ACTIVE" },
    });
    if (count === 0) {
      const current = await tx.user.findUnique({ where: { id: userId }, select: { role: true, status: true, clinicianProfile: { select: { verifiedAt: true } } } });
      if (!current || !CLINICIAN_ROLES.includes(current.role) || !current.clinicianProfile) throw new AppError("NOT_FOUND");
      if (current.status === "ACTIVE" && current.clinicianProfile.verifiedAt) return { outcome: "already_verified" as const };
      if (current.status === "SUSPENDED") throw new AppError("CONFLICT", "This account is suspended. Reactivate it before verifying it.");
      throw new AppError("CONFLICT");
    }
    const user = await tx.user.update({
      where: { id: userId },
      data: { clinicianProfile: { update: { verifiedAt: new Date(), verifiedById: admin.id } } },
      select: { email: true },
    });
    await auditAllowed({ reason: reason ?? null });
    await notifyAccountStatus({ tx, userId, kind: "verified" });
    // Patients who invited this address by email: their invitations become shares now.
    await acceptClinicianInvitations({ tx, clinician: { id: userId, email: user.email }, adminId: admin.id, context: options.context });
    return { outcome: "verified" as const, email: user.email };
  });

  return { outcome: result.outcome };
}

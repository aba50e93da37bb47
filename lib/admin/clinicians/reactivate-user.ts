// An admin lifts a suspension. Sessions ended by the suspension stay ended (the
// user signs in again). A clinician who was never verified goes back to
// PENDING_VERIFICATION, not ACTIVE: reactivation must not skip verification.
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { inAdminTransaction } from "../admin-transaction";
import { parseInput } from "@/lib/validation/parse-input";
import { sendAccountStatusMail } from "../send-account-status-mail";
import { ZReactivateUserSchema } from "./schemas";

export type ReactivateUserResult = { outcome: "reactivated" | "not_suspended"; status: "ACTIVE" | "PENDING_VERIFICATION" | null };

export async function reactivateUser(options: { adminId: string; userId: string; reason: string; context: RequestContext }): Promise<ReactivateUserResult> {
  const { userId, reason } = parseInput(ZReactivateUserSchema, { userId: options.userId, reason: options.reason });
  const action = "admin.user_reactivated";

  const result = await inAdminTransaction({ adminId: options.adminId, action, targetUserId: userId, context: options.context }, async (tx, admin, auditAllowed) => {
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, email: true, clinicianProfile: { select: { verifiedAt: true } } },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if (target.role === "ADMIN") throw new AppError("FORBIDDEN", "Admin accounts cannot be reactivated here.");
    const restored: "ACTIVE" | "PENDING_VERIFICATION" = CLINICIAN_ROLES.includes(target.role) && !target.clinicianProfile?.verifiedAt ? "PENDING_VERIFICATION" : "ACTIVE";

    const { count } = await tx.user.updateMany({ where: { id: userId, role: { not: "ADMIN" }, status: "SUSPENDED" }, data: { status: restored } });
    if (count === 0) return { outcome: "not_suspended" as const, status: null };
    await auditAllowed({ reason, restoredStatus: restored });
    return { outcome: "reactivated" as const, status: restored, email: target.email };
  });

  if (result.outcome === "reactivated") {
    await sendAccountStatusMail({ userId, to: result.email, mail: { kind: "reactivated", awaitingVerification: result.status === "PENDING_VERIFICATION" } });
  }
  return { outcome: result.outcome, status: result.status };
}

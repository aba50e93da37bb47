// An admin suspends a clinician or a patient, with immediate effect: the status
// change, the end of every session (version bump + revoked rows) and the audit
// row commit together, and resolveSession refuses SUSPENDED users on their very
// next request. Admin accounts are out of reach here, the admin's own above all.
import { revokeAllSessions } from "@/lib/auth/sessions/revoke-sessions";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { inAdminTransaction } from "../admin-transaction";
import { parseInput } from "@/lib/validation/parse-input";
import { notifyAccountStatus } from "../send-account-status-mail";
import { ZSuspendUserSchema } from "./schemas";

export type SuspendUserResult = { outcome: "suspended" | "already_suspended" };

export async function suspendUser(options: { adminId: string; userId: string; reason: string; context: RequestContext }): Promise<SuspendUserResult> {
  const { userId, reason } = parseInput(ZSuspendUserSchema, { userId: options.userId, reason: options.reason });
  const action = "admin.user_suspended";

  const result = await inAdminTransaction({ adminId: options.adminId, action, targetUserId: userId, context: options.context }, async (tx, admin, auditAllowed) => {
    if (userId === admin.id) throw new AppError("FORBIDDEN", "You cannot suspend your own account.");
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true, status: true, email: true } });
    if (!target) throw new AppError("NOT_FOUND");
    if (target.role === "ADMIN") throw new AppError("FORBIDDEN", "Admin accounts cannot be suspended here.");

    // Conditional: of two racing suspensions only one changes the row (and audits).
    const { count } = await tx.user.updateMany({ where: { id: userId, role: { not: "ADMIN" }, status: { not: "SUSPENDED" } }, data: { status: "SUSPENDED" } });
    if (count === 0) return { outcome: "already_suspended" as const };
    await revokeAllSessions({ userId, tx });
    await auditAllowed({ reason, previousStatus: target.status });
    await notifyAccountStatus({ tx, userId, kind: "suspended" });
    return { outcome: "suspended" as const, email: target.email };
  });

  return { outcome: result.outcome };
}

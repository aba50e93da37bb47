// The frame of every admin change: one transaction that first re-checks the
// actor (ADMIN and ACTIVE, read inside the transaction), then makes the change
// and writes its audit row. A refused attempt is itself a security event: it is
// recorded as DENIED after the rollback, so the refusal survives it.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requireActiveAdmin } from "./require-admin";

export interface AdminActionFrame {
  adminId: string;
  /** The audit action, e.g. "admin.user_suspended". */
  action: string;
  targetUserId: string;
  context: RequestContext;
}

type AuditDetails = Record<string, string | number | boolean | null>;

/** Records the frame's action as ALLOWED, inside the transaction of the change. */
export type AuditAllowed = (details: AuditDetails) => Promise<unknown>;

export async function inAdminTransaction<T>(
  frame: AdminActionFrame,
  run: (tx: Tx, admin: { id: string }, auditAllowed: AuditAllowed) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const admin = await requireActiveAdmin({ adminId: frame.adminId, tx });
      const auditAllowed: AuditAllowed = (details) =>
        recordAuditEvent(
          { action: frame.action, outcome: "ALLOWED", actorId: admin.id, actorRole: "ADMIN", targetType: "user", targetId: frame.targetUserId, ...frame.context, details },
          { tx },
        );
      return run(tx, admin, auditAllowed);
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") {
      await recordAuditEvent({
        action: frame.action,
        outcome: "DENIED",
        actorId: frame.adminId,
        targetType: "user",
        targetId: frame.targetUserId,
        ipAddress: frame.context.ipAddress,
        userAgent: frame.context.userAgent,
      });
    }
    throw error;
  }
}

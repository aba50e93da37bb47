// An admin sends a failed job back to the queue (e.g. after fixing what made it
// fail): due now, with a fresh set of attempts. Audited like every admin change.
import { requireActiveAdmin } from "@/lib/admin/require-admin";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZJobIdSchema } from "./schemas";

export async function retryFailedJob(options: { adminId: string; id: string; context: RequestContext }): Promise<{ outcome: "retried" | "not_failed" }> {
  const parsedId = ZJobIdSchema.safeParse(options.id);
  if (!parsedId.success) throw new AppError("NOT_FOUND");
  const id = BigInt(parsedId.data);
  const audit = (outcome: "ALLOWED" | "DENIED") => ({
    action: "admin.job_retried",
    outcome,
    actorId: options.adminId,
    targetType: "job",
    targetId: parsedId.data,
    ipAddress: options.context.ipAddress,
    userAgent: options.context.userAgent,
  });

  try {
    return await db.$transaction(async (tx) => {
      await requireActiveAdmin({ adminId: options.adminId, tx });
      const job = await tx.job.findUnique({ where: { id }, select: { failedAt: true } });
      if (!job) throw new AppError("NOT_FOUND");
      if (!job.failedAt) return { outcome: "not_failed" as const };
      const { count } = await tx.job.updateMany({
        where: { id, failedAt: { not: null } },
        data: { failedAt: null, attempts: 0, runAt: new Date(), lockedAt: null, lockedBy: null },
      });
      if (count !== 1) return { outcome: "not_failed" as const };
      await recordAuditEvent({ ...audit("ALLOWED"), actorRole: "ADMIN" }, { tx });
      return { outcome: "retried" as const };
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") await recordAuditEvent(audit("DENIED"));
    throw error;
  }
}

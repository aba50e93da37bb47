// The patient asks for "download everything": one DataExport row and its job,
// committed together with the audit event. While one is queued or running, a
// second request returns that one instead of starting another.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { toExportStatus, type ExportStatus } from "./export-status";

// Serializes requests of one user (two tabs clicking at once).
const EXPORT_LOCK_NAMESPACE = 48_901;

export async function requestExport(options: { actor: { id: string; role: Role }; context: RequestContext }): Promise<{ export: ExportStatus; created: boolean }> {
  const { actor } = options;
  if (actor.role !== "PATIENT") throw new AppError("FORBIDDEN", "Only patients download their whole record.");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EXPORT_LOCK_NAMESPACE}::int, hashtext(${actor.id}::text))`;
    const running = await tx.dataExport.findFirst({ where: { userId: actor.id, status: { in: ["QUEUED", "RUNNING"] } }, orderBy: { createdAt: "desc" } });
    if (running) return { export: toExportStatus(running), created: false };
    const row = await tx.dataExport.create({ data: { userId: actor.id } });
    await enqueueJob({ type: "build-data-export", payload: { exportId: row.id }, tx });
    await recordAuditEvent(
      { action: "export.requested", outcome: "ALLOWED", actorId: actor.id, actorRole: actor.role, patientId: actor.id, targetType: "data_export", targetId: row.id, ...options.context },
      { tx },
    );
    return { export: toExportStatus(row), created: true };
  });
}

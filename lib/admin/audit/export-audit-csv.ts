// Exports the events an admin's filters match as CSV, streamed in batches so a
// large trail never sits in memory. The export is itself an audit event,
// written (and committed) before the first row leaves: no audit row, no export.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireActiveAdmin } from "@/lib/admin/require-admin";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { parseInput } from "@/lib/validation/parse-input";
import { auditWhere, describeFilters } from "./audit-where";
import { csvRow } from "./csv";
import { ZAdminAuditQuerySchema } from "./schemas";
import { emailsById } from "./search-audit-events";

const BATCH = 1000;
export const AUDIT_CSV_HEADER = ["id", "occurred_at", "action", "outcome", "actor_id", "actor_email", "actor_role", "patient_id", "patient_email", "target_type", "target_id", "ip_address", "user_agent", "details", "hash"] as const;

export async function exportAuditCsv(options: { adminId: string; query: unknown; context: RequestContext }): Promise<{ fileName: string; rows: AsyncGenerator<string> }> {
  const admin = await requireActiveAdmin({ adminId: options.adminId });
  const query = parseInput(ZAdminAuditQuerySchema, options.query);
  const where = await auditWhere(query);
  const total = await db.auditEvent.count({ where });
  await recordAuditEvent({
    action: "admin.audit_exported",
    outcome: "ALLOWED",
    actorId: admin.id,
    actorRole: "ADMIN",
    targetType: "audit_trail",
    ...options.context,
    details: { ...describeFilters(query), rows: total },
  });

  async function* rows(): AsyncGenerator<string> {
    yield csvRow(AUDIT_CSV_HEADER);
    // Newest first, like the page; keyset pagination keeps every batch cheap.
    let before: bigint | undefined;
    for (;;) {
      const batch = await db.auditEvent.findMany({
        where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
        orderBy: { id: "desc" },
        take: BATCH,
      });
      const emails = await emailsById(batch.flatMap((row) => [row.actorId, row.patientId]));
      for (const row of batch) {
        yield csvRow([
          String(row.id),
          row.occurredAt,
          row.action,
          row.outcome,
          row.actorId,
          row.actorId ? emails.get(row.actorId) : null,
          row.actorRole,
          row.patientId,
          row.patientId ? emails.get(row.patientId) : null,
          row.targetType,
          row.targetId,
          row.ipAddress,
          row.userAgent,
          row.details,
          row.hash,
        ]);
      }
      if (batch.length < BATCH) return;
      before = batch[batch.length - 1]!.id;
    }
  }

  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return { fileName: `medvault-audit-${stamp}.csv`, rows: rows() };
}

// Shared by archiveRecord and restoreRecord: owner only, a conditional update
// on the version it read (edits never overwrite each other), the previous state
// kept as a RecordVersion, and the audit row, all in one transaction.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findAccessibleRecord, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RecordStatus } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { enqueueSearchIndex } from "@/lib/search/enqueue-search-index";
import { ZRecordIdSchema } from "@/lib/validation/records";
import { parseInput } from "@/lib/validation/parse-input";
import { toRecordSummary, type RecordSummary } from "./record-summary";

export interface ChangeRecordStatusOptions {
  actor: Actor;
  recordId: string;
  context: RequestContext;
  /** The version the user saw; a newer one means someone else changed it (CONFLICT). */
  expectedVersion?: number;
}

export async function changeRecordStatus(options: ChangeRecordStatusOptions & { to: RecordStatus; action: string }): Promise<RecordSummary> {
  const recordId = parseInput(ZRecordIdSchema, options.recordId);
  return db.$transaction(async (tx) => {
    const record = await findAccessibleRecord({ actor: options.actor, recordId, tx, ownerOnly: true });
    if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) throw new AppError("CONFLICT");
    if (record.status === options.to) return toRecordSummary(record);

    const archivedAt = options.to === "ARCHIVED" ? new Date() : null;
    const { count } = await tx.record.updateMany({
      where: { id: record.id, version: record.version },
      data: { status: options.to, archivedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await enqueueSearchIndex({ recordId: record.id, tx });
    await tx.recordVersion.create({
      data: {
        recordId: record.id,
        version: record.version,
        changedById: options.actor.id,
        previous: { status: record.status, archivedAt: record.archivedAt?.toISOString() ?? null },
      },
    });
    await recordAuditEvent(
      {
        action: options.action,
        outcome: "ALLOWED",
        actorId: options.actor.id,
        actorRole: options.actor.role,
        patientId: record.ownerId,
        targetType: "record",
        targetId: record.id,
        ...options.context,
        details: { fromStatus: record.status, toStatus: options.to, version: record.version + 1 },
      },
      { tx },
    );
    return toRecordSummary(await tx.record.findUniqueOrThrow({ where: { id: record.id } }));
  });
}

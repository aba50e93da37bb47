// The owner corrects a record's category, date of service or tags. A corrected
// field is listed in correctedFields and automatic categorization never touches
// it again. Every correction is a new version: the values it replaces are kept
// in a RecordVersion row, and an edit made against an older version than the
// current one is refused (CONFLICT) rather than silently overwriting. The audit
// event names the fields only, never their values (medical content).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma, RecordCategory } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { enqueueSearchIndex } from "@/lib/search/enqueue-search-index";
import { ZCorrectRecordMetadataSchema } from "./record-metadata-schema";
import { dbDateToIso, isoToDbDate } from "./rules/calendar";

const ACTION = "record.metadata_corrected";

export interface CorrectRecordMetadataOptions {
  actorId: string;
  recordId: string;
  expectedVersion: number;
  changes: { category?: RecordCategory; dateOfService?: string | null; tags?: string[] };
  context?: RequestContext;
}

export interface CorrectRecordMetadataResult {
  version: number;
  correctedFields: string[];
}

function parse(options: CorrectRecordMetadataOptions) {
  const parsed = ZCorrectRecordMetadataSchema.safeParse({ recordId: options.recordId, expectedVersion: options.expectedVersion, changes: options.changes });
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    // "changes.tags.2" -> "tags": the form field the message belongs to.
    const field = String((issue.path[0] === "changes" ? issue.path[1] : issue.path[0]) ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION_FAILED", undefined, { fieldErrors });
}

export async function correctRecordMetadata(options: CorrectRecordMetadataOptions): Promise<CorrectRecordMetadataResult> {
  const { recordId, expectedVersion, changes } = parse(options);
  const context = options.context ?? { ipAddress: null, userAgent: null };
  const fields = (["category", "dateOfService", "tags"] as const).filter((field) => changes[field] !== undefined);
  let deniedOwnerId: string | undefined;

  try {
    return await db.$transaction(async (tx) => {
      // Locks the row: a categorization run or a second edit waits for this one.
      const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Record" WHERE "id" = ${recordId} FOR UPDATE`;
      const record = rows[0]
        ? await tx.record.findUnique({
            where: { id: recordId },
            select: { ownerId: true, version: true, category: true, dateOfService: true, tags: true, correctedFields: true, owner: { select: { role: true } } },
          })
        : null;
      if (!record) throw new AppError("NOT_FOUND");
      if (record.ownerId !== options.actorId) {
        deniedOwnerId = record.ownerId;
        throw new AppError("NOT_FOUND");
      }
      if (record.version !== expectedVersion) throw new AppError("CONFLICT");

      await tx.recordVersion.create({
        data: {
          recordId,
          // The version these values belonged to.
          version: record.version,
          changedById: options.actorId,
          previous: {
            category: record.category,
            dateOfService: record.dateOfService ? dbDateToIso(record.dateOfService) : null,
            tags: record.tags,
            correctedFields: record.correctedFields,
          } satisfies Prisma.InputJsonObject,
        },
      });

      const correctedFields = [...new Set([...record.correctedFields, ...fields])];
      const updated = await tx.record.update({
        where: { id: recordId, version: expectedVersion },
        data: {
          ...(changes.category !== undefined && { category: changes.category }),
          ...(changes.dateOfService !== undefined && { dateOfService: changes.dateOfService === null ? null : isoToDbDate(changes.dateOfService) }),
          ...(changes.tags !== undefined && { tags: changes.tags }),
          correctedFields,
          version: { increment: 1 },
        },
        select: { version: true, correctedFields: true },
      });
      await enqueueSearchIndex({ recordId, tx });

      await recordAuditEvent(
        {
          action: ACTION,
          outcome: "ALLOWED",
          actorId: options.actorId,
          // Only the owner may correct, so the actor's role is the owner's.
          actorRole: record.owner.role,
          patientId: record.ownerId,
          targetType: "record",
          targetId: recordId,
          ...context,
          details: { fields: fields.join(",") },
        },
        { tx },
      );
      return updated;
    });
  } catch (error) {
    // Someone else's record: refused like a missing one, but the attempt is on the patient's trail.
    if (deniedOwnerId) {
      await recordAuditEvent({
        action: ACTION,
        outcome: "DENIED",
        actorId: options.actorId,
        patientId: deniedOwnerId,
        targetType: "record",
        targetId: recordId,
        ...context,
        details: { fields: fields.join(",") },
      });
    }
    throw error;
  }
}

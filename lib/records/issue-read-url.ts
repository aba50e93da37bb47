// Shared by issueDownloadUrl and issuePreviewUrl: authorize, audit, then a
// read-only SAS for the one blob. Fail closed: no audit row, no URL.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findAccessibleRecord, type Actor } from "@/lib/authz/records";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { StoredRecord } from "./stored-record";
import type { RequestContext } from "@/lib/http/request-context";
import { ZRecordIdSchema } from "@/lib/validation/records";
import { contentDisposition } from "./content-disposition";
import { parseInput } from "@/lib/validation/parse-input";
import { readSasUrl } from "./record-blobs";

export interface IssuedReadUrl {
  url: string;
  expiresAt: Date;
}

export interface IssueReadUrlOptions {
  actor: Actor;
  recordId: string;
  context: RequestContext;
  /** Tests only: a SAS lifetime shorter than DOWNLOAD_SAS_MINUTES. */
  expiresInMs?: number;
}

export async function issueReadUrl(
  options: IssueReadUrlOptions & { disposition: "attachment" | "inline"; action: string; allow?: (record: StoredRecord) => boolean; refusal?: string },
): Promise<IssuedReadUrl> {
  const recordId = parseInput(ZRecordIdSchema, options.recordId);
  const record = await findAccessibleRecord({ actor: options.actor, recordId, action: options.disposition === "attachment" ? "download" : "preview" });
  if (options.allow && !options.allow(record)) throw new AppError("VALIDATION_FAILED", options.refusal);

  await recordAuditEvent({
    action: options.action,
    outcome: "ALLOWED",
    actorId: options.actor.id,
    actorRole: options.actor.role,
    patientId: record.ownerId,
    targetType: "record",
    targetId: record.id,
    ...options.context,
    details: record.access.via === "owner" ? { via: "owner" } : { via: record.access.via, grantId: record.access.grantId, emergency: record.access.via === "emergency" },
  });

  const lifetimeMs = Math.min(options.expiresInMs ?? Infinity, env().DOWNLOAD_SAS_MINUTES * 60_000);
  const expiresAt = new Date(Date.now() + lifetimeMs);
  const contentType = record.mimeType === "text/plain" ? "text/plain; charset=utf-8" : record.mimeType;
  const url = await readSasUrl({
    blobName: record.blobName,
    expiresOn: expiresAt,
    contentType,
    contentDisposition: contentDisposition({ type: options.disposition, fileName: record.originalName }),
  });
  return { url, expiresAt };
}

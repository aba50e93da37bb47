// A short read-only link to the user's own finished export, as an attachment
// named by date. Audited before the link exists; someone else's export and a
// missing one look the same.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { contentDisposition } from "@/lib/records/content-disposition";
import { readSasUrl } from "@/lib/records/record-blobs";
import { parseInput } from "@/lib/validation/parse-input";
import { ZEntityIdSchema } from "@/lib/validation/ids";

const ZExportIdSchema = ZEntityIdSchema;

export async function issueExportDownloadUrl(options: {
  actor: { id: string; role: Role };
  exportId: string;
  context: RequestContext;
  now?: Date;
}): Promise<{ url: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const exportId = parseInput(ZExportIdSchema, options.exportId);
  const row = await db.dataExport.findFirst({ where: { id: exportId, userId: options.actor.id } });
  if (!row) throw new AppError("NOT_FOUND");
  if (row.status !== "READY" || !row.blobName) throw new AppError("CONFLICT", "This download is not ready yet.");
  if (!row.expiresAt || row.expiresAt <= now) throw new AppError("NOT_FOUND", "This download has expired. Prepare a new one.");

  await recordAuditEvent({
    action: "export.downloaded",
    outcome: "ALLOWED",
    actorId: options.actor.id,
    actorRole: options.actor.role,
    patientId: options.actor.id,
    targetType: "data_export",
    targetId: row.id,
    ...options.context,
  });
  const expiresAt = new Date(Math.min(now.getTime() + env().EXPORT_LINK_MINUTES * 60_000, row.expiresAt.getTime()));
  const url = await readSasUrl({
    blobName: row.blobName,
    expiresOn: expiresAt,
    contentType: "application/zip",
    contentDisposition: contentDisposition({ type: "attachment", fileName: `medvault-export-${row.createdAt.toISOString().slice(0, 10)}.zip` }),
  });
  return { url, expiresAt };
}

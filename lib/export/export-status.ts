// What the export page shows and polls: no blob names, no URLs.
import { db } from "@/lib/db";
import type { DataExport, DataExportStatus } from "@/lib/generated/prisma/client";

export interface ExportStatus {
  id: string;
  status: DataExportStatus | "EXPIRED";
  progress: number;
  fileCount: number;
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
}

export function toExportStatus(row: DataExport, now = new Date()): ExportStatus {
  const expired = row.status === "READY" && row.expiresAt !== null && row.expiresAt <= now;
  return {
    id: row.id,
    status: expired ? "EXPIRED" : row.status,
    progress: row.progress,
    fileCount: row.fileCount,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** The user's latest export, or null. Only ever their own. */
export async function latestExport(options: { actor: { id: string } }): Promise<ExportStatus | null> {
  const row = await db.dataExport.findFirst({ where: { userId: options.actor.id }, orderBy: { createdAt: "desc" } });
  return row ? toExportStatus(row) : null;
}

// Old exports go: a finished ZIP after its expiry, a failed export's row after
// a day, and any blob under exports/ that no export row claims (a row removed
// with its account, a crash between upload and update) once it is a day old.
// Blob first, then the row: a row never points at a blob that is gone unnoticed.
import { db } from "@/lib/db";
import { recordsContainer } from "@/lib/storage/blob-service";
import { EXPORT_PREFIX, exportBlob } from "./export-blobs";

const DAY_MS = 24 * 60 * 60_000;

export async function sweepExports(options: { now?: Date } = {}): Promise<{ expired: number; failed: number; orphans: number }> {
  const now = options.now ?? new Date();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const due = await db.dataExport.findMany({
    where: { OR: [{ status: "READY", expiresAt: { lte: now } }, { status: "FAILED", updatedAt: { lte: dayAgo } }] },
    select: { id: true, status: true, blobName: true },
    take: 500,
  });
  let expired = 0;
  let failed = 0;
  for (const row of due) {
    if (row.blobName) await exportBlob(row.blobName).deleteIfExists();
    await db.dataExport.deleteMany({ where: { id: row.id, status: row.status } });
    if (row.status === "READY") expired += 1;
    else failed += 1;
  }

  let orphans = 0;
  for await (const blob of recordsContainer().listBlobsFlat({ prefix: EXPORT_PREFIX })) {
    const lastModified = blob.properties.lastModified ?? now;
    if (lastModified > dayAgo) continue;
    const claimed = await db.dataExport.count({ where: { blobName: blob.name } });
    if (claimed > 0) continue;
    await exportBlob(blob.name).deleteIfExists();
    orphans += 1;
  }
  return { expired, failed, orphans };
}

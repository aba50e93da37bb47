// Builds the "download everything" ZIP: every file of the patient, streamed
// from its blob through archiver into the ZIP blob (block upload), one file at
// a time, so memory stays at a few buffers whatever the size; then bundle.json
// (the FHIR Bundle, whose DocumentReferences point at the files' paths in the
// ZIP). Progress is written as it goes. Idempotent: a retry rewrites the same
// blob from scratch. A record deleted while the job runs is left out.
import { PassThrough, type Readable } from "node:stream";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { buildPatientBundle, RECORD_SELECT } from "@/lib/fhir/build-patient-bundle";
import { errorLabel, logger } from "@/lib/logger";
import { notify } from "@/lib/notifications/notify";
import { isBlobNotFound, recordBlob } from "@/lib/records/record-blobs";
import { BUNDLE_FILE, exportBlob, exportBlobName, zipPathOf, zipUrlOf } from "./export-blobs";

const UPLOAD_BUFFER_BYTES = 4 * 1024 * 1024;
const UPLOAD_CONCURRENCY = 2;

async function setProgress(exportId: string, done: number, total: number): Promise<void> {
  // Files are 95% of the work; the Bundle and the upload's last block the rest.
  const progress = total === 0 ? 95 : Math.min(95, Math.floor((done / total) * 95));
  await db.dataExport.update({ where: { id: exportId }, data: { progress } });
}

/** Resolves once archiver has taken the entry's last byte (so only one download is open at a time). */
function appendAndWait(archive: import("archiver").ZipArchive, source: Readable, name: string, date: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: { name: string }) => {
      if (entry.name !== name) return;
      archive.off("entry", onEntry);
      resolve();
    };
    archive.on("entry", onEntry);
    source.once("error", reject);
    archive.append(source, { name, date });
  });
}

export async function buildExport(options: { exportId: string; isLastAttempt?: boolean }): Promise<{ status: "READY" | "SKIPPED" }> {
  const row = await db.dataExport.findUnique({ where: { id: options.exportId } });
  // Deleted (account gone) or already done: nothing to do.
  if (!row || row.status === "READY" || row.status === "FAILED") return { status: "SKIPPED" };
  const blobName = exportBlobName({ userId: row.userId, exportId: row.id });
  await db.dataExport.update({ where: { id: row.id }, data: { status: "RUNNING", progress: 0, blobName, error: null } });

  try {
    const records = await db.record.findMany({ where: { ownerId: row.userId }, orderBy: { createdAt: "asc" }, select: RECORD_SELECT });
    const { ZipArchive } = await import("archiver");
    const archive = new ZipArchive({ zlib: { level: 6 } });
    const output = new PassThrough();
    let archiveError: Error | null = null;
    archive.on("error", (error) => {
      archiveError = error;
      output.destroy(error);
    });
    archive.pipe(output);
    const upload = exportBlob(blobName).uploadStream(output, UPLOAD_BUFFER_BYTES, UPLOAD_CONCURRENCY, {
      blobHTTPHeaders: { blobContentType: "application/zip" },
    });
    // Whatever fails first (storage refusing a block, archiver) stops the wait for the current entry.
    const failure = new Promise<never>((_, reject) => {
      upload.catch(reject);
      archive.on("error", reject);
    });
    failure.catch(() => archive.abort());

    const included = new Set<string>();
    for (const [index, record] of records.entries()) {
      let body: Readable | undefined;
      try {
        const response = await recordBlob(record.blobName).download();
        body = response.readableStreamBody as Readable | undefined;
      } catch (error) {
        if (!isBlobNotFound(error)) throw error;
      }
      if (body) {
        await Promise.race([appendAndWait(archive, body, zipPathOf(record), record.createdAt), failure]);
        included.add(record.id);
      }
      await setProgress(row.id, index + 1, records.length);
    }

    const bundle = await buildPatientBundle({ patientId: row.userId, attachmentUrl: zipUrlOf, onlyRecordIds: included });
    archive.append(JSON.stringify(bundle, null, 2), { name: BUNDLE_FILE, date: new Date() });
    await Promise.race([archive.finalize(), failure]);
    await upload;
    if (archiveError) throw archiveError;

    const expiresAt = new Date(Date.now() + env().EXPORT_KEEP_HOURS * 60 * 60_000);
    await db.$transaction(async (tx) => {
      await tx.dataExport.update({
        where: { id: row.id },
        data: { status: "READY", progress: 100, sizeBytes: BigInt(archive.pointer()), fileCount: included.size, completedAt: new Date(), expiresAt },
      });
      await recordAuditEvent(
        {
          action: "export.completed",
          outcome: "ALLOWED",
          actorId: row.userId,
          actorRole: "PATIENT",
          patientId: row.userId,
          targetType: "data_export",
          targetId: row.id,
          details: { files: included.size, resources: bundle.entry?.length ?? 0, sizeBytes: archive.pointer() },
        },
        { tx },
      );
      await notify({
        tx,
        userId: row.userId,
        type: "EXPORT_READY",
        title: "Your download is ready",
        body: `Your files and health data are ready to download until ${expiresAt.toUTCString()}.`,
        link: "/patient/export",
      });
    });
    return { status: "READY" };
  } catch (error) {
    logger.error("export.build_failed", { exportId: row.id, error: errorLabel(error), lastAttempt: Boolean(options.isLastAttempt) });
    await exportBlob(blobName).deleteIfExists().catch(() => undefined);
    await db.dataExport.updateMany({
      where: { id: row.id },
      data: options.isLastAttempt
        ? { status: "FAILED", error: "We could not prepare your download. Please try again; if it keeps failing, contact support." }
        : { status: "QUEUED", progress: 0 },
    });
    throw error;
  }
}

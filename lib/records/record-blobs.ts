// Blob-level helpers for record files: server-chosen names, short SAS URLs for
// the browser, the lease that freezes a verified file, and deletion.
//
// Why a lease: the upload SAS (create+write) stays valid until the slot
// expires, so without one the uploader could overwrite a file after it was
// verified. finalizeUpload takes an infinite lease BEFORE checking the bytes;
// from then on only holders of the lease id (the server) can write or delete.
// The lease id is derived from the blob name with the server secret, so every
// app instance (and a retried finalize) can use it without storing it.
import { createHmac } from "node:crypto";
import { BlobSASPermissions, RestError, SASProtocol, type BlockBlobClient } from "@azure/storage-blob";
import { env } from "@/lib/env";
import { recordsContainer } from "@/lib/storage/blob-service";
import { parseConnectionString } from "@/lib/storage/connection-string";

/** Blob names come from ids only, never from anything the user typed. */
export function recordBlobName(options: { patientId: string; slotId: string }): string {
  return `records/${options.patientId}/${options.slotId}`;
}

export function recordBlob(blobName: string): BlockBlobClient {
  return recordsContainer().getBlockBlobClient(blobName);
}

/** The lease id that guards `blobName` (a GUID, as Azure requires). */
export function blobLeaseId(blobName: string): string {
  const hex = createHmac("sha256", env().AUTH_SECRET).update(`record-blob-lease:${blobName}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** HTTPS only when the storage endpoint is HTTPS (Azurite on a laptop is plain HTTP). */
function sasProtocol(): SASProtocol {
  const endpoint = parseConnectionString(env().AZURE_STORAGE_CONNECTION_STRING).blobEndpoint;
  return endpoint.startsWith("https:") ? SASProtocol.Https : SASProtocol.HttpsAndHttp;
}

/** Create+write on this one blob only: no read, list, delete, or any other blob. */
export function uploadSasUrl(options: { blobName: string; expiresOn: Date }): Promise<string> {
  return recordBlob(options.blobName).generateSasUrl({
    permissions: BlobSASPermissions.from({ create: true, write: true }),
    expiresOn: options.expiresOn,
    protocol: sasProtocol(),
  });
}

/** Read on this one blob, with the response headers Azure must send. */
export function readSasUrl(options: { blobName: string; expiresOn: Date; contentType: string; contentDisposition: string }): Promise<string> {
  return recordBlob(options.blobName).generateSasUrl({
    permissions: BlobSASPermissions.from({ read: true }),
    expiresOn: options.expiresOn,
    protocol: sasProtocol(),
    contentType: options.contentType,
    contentDisposition: options.contentDisposition,
    cacheControl: "private, no-store",
  });
}

export function isBlobNotFound(error: unknown): boolean {
  return error instanceof RestError && (error.statusCode === 404 || error.code === "BlobNotFound");
}

/** Takes (or re-takes, idempotently) the server's infinite lease on the blob. */
export async function leaseRecordBlob(blobName: string): Promise<void> {
  const lease = recordBlob(blobName).getBlobLeaseClient(blobLeaseId(blobName));
  try {
    await lease.acquireLease(-1);
  } catch (error) {
    // Already leased by us (a concurrent or earlier finalize): renewing proves the id matches.
    if (error instanceof RestError && error.statusCode === 409) {
      await lease.renewLease();
      return;
    }
    throw error;
  }
}

/**
 * Deletes a record file whether or not it is leased; a missing blob is fine.
 * Throws when storage refuses, so callers can keep their rows consistent.
 */
export async function deleteRecordBlob(blobName: string): Promise<{ deleted: boolean }> {
  const blob = recordBlob(blobName);
  try {
    const response = await blob.deleteIfExists({ deleteSnapshots: "include", conditions: { leaseId: blobLeaseId(blobName) } });
    return { deleted: response.succeeded };
  } catch (error) {
    // Not leased (an unfinished upload) or leased under another id (rotated secret): break, then delete.
    if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) {
      await blob.getBlobLeaseClient().breakLease(0).catch((breakError: unknown) => {
        // 409: no lease to break; 404: someone else (an overlapping deletion) removed it meanwhile.
        if (!(breakError instanceof RestError && (breakError.statusCode === 409 || breakError.statusCode === 404))) throw breakError;
      });
      const response = await blob.deleteIfExists({ deleteSnapshots: "include" });
      return { deleted: response.succeeded };
    }
    throw error;
  }
}

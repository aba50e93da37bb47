// The one BlobServiceClient of the process. File bytes never pass through the
// app: the server only issues SAS URLs and inspects blobs after upload.
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { env } from "@/lib/env";

let service: BlobServiceClient | undefined;

export function blobService(): BlobServiceClient {
  service ??= BlobServiceClient.fromConnectionString(env().AZURE_STORAGE_CONNECTION_STRING);
  return service;
}

export function recordsContainer(): ContainerClient {
  return blobService().getContainerClient(env().AZURE_STORAGE_CONTAINER);
}

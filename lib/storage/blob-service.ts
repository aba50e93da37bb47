// The one BlobServiceClient of the process. File bytes never pass through the
// app: the server only issues SAS URLs and inspects blobs after upload.
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { env } from "@/lib/env";

let service: BlobServiceClient | undefined;

// Every server call to storage sits in a user's request: a few quick retries ride
// out a blip, and an outage is reported within seconds ("unavailable, try again")
// instead of after the SDK's default backoff of half a minute.
const RETRY = { maxTries: 3, retryDelayInMs: 300, maxRetryDelayInMs: 1_500 };

export function blobService(): BlobServiceClient {
  service ??= BlobServiceClient.fromConnectionString(env().AZURE_STORAGE_CONNECTION_STRING, { retryOptions: RETRY });
  return service;
}

export function recordsContainer(): ContainerClient {
  return blobService().getContainerClient(env().AZURE_STORAGE_CONTAINER);
}

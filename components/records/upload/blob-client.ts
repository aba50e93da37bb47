// The one place that touches @azure/storage-blob, behind a tiny interface so the
// upload logic can be tested without a storage service.
import { AnonymousCredential, BlockBlobClient } from "@azure/storage-blob";

export interface BlockTarget {
  stageBlock(id: string, body: Blob, length: number, options: { abortSignal: AbortSignal; onProgress: (loadedBytes: number) => void }): Promise<void>;
  commitBlockList(ids: string[], options: { abortSignal: AbortSignal; contentType: string }): Promise<void>;
}

export function blockTargetFor(uploadUrl: string): BlockTarget {
  // retryOptions: our own loop retries a block with backoff and reports it; one try per call here.
  const client = new BlockBlobClient(uploadUrl, new AnonymousCredential(), { retryOptions: { maxTries: 1 } });
  return {
    async stageBlock(id, body, length, { abortSignal, onProgress }) {
      await client.stageBlock(id, body, length, { abortSignal, onProgress: (event) => onProgress(event.loadedBytes) });
    },
    async commitBlockList(ids, { abortSignal, contentType }) {
      await client.commitBlockList(ids, { abortSignal, blobHTTPHeaders: { blobContentType: contentType } });
    },
  };
}

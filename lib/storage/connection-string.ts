// Parses an Azure Storage connection string without the SDK, so the edge
// middleware (CSP) can learn the blob origin the browser will talk to.

export interface BlobAccount {
  accountName: string;
  accountKey?: string;
  /** e.g. https://acct.blob.core.windows.net or http://127.0.0.1:10000/devstoreaccount1 */
  blobEndpoint: string;
}

export function parseConnectionString(connectionString: string): BlobAccount {
  const parts = new Map<string, string>();
  for (const segment of connectionString.split(";")) {
    const at = segment.indexOf("=");
    if (at > 0) parts.set(segment.slice(0, at).trim(), segment.slice(at + 1).trim());
  }
  const accountName = parts.get("AccountName");
  if (!accountName) throw new Error("The storage connection string has no AccountName.");
  const protocol = parts.get("DefaultEndpointsProtocol") ?? "https";
  const suffix = parts.get("EndpointSuffix") ?? "core.windows.net";
  const blobEndpoint = (parts.get("BlobEndpoint") ?? `${protocol}://${accountName}.blob.${suffix}`).replace(/\/+$/, "");
  return { accountName, accountKey: parts.get("AccountKey"), blobEndpoint };
}

/** The scheme+host+port the browser uploads to and downloads from. */
export function blobOrigin(connectionString: string): string {
  return new URL(parseConnectionString(connectionString).blobEndpoint).origin;
}

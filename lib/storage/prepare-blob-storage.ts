// Makes blob storage ready for the app: the records container exists, and the
// service allows the app's origin to PUT/GET directly (browsers upload and
// download with short SAS URLs, so file bytes never pass through the app).
import { BlobServiceClient, type CorsRule } from "@azure/storage-blob";

/** Azure Storage accepts at most five CORS rules per service. */
const MAX_CORS_RULES = 5;

export async function prepareBlobStorage(options: {
  connectionString: string;
  container: string;
  appOrigin: string;
  log?: (line: string) => void;
}): Promise<void> {
  const service = BlobServiceClient.fromConnectionString(options.connectionString);
  // Private: every read goes through a SAS the app issues after an access check.
  await service.getContainerClient(options.container).createIfNotExists();

  const ourRule: CorsRule = {
    allowedOrigins: options.appOrigin,
    allowedMethods: "GET,PUT,HEAD,OPTIONS",
    allowedHeaders: "x-ms-*,content-type",
    exposedHeaders: "etag,x-ms-*",
    maxAgeInSeconds: 3600,
  };
  const { cors = [] } = await service.getProperties();
  // Add our rule only when no rule covers the origin: a storage account set up
  // by the user (AZURE_STORAGE_CONNECTION_STRING) keeps its own rules untouched.
  const covered = cors.some((rule) =>
    rule.allowedOrigins.split(",").map((origin) => origin.trim()).some((origin) => origin === "*" || origin === options.appOrigin),
  );
  if (covered) return;
  if (cors.length >= MAX_CORS_RULES) {
    options.log?.(`Blob storage already has ${cors.length} CORS rules; add one for ${options.appOrigin} yourself, or browser uploads will fail.`);
    return;
  }
  // Only `cors` is sent, so logging, metrics and other properties stay as they are.
  await service.setProperties({ cors: [...cors, ourRule] });
}

import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { prepareBlobStorage } from "@/lib/storage/prepare-blob-storage";

/**
 * Makes sure the records container and the browser-upload CORS rule exist when a
 * server starts. Storage being down must not stop the app (the health endpoint
 * reports it), so a failure is logged, not thrown.
 */
export async function prepareStorageAtStartup() {
  const settings = env();
  try {
    await prepareBlobStorage({
      connectionString: settings.AZURE_STORAGE_CONNECTION_STRING,
      container: settings.AZURE_STORAGE_CONTAINER,
      appOrigin: new URL(settings.APP_URL).origin,
      log: (line) => logger.warn("storage.prepare", { message: line }),
    });
  } catch (error) {
    logger.error("storage.prepare_failed", { error });
  }
}

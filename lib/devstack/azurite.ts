// Azurite's blob service, run in this process (no child to orphan, and
// `blobPort: 0` gives tests a free port). Used by `npm run dev` / `npm start`
// and by the test suites. Data persists under `dataDir` (metadata as LokiJS
// files, blob bytes under __blobstorage__), so a restart keeps uploads.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import BlobConfiguration from "azurite/dist/src/blob/BlobConfiguration";
import BlobServer from "azurite/dist/src/blob/BlobServer";
import { EMBEDDED } from "@/lib/env";
import { parseConnectionString } from "@/lib/storage/connection-string";
import { connectableHost, hostPort, waitForPort } from "@/lib/devstack/ports";

export interface RunningAzurite {
  /** For @azure/storage-blob and AZURE_STORAGE_CONNECTION_STRING. */
  connectionString: string;
  /** e.g. http://127.0.0.1:10000/devstoreaccount1 */
  blobEndpoint: string;
  /** Closes the server and its stores; resolves once the port is free again. */
  stop(): Promise<void>;
}

export async function startAzurite(options: { dataDir: string; blobPort: number; host?: string }): Promise<RunningAzurite> {
  const host = options.host ?? "127.0.0.1";
  await mkdir(options.dataDir, { recursive: true });

  const config = new BlobConfiguration(
    host,
    options.blobPort,
    undefined, // keep-alive timeout: Azurite's default
    join(options.dataDir, "__azurite_db_blob__.json"),
    join(options.dataDir, "__azurite_db_blob_extent__.json"),
    // Our own array: Azurite's default one is a shared module constant.
    [{ locationId: "Default", locationPath: join(options.dataDir, "__blobstorage__"), maxConcurrency: 10 }],
    false, // access log: it would print every request (and SAS signatures) to the console
    undefined,
    false, // debug log
    undefined,
    true, // loose: ignore headers/parameters Azurite does not implement instead of failing
    true, // skipApiVersionCheck: current @azure/storage-blob sends versions newer than Azurite knows
  );
  const server = new BlobServer(config);
  try {
    await server.start();
  } catch (error) {
    // start() opened the stores and GC timer before listen() failed; close them
    // so a failed start does not keep the process alive.
    await server.afterClose().catch(() => undefined);
    throw error;
  }

  const port = Number(new URL(server.getHttpServerAddress()).port);
  const reachableHost = connectableHost(host);
  await waitForPort({ host: reachableHost, port });

  // Azurite's public development account; the key is documented, not a secret.
  const { accountName, accountKey } = parseConnectionString(EMBEDDED.azuriteConnectionString);
  const blobEndpoint = `http://${hostPort(reachableHost, port)}/${accountName}`;
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${accountName};AccountKey=${accountKey};BlobEndpoint=${blobEndpoint};`;

  let stopping: Promise<void> | undefined;
  return {
    connectionString,
    blobEndpoint,
    stop() {
      stopping ??= (async () => {
        // close() does not wait for the listening socket to be released.
        const released = new Promise<void>((resolve) => server.httpServer.once("close", () => resolve()));
        await server.close();
        await released;
      })();
      return stopping;
    },
  };
}

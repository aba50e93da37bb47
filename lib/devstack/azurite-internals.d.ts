// Types for the two Azurite internals lib/devstack/azurite.ts uses. Azurite ships
// no declarations; only the members we call are declared, so an Azurite upgrade
// that changes them shows up as a failing start, not a silent any.
declare module "azurite/dist/src/blob/BlobConfiguration" {
  interface PersistenceLocation {
    locationId: string;
    locationPath: string;
    maxConcurrency: number;
  }
  export default class BlobConfiguration {
    constructor(
      host?: string,
      port?: number,
      keepAliveTimeout?: number,
      metadataDBPath?: string,
      extentDBPath?: string,
      persistencePathArray?: PersistenceLocation[],
      enableAccessLog?: boolean,
      accessLogWriteStream?: NodeJS.WritableStream,
      enableDebugLog?: boolean,
      debugLogFilePath?: string,
      loose?: boolean,
      skipApiVersionCheck?: boolean,
    );
  }
}

declare module "azurite/dist/src/blob/BlobServer" {
  import type { Server } from "node:http";
  import type BlobConfiguration from "azurite/dist/src/blob/BlobConfiguration";
  export default class BlobServer {
    constructor(configuration: BlobConfiguration);
    /** The underlying HTTP server (wrapped by `stoppable`). */
    readonly httpServer: Server;
    start(): Promise<void>;
    close(): Promise<void>;
    /** e.g. "http://127.0.0.1:10000"; the real port when started on port 0. */
    getHttpServerAddress(): string;
    getStatus(): "Closed" | "Starting" | "Running" | "Closing";
    /** Closes stores and the GC timer; start() leaves them open when listen() fails. */
    afterClose(): Promise<void>;
  }
}

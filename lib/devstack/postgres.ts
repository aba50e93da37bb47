// Embedded Postgres for `npm run dev` / `npm start` when DATABASE_URL is not set:
// PGlite (Postgres compiled to wasm) served over the Postgres wire protocol, so
// Prisma's pg adapter, migrations and psql talk to it like to any server.
//
// Runs in this process. PGlite is a single backend: the socket server queues
// queries, and while one connection holds an open transaction every other
// connection waits. Keep transactions short (see docs on embedded Postgres).
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { scopeStatementNames } from "@/lib/devstack/pglite-statement-names";
import { connectableHost, hostPort, waitForPort } from "@/lib/devstack/ports";

/** Prisma's pool (10) in the app, plus the launcher, a psql or two, and hot-reload overlap. */
const MAX_CONNECTIONS = 40;

export interface RunningPostgres {
  /** postgresql://postgres@host:port/postgres (PGlite serves exactly one database, "postgres"). */
  databaseUrl: string;
  /** Closes client connections and the database cleanly; resolves once the port is free. */
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; host?: string }): Promise<RunningPostgres> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });

  // pg_trgm is loaded so that migrations can CREATE EXTENSION it (fuzzy search);
  // without the module PGlite answers "extension pg_trgm is not available".
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host, port: options.port, maxConnections: MAX_CONNECTIONS });
  scopePreparedStatementsPerConnection(server);
  try {
    await server.start();
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }

  // start() records the real port when asked for port 0.
  const port = Number(server.getServerConn().split(":").pop());
  const reachableHost = connectableHost(host);
  await waitForPort({ host: reachableHost, port });

  let stopping: Promise<void> | undefined;
  return {
    databaseUrl: `postgresql://postgres@${hostPort(reachableHost, port)}/postgres`,
    stop() {
      stopping ??= (async () => {
        await server.stop();
        // A clean shutdown checkpoints, so the next start needs no recovery.
        await db.close();
      })();
      return stopping;
    },
  };
}

type QueryQueue = { enqueue(connectionId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> };

/**
 * Every frontend message passes through the server's (private) query queue with
 * its connection's id; rewriting there is the one place that sees both.
 */
function scopePreparedStatementsPerConnection(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (typeof queue?.enqueue !== "function") {
    throw new Error("@electric-sql/pglite-socket changed its internals: update lib/devstack/postgres.ts.");
  }
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (connectionId, message, onData) => enqueue(connectionId, scopeStatementNames(connectionId, message), onData);
}

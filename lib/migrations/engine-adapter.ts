// The driver adapter the wasm schema engine talks to Postgres through: adapter-pg
// over one pg connection, handed over the way the engine needs it. Three fixes
// to adapter-pg make the engine work (found by trying them):
// - the engine calls methods unbound and expects `{ok, value | error}` results,
//   so factory, connection and transaction become plain objects of bound wrappers;
// - its catalog queries select Postgres-internal types ("char", pg_node_tree, ...)
//   that adapter-pg refuses with UnsupportedNativeDataType; pg already returns
//   those values as strings, so we retype just those columns as text;
// - adapter-pg's executeScript splits a script at every ";" (breaking $$ bodies)
//   and runs the parts as separate statements; we send the migration script as one
//   simple-protocol query instead, which Postgres runs as one implicit transaction,
//   as Prisma's native engine does: a failing migration leaves nothing half-applied.
// One connection, kept for the whole run: PGlite is a single backend (a second
// connection waiting on an open transaction would deadlock there), and the
// engine's advisory lock against concurrent deploys lives in that session. Were
// the engine ever to query outside an open transaction, it would wait on real
// Postgres too, so the integration tests would catch it.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };
type Method = (...args: never[]) => unknown;
type Queryable = Record<string, Method> & { performIO(query: unknown): Promise<RawResult> };
type RawResult = { fields: { name: string; dataTypeID: number }[]; rows: unknown[][] };

const TEXT_OID = 25;

/**
 * A pool of one connection that survives SQL errors. pg-pool's own query()
 * discards the connection after any failed statement, which would drop the
 * engine's advisory lock and, on PGlite, race the reconnect.
 */
class SessionPool extends pg.Pool {
  constructor(databaseUrl: string) {
    super({ connectionString: databaseUrl, max: 1 });
  }
  // Narrower than pg's overloads: adapter-pg only calls query(config) and query(text).
  override async query(config: string | pg.QueryConfig) {
    const client = await this.connect();
    try {
      const result = await client.query(config);
      client.release();
      return result;
    } catch (error) {
      // A database error leaves the session usable; anything else (socket) does not.
      client.release(error instanceof pg.DatabaseError ? undefined : (error as Error));
      throw error;
    }
  }
}

/** Keeps JS errors the engine cannot serialise, as driver-adapter-utils does. */
class ErrorRegistry {
  private readonly errors = new Map<number, { error: unknown }>();
  private nextId = 0;
  consumeError = (id: number) => {
    const entry = this.errors.get(id);
    this.errors.delete(id);
    return entry;
  };
  register(error: unknown) {
    this.errors.set(this.nextId, { error });
    return this.nextId++;
  }
}

function isDriverAdapterError(error: unknown): error is { cause: unknown } {
  return error instanceof Error && error.name === "DriverAdapterError" && typeof error.cause === "object";
}

function wrap(registry: ErrorRegistry, fn: Method, mapValue: (value: unknown) => unknown = (v) => v) {
  return async (...args: never[]): Promise<Result> => {
    try {
      return { ok: true, value: mapValue(await fn(...args)) };
    } catch (error) {
      if (isDriverAdapterError(error)) return { ok: false, error: error.cause };
      return { ok: false, error: { kind: "GenericJs", id: registry.register(error) } };
    }
  };
}

function isUnsupportedType(error: unknown) {
  return isDriverAdapterError(error) && (error.cause as { kind?: string }).kind === "UnsupportedNativeDataType";
}

/** adapter-pg's result mapping applied to a result we already have (no second query). */
function mapResult(queryable: Queryable, raw: RawResult) {
  const view = Object.create(queryable, { performIO: { value: async () => raw } }) as Queryable;
  return view.queryRaw({ sql: "", args: [], argTypes: [] } as never) as Promise<unknown>;
}

/** queryRaw that answers columns of types adapter-pg refuses as text instead of failing. */
function tolerantQueryRaw(queryable: Queryable) {
  const performIO = queryable.performIO.bind(queryable);
  return async (query: never) => {
    // A per-call view that keeps the raw result, so a refusal needs no second query.
    let raw: RawResult | undefined;
    const view = Object.create(queryable, {
      performIO: { value: async (q: unknown) => (raw = await performIO(q)) },
    }) as Queryable;
    try {
      return await view.queryRaw(query);
    } catch (error) {
      if (!isUnsupportedType(error) || !raw) throw error;
      const fields = await Promise.all(
        raw.fields.map(async (field) => {
          const accepted = await mapResult(queryable, { fields: [field], rows: [] }).then(
            () => true,
            (e) => (isUnsupportedType(e) ? false : Promise.reject(e)),
          );
          return accepted ? field : { ...field, dataTypeID: TEXT_OID };
        }),
      );
      return mapResult(queryable, { fields, rows: raw.rows });
    }
  };
}

function bindTransaction(registry: ErrorRegistry, tx: Queryable & { options?: unknown }) {
  return {
    adapterName: tx.adapterName,
    provider: tx.provider,
    options: tx.options,
    queryRaw: wrap(registry, tolerantQueryRaw(tx)),
    executeRaw: wrap(registry, tx.executeRaw.bind(tx)),
    commit: wrap(registry, tx.commit.bind(tx)),
    rollback: wrap(registry, tx.rollback.bind(tx)),
    createSavepoint: wrap(registry, tx.createSavepoint.bind(tx)),
    rollbackToSavepoint: wrap(registry, tx.rollbackToSavepoint.bind(tx)),
    releaseSavepoint: wrap(registry, tx.releaseSavepoint.bind(tx)),
  };
}

function bindConnection(registry: ErrorRegistry, pool: pg.Pool, adapter: Queryable) {
  const executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter.onError as (e: unknown) => never)(error);
    }
  };
  return {
    adapterName: adapter.adapterName,
    provider: adapter.provider,
    errorRegistry: registry,
    queryRaw: wrap(registry, tolerantQueryRaw(adapter)),
    executeRaw: wrap(registry, adapter.executeRaw.bind(adapter)),
    executeScript: wrap(registry, executeScript as Method),
    // The pool belongs to openEngineAdapter's caller, who ends it.
    dispose: wrap(registry, async () => undefined),
    getConnectionInfo: () => ({ ok: true, value: (adapter.getConnectionInfo as () => unknown)() }),
    startTransaction: wrap(registry, adapter.startTransaction.bind(adapter), (tx) =>
      bindTransaction(registry, tx as Queryable),
    ),
  };
}

/**
 * A driver-adapter factory for the schema engine, its one-connection pool (for our
 * own queries on the same session) and the function that closes it.
 */
export function openEngineAdapter(databaseUrl: string) {
  const pool = new SessionPool(databaseUrl);
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", () => undefined);
  const prismaPg = new PrismaPg(pool);
  const registry = new ErrorRegistry();
  const factory = {
    adapterName: prismaPg.adapterName,
    provider: prismaPg.provider,
    errorRegistry: registry,
    connect: wrap(registry, () => prismaPg.connect(), (adapter) => bindConnection(registry, pool, adapter as never)),
    // Shadow databases are never needed: createMigration builds its own scratch database.
    connectToShadowDb: wrap(registry, async () => {
      throw new Error("Shadow databases are not used by MedVault's migration tooling");
    }),
  };
  return { factory, session: pool as pg.Pool, close: () => pool.end() };
}

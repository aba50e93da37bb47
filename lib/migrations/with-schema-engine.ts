// Runs one piece of work with a schema engine connected to one database, and
// always releases the engine and its connection afterwards. The work also gets
// that connection's pool for its own queries: a second connection could be
// refused by PGlite, which serves one client at a time unless told otherwise.
import type pg from "pg";
import { openEngineAdapter } from "@/lib/migrations/engine-adapter";
import { clearEngineTimers, loadSchemaEngine, type SchemaEngine } from "@/lib/migrations/load-schema-engine";

// Engines at work in this process: their timers are only cleared when none is.
let active = 0;

export type EngineLogLine = { level?: string; fields?: { message?: string } };

export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schema?: string; onLog?: (line: EngineLogLine) => void },
  work: (engine: SchemaEngine, session: pg.Pool) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngine();
  const { factory, session, close } = openEngineAdapter(options.databaseUrl);
  active++;
  try {
    const onLog = (json: string) => {
      try {
        options.onLog?.(JSON.parse(json) as EngineLogLine);
      } catch {
        // Not JSON: nothing we act on.
      }
    };
    const datamodels: [string, string][] | undefined = options.schema ? [["schema.prisma", options.schema]] : undefined;
    const engine = await SchemaEngine.new({ datamodels }, onLog, factory);
    try {
      return await work(engine, session);
    } finally {
      engine.free();
    }
  } finally {
    active--;
    if (active === 0) clearEngineTimers();
    await close();
  }
}

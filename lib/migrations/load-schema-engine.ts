// Loads Prisma's schema engine compiled to wasm (@prisma/schema-engine-wasm).
// The package entry imports its .wasm file as an ES module, which Node 20 only
// allows with --experimental-wasm-modules, and its JS glue is an ES module that
// Jest (CommonJS, Node 20) cannot require. So we evaluate the glue ourselves and
// instantiate the .wasm bytes with it: this works in plain Node, tsx and Jest
// without flags, and always in the caller's own realm (the engine checks values
// with instanceof, so its glue must share the realm of the adapter it calls).
// Loaded lazily because the module is 5 MB and only migration commands need it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type * as Engine from "@prisma/schema-engine-wasm";

export type SchemaEngineModule = typeof Engine;
export type SchemaEngine = Engine.SchemaEngine;
type Glue = SchemaEngineModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void };

let loaded: SchemaEngineModule | undefined;

/**
 * The glue (wasm-bindgen output) has no imports and only `export function` /
 * `export class` declarations, so dropping `export` and returning the declared
 * names turns it into a function body. Anything else means the package changed
 * shape and this loader must be revisited, so it fails loudly.
 */
function evaluateGlue(source: string): Glue {
  if (/^(import\b|export (?!function |class ))/m.test(source)) {
    throw new Error("@prisma/schema-engine-wasm's glue has an unexpected module shape; update lib/migrations/load-schema-engine.ts");
  }
  const names = [...source.matchAll(/^export (?:function|class) ([\w$]+)/gm)].map((match) => match[1]);
  const body = `${source.replace(/^export /gm, "")}\nreturn { ${names.join(", ")} };`;
  return new Function("setTimeout", body)(trackedSetTimeout) as Glue;
}

// The engine arms timeouts (e.g. around its advisory lock) that it never clears:
// left alone they keep a finished CLI or Jest run alive for another 10 seconds.
const engineTimers = new Set<NodeJS.Timeout>();

function trackedSetTimeout(callback: () => void, ms: number) {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms);
  engineTimers.add(timer);
  return timer;
}

/** Cancels the engine's leftover timers; only call when no engine is at work. */
export function clearEngineTimers() {
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

function instantiate(): SchemaEngineModule {
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = evaluateGlue(readFileSync(path.join(packageDir, "schema_engine_bg.js"), "utf8"));
  const bytes = readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  // The wasm module imports its host functions from the glue under this name.
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue as never });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** The engine module, instantiated on first use. */
export async function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loaded ??= instantiate();
  return loaded;
}

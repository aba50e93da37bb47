// Summarizes a V8 .cpuprofile (from `npm run bench:load -- --cpu-prof`): where
// the server spent its CPU time, by package (or app file) and by function, self
// time only. Next.js ships its React builds minified with source maps beside
// them: through those, "L  next:2" reads "writeChunk  react-dom-server…".
// Tooling, not app code.
//
//   node --import tsx bench/support/summarize-profile.ts bench/profiles/<file>.cpuprofile [top]
import { existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** "node_modules/@prisma/client/…" → "@prisma/client"; app chunks and Node internals keep a short name. */
function packageOf(url: string): string {
  if (!url) return "(native / idle / gc)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith("node:")) return url;
  const chunk = url.indexOf(".next/");
  return chunk >= 0 ? url.slice(chunk) : url;
}

const MAX_SAMPLE_GAP_MS = 50;

interface MappedFile {
  map: SourceMap;
  /** Each original source's lines, from the map's sourcesContent. */
  lines: Map<string, string[]>;
}

const sourceMaps = new Map<string, MappedFile | null>();
function sourceMapOf(url: string): MappedFile | null {
  if (!sourceMaps.has(url)) {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    let mapped: MappedFile | null = null;
    if (url.includes("/next/dist/compiled/") && existsSync(`${file}.map`)) {
      const payload = JSON.parse(readFileSync(`${file}.map`, "utf8")) as SourceMapPayload & { sourcesContent?: (string | null)[] };
      const lines = new Map(payload.sources.map((source, index) => [source, (payload.sourcesContent?.[index] ?? "").split("\n")]));
      mapped = { map: new SourceMap(payload), lines };
    }
    sourceMaps.set(url, mapped);
  }
  return sourceMaps.get(url)!;
}

/** The function and file before minification, where a source map says; else as profiled. */
function originalOf(frame: ProfileNode["callFrame"]): { name: string; where: string } {
  const name = frame.functionName || "(anonymous)";
  const where = `${packageOf(frame.url)}:${frame.lineNumber + 1}`;
  const mapped = sourceMapOf(frame.url);
  const entry = mapped?.map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (!mapped || !entry?.originalSource) return { name, where };
  // A profiled function starts where its original declaration does: read the name there.
  const line = mapped.lines.get(entry.originalSource)?.[entry.originalLine ?? -1] ?? "";
  const declared = /function\s*\*?\s*([\w$]+)\s*\(/.exec(line)?.[1];
  const source = entry.originalSource.replace(/^.*\/compiled\//, "").replace(/^\.\//, "");
  return { name: declared ?? name, where: `${source}:${(entry.originalLine ?? 0) + 1}` };
}

function main(): void {
  const [file, topText] = process.argv.slice(2);
  if (!file) throw new Error("usage: summarize-profile.ts <file.cpuprofile> [top]");
  const top = Number(topText ?? "25");
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  // A delta far above the sampling interval (about 1 ms) is a stretch with no
  // samples: the sampler thread got no CPU, or the process sat idle at the end.
  // Charging it to whichever function was sampled next once put 2.5 s on
  // Accept-Encoding parsing; such stretches are counted apart instead.
  let unsampledMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (ms > MAX_SAMPLE_GAP_MS) unsampledMs += ms;
    else selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });

  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || "(anonymous)";
    if (name === "(idle)") continue;
    total += ms;
    const pkg = name === "(garbage collector)" || name === "(program)" ? name : packageOf(node.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const original = originalOf(node.callFrame);
    const key = `${original.name}  ${original.where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  console.log(`busy ${total.toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms profiled`);
  if (unsampledMs > 0) console.log(`not sampled: ${unsampledMs.toFixed(0)} ms in gaps over ${MAX_SAMPLE_GAP_MS} ms (left out above; a CPU-bound run with large gaps is under-sampled)`);
  print("self time by package", byPackage);
  print("self time by function", byFunction);
}

main();

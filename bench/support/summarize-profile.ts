// Summarizes a V8 .cpuprofile (from `npm run bench:load -- --cpu-prof`): where
// the server spent its CPU time, by package (or app file) and by function, self
// time only. Tooling, not app code.
//
//   node --import tsx bench/support/summarize-profile.ts bench/profiles/<file>.cpuprofile [top]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
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

function main(): void {
  const [file, topText] = process.argv.slice(2);
  if (!file) throw new Error("usage: summarize-profile.ts <file.cpuprofile> [top]");
  const top = Number(topText ?? "25");
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

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
    const key = `${name}  ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  console.log(`busy ${total.toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms profiled`);
  print("self time by package", byPackage);
  print("self time by function", byFunction);
}

main();

// `npm run bench:search [-- --patients 1000 --records 100 --iterations 200]`:
// search latency on the Postgres engine over a realistic data set (bench/dataset/
// seed.ts) in a throwaway database on the local Postgres, measured through
// searchRecords (access resolution, the engine query and the Postgres re-check:
// what /api/search does per keystroke). Writes the "Search" section of
// bench/RESULTS.md. Tooling, not app code: it wires process.env for the app
// modules it imports. Target: p95 < 50 ms.
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { Cleanup } from "../../tests/setup/cleanup";
import { createTestDatabase, dropTestDatabase } from "../../tests/setup/test-database";
import { seedDataset } from "../dataset/seed";
import { benchAdminUrl } from "../support/stack";

const TARGET_P95_MS = 50;

interface Scenario {
  name: string;
  run: (i: number) => Promise<number>;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function machineHeader(databaseUrl: string): Promise<string> {
  const cpuInfo = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "unknown";
  await client.end();
  return [
    "# Benchmark results",
    "",
    "Measured on the project's build machine:",
    "",
    `- CPUs (nproc): ${cpus().length}`,
    `- CPU model: ${model}`,
    `- RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- PostgreSQL: ${version.split(" ")[0]}`,
    `- Node.js: ${process.version}`,
    "",
  ].join("\n");
}

async function writeResults(section: string, header: string) {
  const file = path.join(__dirname, "..", "RESULTS.md");
  const start = "<!-- search:start -->";
  const end = "<!-- search:end -->";
  const block = `${start}\n${section}\n${end}`;
  const existing = await readFile(file, "utf8").catch(() => "");
  let next: string;
  if (!existing) next = `${header}\n${block}\n`;
  else if (existing.includes(start) && existing.includes(end)) next = existing.slice(0, existing.indexOf(start)) + block + existing.slice(existing.indexOf(end) + end.length);
  else next = `${existing.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next, "utf8");
}

async function main() {
  const { values } = parseArgs({
    options: {
      patients: { type: "string", default: "1000" },
      records: { type: "string", default: "100" },
      iterations: { type: "string", default: "200" },
      "no-write": { type: "boolean", default: false },
    },
  });
  const patients = Number(values.patients);
  const recordsPerPatient = Number(values.records);
  const iterations = Number(values.iterations);
  const cleanup = new Cleanup();
  const stop = () => void cleanup.runAll().finally(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  try {
    const adminUrl = benchAdminUrl();
    const database = await createTestDatabase({ adminUrl, label: "bench_search" });
    cleanup.add(`drop database ${database.name}`, () => dropTestDatabase({ adminUrl, name: database.name }));
    const { applyMigrations } = await import("../../lib/migrations/apply-migrations");
    await applyMigrations({ databaseUrl: database.url, log: () => undefined });

    console.log(`Seeding ${patients} patients x ${recordsPerPatient} records…`);
    let started = performance.now();
    const data = await seedDataset({ databaseUrl: database.url, patients, recordsPerPatient });
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(`Seeded ${data.records} records in ${seedSeconds.toFixed(1)} s.`);

    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "error";
    const { db } = await import("../../lib/db");
    cleanup.add("disconnect", () => db.$disconnect());
    const { searchRecords } = await import("../../lib/search/search-records");
    const { PostgresSearchEngine } = await import("../../lib/search/postgres/postgres-engine");
    const engine = new PostgresSearchEngine();

    const patient = (i: number) => ({ id: data.patientIds[(i * 7919) % data.patientIds.length]!, role: "PATIENT" as const });
    const busy = { id: data.busyClinicianId, role: "PHYSICIAN" as const };
    const { common, rare } = data.vocabulary;
    const words = [...common, ...rare];
    const typos = ["cholestrol", "fractrue", "hemoglobn", "hypertenson", "levothyroxin", "vacine"];
    const prefixes = ["chol", "frac", "hemo", "hyper", "gluc", "refer"];
    const timed = async (run: () => Promise<unknown>) => {
      const t0 = performance.now();
      await run();
      return performance.now() - t0;
    };
    const busyPatient = (i: number) => data.patientIds[(i * 31) % Math.min(300, data.patientIds.length)]!;

    const scenarios: Scenario[] = [
      { name: "patient: keyword", run: (i) => timed(() => searchRecords({ actor: patient(i), input: { q: words[i % words.length] }, engine })) },
      { name: "patient: prefix (as you type)", run: (i) => timed(() => searchRecords({ actor: patient(i), input: { q: prefixes[i % prefixes.length] }, engine })) },
      { name: "patient: typo", run: (i) => timed(() => searchRecords({ actor: patient(i), input: { q: typos[i % typos.length] }, engine })) },
      {
        name: "patient: keyword + category + dates",
        run: (i) => timed(() => searchRecords({ actor: patient(i), input: { q: common[i % common.length], category: "LAB_RESULT", from: "2015-01-01", to: "2024-12-31" }, engine })),
      },
      { name: "clinician (300 patients): keyword", run: (i) => timed(() => searchRecords({ actor: busy, input: { q: words[i % words.length] }, engine })) },
      { name: "clinician (300 patients): prefix", run: (i) => timed(() => searchRecords({ actor: busy, input: { q: prefixes[i % prefixes.length] }, engine })) },
      { name: "clinician (300 patients): typo", run: (i) => timed(() => searchRecords({ actor: busy, input: { q: typos[i % typos.length] }, engine })) },
      {
        name: "clinician (300 patients): keyword + filters, by date",
        run: (i) => timed(() => searchRecords({ actor: busy, input: { q: common[i % common.length], category: "IMAGING", from: "2018-01-01", sort: "date" }, engine })),
      },
      { name: "clinician: keyword, one patient", run: (i) => timed(() => searchRecords({ actor: busy, input: { q: words[i % words.length], patient: busyPatient(i) }, engine })) },
    ];

    const rows: string[] = [];
    let worstP95 = 0;
    const loadAtStart = loadavg()[0]!;
    for (const scenario of scenarios) {
      for (let i = 0; i < 10; i++) await scenario.run(i + 10_000); // warm-up
      const samples: number[] = [];
      started = performance.now();
      for (let i = 0; i < iterations; i++) samples.push(await scenario.run(i));
      samples.sort((a, b) => a - b);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(samples, p));
      worstP95 = Math.max(worstP95, p95!);
      const line = `| ${scenario.name} | ${iterations} | ${p50!.toFixed(1)} | ${p95!.toFixed(1)} | ${p99!.toFixed(1)} |`;
      rows.push(line);
      console.log(line);
    }

    const section = [
      "## Search (Postgres engine)",
      "",
      `\`npm run bench:search\` on ${new Date().toISOString().slice(0, 10)}: ${data.records.toLocaleString("en")} records of ${patients.toLocaleString("en")} patients ` +
        `(bench/dataset/seed.ts), ${data.clinicianIds.length} verified clinicians; the busy one holds "everything" grants from ${Math.min(300, patients)} patients. ` +
        `Seeding took ${seedSeconds.toFixed(0)} s. Each query runs through searchRecords (access from the grants in force, the full-text query ` +
        `with access inside it, the Postgres re-check), one at a time, ${iterations} times after 10 warm-up runs; milliseconds.`,
      "",
      "| query | runs | p50 ms | p95 ms | p99 ms |",
      "|---|---:|---:|---:|---:|",
      ...rows,
      "",
      `Load average (1 min, ${cpus().length} CPUs shared with other work): ${loadAtStart.toFixed(1)} when the queries started, ${loadavg()[0]!.toFixed(1)} when they ended.`,
      "",
      `Target p95 < ${TARGET_P95_MS} ms: ${worstP95 < TARGET_P95_MS ? "met" : "NOT met"} (worst p95 ${worstP95.toFixed(1)} ms).`,
    ].join("\n");
    if (!values["no-write"]) await writeResults(section, await machineHeader(database.url));
    console.log(`\nWorst p95: ${worstP95.toFixed(1)} ms (target < ${TARGET_P95_MS} ms).`);
  } finally {
    await cleanup.runAll(() => undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

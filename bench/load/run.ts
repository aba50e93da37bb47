// `npm run bench:load`: pages and actions under load, with autocannon on
// loopback against a production build (`next build` + `next start`), on a
// throwaway database seeded with 1,000 patients and 100,000 records and an
// Azurite of its own. Signed in the way a browser is after sign-in: a session
// row made with createSession and the Auth.js JWT cookie that points at it.
//
//   npm run bench:load                               build, seed, measure (about 10 minutes)
//   npm run bench:load -- --no-build                 serve the tree's own .next build instead
//   npm run bench:load -- --duration=5 --connections=10,50
//   npm run bench:load -- --patients=100 --records-per-patient=100   a smaller dataset
//   npm run bench:load -- --targets=search,record-page --growth=none  some lines only
//   npm run bench:load -- --cpu-prof   the server writes V8 CPU profiles to bench/profiles/
//   npm run bench:load -- --serve      seed and start, print the URLs and a patient's cookie, measure nothing (Ctrl-C ends)
//   npm run bench:load -- --floor      also measure what the framework alone costs (bench/load/floor-routes.ts)
//
// The build is made in a temporary copy of the app's sources (bench/.build-*,
// removed afterwards), so it neither touches the tree's .next (an e2e run may be using it)
// nor type-checks tests that are being edited. Tooling, not app code.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { Client } from "pg";
import { waitForPort } from "../../lib/devstack/ports";
import { Cleanup } from "../../tests/setup/cleanup";
import { freePort } from "../../tests/setup/free-port";
import { startBenchStack } from "../support/stack";
import { insertPatientsWithRecords } from "./bulk-records";
import { FLOOR_TARGETS, writeFloorRoutes } from "./floor-routes";

const rootDir = path.resolve(__dirname, "../..");
const log = (line: string) => console.log(`[bench:load] ${line}`);

const TARGET_KEYS = ["sign-in", "records-list", "record-page", "download-sas", "search", ...FLOOR_TARGETS.map((target) => target.key)];

function parseArgs(argv: string[]) {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const numbers = (text: string) => text.split(",").map(Number);
  const options = {
    build: !argv.includes("--no-build"),
    duration: Number(value("duration") ?? "10"),
    connections: numbers(value("connections") ?? "10,50,200"),
    patients: Number(value("patients") ?? "1000"),
    recordsPerPatient: Number(value("records-per-patient") ?? "100"),
    growth: value("growth") === "none" ? [] : numbers(value("growth") ?? "1000,10000,100000"),
    targets: value("targets")?.split(",") ?? null,
    cpuProfile: argv.includes("--cpu-prof"),
    serve: argv.includes("--serve"),
    floor: argv.includes("--floor"),
    /** App processes sharing the port (lib/cli/next-cluster.mjs, WEB_CONCURRENCY); 1 is plain `next start`. */
    processes: Number(value("processes") ?? "1"),
  };
  const unknownTarget = options.targets?.find((target) => !TARGET_KEYS.includes(target));
  if (unknownTarget) throw new Error(`--targets: unknown "${unknownTarget}"; choose from ${TARGET_KEYS.join(", ")}`);
  const bad = [options.duration, options.patients, options.recordsPerPatient, options.processes, ...options.connections, ...options.growth].some((n) => !Number.isInteger(n) || n < 1);
  if (options.cpuProfile && options.processes > 1) throw new Error("--cpu-prof profiles one process: leave --processes at 1");
  if (options.floor && !options.build) throw new Error("--floor adds routes to the build copy: it needs a build (leave out --no-build)");
  if (bad || options.duration > 120 || options.connections.some((c) => c > 1000) || options.growth.some((g) => g > 200_000)) {
    throw new Error("--duration 1..120 s, --connections up to 1000, --growth up to 200000 records, whole numbers only");
  }
  return options;
}

function runNext(options: { args: string[]; env: NodeJS.ProcessEnv; cwd: string; quiet?: boolean; nodeArgs?: string[] }): ChildProcess {
  const argv = [...(options.nodeArgs ?? []), require.resolve("next/dist/bin/next"), ...options.args];
  return spawn(process.execPath, argv, { cwd: options.cwd, env: options.env, stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"] });
}

/** What `next build` needs of the tree, copied; tests, benches and .next stay behind. */
const APP_SOURCES = ["app", "components", "lib", "prisma", "public", "middleware.ts", "instrumentation.ts", "next.config.ts", "next-env.d.ts", "package.json", "tsconfig.json", "postcss.config.mjs"];

async function buildCopy(cleanup: Cleanup, options: { floor: boolean }): Promise<string> {
  // Inside the tree, not in the temp dir: Turbopack resolves packages only within
  // its workspace root, so the copy finds the tree's node_modules by walking up.
  const dir = await mkdtemp(path.join(rootDir, "bench", ".build-"));
  cleanup.add("remove the build copy", () => rm(dir, { recursive: true, force: true }));
  for (const entry of APP_SOURCES) {
    if (existsSync(path.join(rootDir, entry))) await cp(path.join(rootDir, entry), path.join(dir, entry), { recursive: true });
  }
  // The command-line tools (lib/cli) import test helpers that are not copied; the app never imports them.
  const tsconfigFile = path.join(dir, "tsconfig.json");
  const tsconfig = JSON.parse(await readFile(tsconfigFile, "utf8")) as { exclude?: string[] };
  tsconfig.exclude = [...(tsconfig.exclude ?? []), "lib/cli"];
  await writeFile(tsconfigFile, JSON.stringify(tsconfig, null, 2));
  if (options.floor) await writeFloorRoutes(dir);
  return dir;
}

const exitOf = (child: ChildProcess) => new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));

interface Measured {
  label: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  total: number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One autocannon run; latencies kept per response so p95 is exact (autocannon reports p97.5, not p95). */
async function measure(options: { label: string; url: string; method?: "GET" | "POST"; body?: string; headers: Record<string, string>; connections: number; duration: number }): Promise<Measured> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, method: options.method ?? "GET", body: options.body, headers: options.headers, connections: options.connections, duration: options.duration, timeout: 30 },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const measured: Measured = {
    label: options.label,
    connections: options.connections,
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    total: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  log(`${measured.label} @${measured.connections}: ${measured.requestsPerSecond.toFixed(1)} req/s, p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, ${measured.total} requests, ${measured.errors} errors, ${measured.non2xx} non-2xx`);
  return measured;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const cleanup = new Cleanup();
  // SIGTERM too (`timeout`, `kill`): without it the server and Azurite outlived the script.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => void cleanup.runAll(log).finally(() => process.exit(code)));
  }
  try {
    log(`node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 1024 ** 3)} GiB RAM; load average at start ${loadavg().map((v) => v.toFixed(2)).join(" / ")}`);
    const stack = await startBenchStack({ cleanup, label: "load" });
    const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const serverEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...secrets,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: stack.databaseUrl,
      AZURE_STORAGE_CONNECTION_STRING: stack.azureStorageConnectionString,
      APP_URL: appUrl,
      AUTH_URL: appUrl,
      AUTH_TRUST_HOST: "true",
      LOG_LEVEL: "warn",
    };
    // The app modules this process uses (sessions, the container) read the same settings.
    Object.assign(process.env, { NODE_ENV: "production", DATABASE_URL: stack.databaseUrl, AZURE_STORAGE_CONNECTION_STRING: stack.azureStorageConnectionString, APP_URL: appUrl, LOG_LEVEL: "warn", ...secrets });
    const { recordsContainer } = await import("../../lib/storage/blob-service");
    await recordsContainer().createIfNotExists();

    // The dataset: H7's seedDataset when present, the SQL bulk insert otherwise.
    const seedStart = performance.now();
    const seedModule = path.join(rootDir, "bench/dataset/seed.ts");
    if (existsSync(seedModule)) {
      const { seedDataset } = (await import(seedModule)) as { seedDataset: (o: { databaseUrl: string; patients: number; recordsPerPatient: number }) => Promise<unknown> };
      await seedDataset({ databaseUrl: stack.databaseUrl, patients: options.patients, recordsPerPatient: options.recordsPerPatient });
      log(`seeded with bench/dataset/seed.ts`);
    } else {
      await insertPatientsWithRecords({ databaseUrl: stack.databaseUrl, patients: options.patients, recordsPerPatient: options.recordsPerPatient, label: "main" });
      log(`seeded with bench/load/bulk-records.ts (bench/dataset/seed.ts not present)`);
    }
    const growthOwners = new Map<number, string>();
    for (const size of options.growth) {
      const [id] = await insertPatientsWithRecords({ databaseUrl: stack.databaseUrl, patients: 1, recordsPerPatient: size, label: `growth${size}` });
      growthOwners.set(size, id!);
    }
    const admin = new Client({ connectionString: stack.databaseUrl });
    await admin.connect();
    const counts = await admin.query<{ patients: string; records: string }>(`SELECT (SELECT count(*) FROM "User" WHERE role = 'PATIENT') AS patients, (SELECT count(*) FROM "Record") AS records`);
    // A typical patient of the main dataset: one with the median number of records.
    const typical = await admin.query<{ ownerId: string; id: string }>(
      `SELECT r."ownerId", r.id FROM "Record" r WHERE r."ownerId" = (SELECT "ownerId" FROM "Record" WHERE "ownerId" NOT LIKE 'bench-growth%' GROUP BY "ownerId" ORDER BY count(*) DESC, "ownerId" LIMIT 1) ORDER BY r."createdAt" DESC LIMIT 1`,
    );
    await admin.end();
    log(`dataset: ${counts.rows[0]!.patients} patients, ${counts.rows[0]!.records} records (incl. growth owners with ${options.growth.join(", ")}) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const { ownerId: patientId, id: recordId } = typical.rows[0]!;

    let appDir = rootDir;
    if (options.build) {
      appDir = await buildCopy(cleanup, { floor: options.floor });
      log("next build (production) in a copy of the sources");
      const code = await exitOf(runNext({ args: ["build"], env: serverEnv, cwd: appDir }));
      if (code !== 0) throw new Error("next build failed");
    }
    // --cpu-prof: V8 writes the server's profile when it exits (on SIGTERM below); open it in Chrome DevTools.
    const profileDir = path.join(rootDir, "bench", "profiles");
    const nodeArgs = options.cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const server =
      options.processes > 1
        ? spawn(process.execPath, [path.join(rootDir, "lib", "cli", "next-cluster.mjs"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
            cwd: appDir,
            env: { ...serverEnv, WEB_CONCURRENCY: String(options.processes) },
            stdio: ["ignore", "ignore", "inherit"],
          })
        : runNext({ args: ["start", "--port", String(port), "--hostname", "127.0.0.1"], env: serverEnv, cwd: appDir, quiet: true, nodeArgs });
    if (options.processes > 1) log(`${options.processes} app processes (lib/cli/next-cluster.mjs)`);
    const serverExited = exitOf(server);
    cleanup.add("stop next start", async () => {
      if (server.exitCode === null) server.kill("SIGTERM");
      await serverExited;
    });
    await waitForPort({ host: "127.0.0.1", port, timeoutMs: 60_000 });

    // Signed in as a browser is: a session row, and the JWT cookie Auth.js reads.
    const { createSession } = await import("../../lib/auth/sessions/create-session");
    const { encode } = await import("next-auth/jwt");
    const cookieFor = async (userId: string) => {
      const sid = await createSession({ userId, context: { ipAddress: "127.0.0.1", userAgent: "bench:load" } });
      const token = await encode({ token: { sub: userId, sid }, secret: secrets.AUTH_SECRET, salt: "authjs.session-token", maxAge: 3600 });
      return `authjs.session-token=${token}`;
    };
    const headers = { cookie: await cookieFor(patientId), "user-agent": "bench:load" };

    // Warm up (first requests compile nothing in production, but fill caches and pools) and check each target answers 200.
    // "report" is in every seeded file name; the search text travels in the body (POST /api/search).
    const searchBody = JSON.stringify({ q: "report", archived: false });
    const jsonHeaders = { "content-type": "application/json" };
    const allTargets: Array<{ key: string; label: string; path: string; method?: "GET" | "POST"; body?: string; signedIn: boolean }> = [
      { key: "sign-in", label: "sign-in page", path: "/sign-in", signedIn: false },
      { key: "records-list", label: "records list", path: "/patient", signedIn: true },
      { key: "record-page", label: "record page", path: `/patient/records/${recordId}`, signedIn: true },
      { key: "download-sas", label: "issue download SAS", path: `/api/records/${recordId}/download`, method: "POST", signedIn: true },
      { key: "search", label: "search", path: "/api/search", method: "POST", body: searchBody, signedIn: true },
    ];
    if (options.floor) allTargets.push(...FLOOR_TARGETS);
    const targets = allTargets.filter((target) => !options.targets || options.targets.includes(target.key));
    for (const target of targets) {
      const response = await fetch(`${appUrl}${target.path}`, { method: target.method ?? "GET", body: target.body, headers: { ...(target.signedIn ? headers : {}), ...(target.body ? jsonHeaders : {}) }, redirect: "manual" });
      await response.arrayBuffer();
      log(`warm-up ${target.label}: ${response.status}`);
      if (response.status !== 200) throw new Error(`${target.label} answered ${response.status}, not 200: the measurement would be of an error page`);
    }

    if (options.serve) {
      // A throwaway database and fresh secrets: this cookie opens nothing outside this run.
      log(`serving ${appUrl} until Ctrl-C; signed-in header: cookie: ${headers.cookie}`);
      for (const target of targets) log(`${target.method ?? "GET"} ${appUrl}${target.path}${target.body ? ` ${target.body}` : ""}`);
      await new Promise<never>(() => undefined);
    }

    // autocannon stops counting at the end of a run, but the server still works off what is queued:
    // wait until one plain request is answered quickly again, so a run does not pay for the one before.
    const settle = async () => {
      for (let attempt = 0; attempt < 30; attempt += 1) {
        const start = performance.now();
        const response = await fetch(`${appUrl}/sign-in`, { redirect: "manual" });
        await response.arrayBuffer();
        if (performance.now() - start < 500) return;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    const results: Measured[] = [];
    for (const target of targets) {
      for (const connections of options.connections) {
        await settle();
        results.push(await measure({ label: target.label, url: `${appUrl}${target.path}`, method: target.method, body: target.body, headers: { ...(target.signedIn ? headers : {}), ...(target.body ? jsonHeaders : {}) }, connections, duration: options.duration }));
      }
    }
    const growth: Measured[] = [];
    for (const [size, ownerId] of growthOwners) {
      const ownerHeaders = { cookie: await cookieFor(ownerId), "user-agent": "bench:load" };
      const check = await fetch(`${appUrl}/patient`, { headers: ownerHeaders, redirect: "manual" });
      await check.arrayBuffer();
      if (check.status !== 200) throw new Error(`records list of the ${size}-record owner answered ${check.status}`);
      growth.push(await measure({ label: `records list, owner of ${size} records`, url: `${appUrl}/patient`, headers: ownerHeaders, connections: 10, duration: Math.min(options.duration, 5) }));
      // No search here: the growth owners' rows come from bulk SQL without search documents
      // (bench/search measures search against seedDataset's documents).
    }

    const row = (m: Measured) => `| ${m.label} | ${m.connections} | ${m.requestsPerSecond.toFixed(1)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.total} | ${m.errors} | ${m.non2xx} |`;
    console.log(`\n| target | connections | req/s | p50 ms | p95 ms | p99 ms | requests | errors | non-2xx |\n|---|---|---|---|---|---|---|---|---|`);
    for (const m of [...results, ...growth]) console.log(row(m));
    console.log(`\nload average at the end: ${loadavg().map((v) => v.toFixed(2)).join(" / ")}`);
  } finally {
    await cleanup.runAll(log);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

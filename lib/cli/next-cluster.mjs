// `next start` in WEB_CONCURRENCY processes that share one port, through Node's
// cluster module: one Next.js server is one JavaScript thread, so on a machine
// with several cores one process leaves the others idle (bench/RESULTS.md).
// Any process can serve any request: sessions, rate limits, jobs and the audit
// chain live in Postgres. A process that dies is replaced; SIGINT/SIGTERM stop
// them all. Plain JavaScript, so production runs it with a plain `node`.
//
//   WEB_CONCURRENCY=2 node lib/cli/next-cluster.mjs start --port 3000
//
// Without WEB_CONCURRENCY (or with 1) this is `next start` in this process.
import cluster from "node:cluster";
import { createRequire } from "node:module";
import path from "node:path";

const MAX_PROCESSES = 64;
// A process that keeps dying at start (a bad configuration) is not restarted forever.
const RESTARTS_PER_MINUTE = 5;

function processCount(raw) {
  if (raw === undefined || raw === "") return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROCESSES) {
    console.error(`[medvault] WEB_CONCURRENCY must be a whole number from 1 to ${MAX_PROCESSES} (got "${raw}").`);
    process.exit(2);
  }
  return count;
}

function runNext() {
  const nextBin = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");
  process.argv = [process.argv[0], nextBin, ...process.argv.slice(2)];
  createRequire(import.meta.url)(nextBin);
}

function supervise(count) {
  let stopping = false;
  const recentRestarts = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      // process.exitCode says whether this stop was asked for (0) or a give-up (1).
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const now = Date.now();
    while (recentRestarts.length && now - recentRestarts[0] > 60_000) recentRestarts.shift();
    if (recentRestarts.length >= RESTARTS_PER_MINUTE) {
      console.error(`[medvault] App processes keep stopping (last: ${signal ?? `exit code ${code}`}); giving up.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    recentRestarts.push(now);
    console.error(`[medvault] App process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  for (let index = 0; index < count; index += 1) cluster.fork();
}

const count = processCount(process.env.WEB_CONCURRENCY);
if (cluster.isPrimary && count > 1) supervise(count);
else runNext();

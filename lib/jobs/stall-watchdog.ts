// Ends the worker process when its event loop has not turned for `limitMs`.
//
// A job that loops synchronously (a parser bug on a crafted file: exifr did on
// a HEIC box of size 0) cannot be stopped from the thread it blocks: no timer,
// heartbeat or signal handler runs there again, and the process would sit idle
// for good with the job's lock left to expire. A watcher on its own thread sees
// the main thread's beat stop, writes one log line and kills the process, so
// the supervisor that runs `npm run worker` starts a fresh one; the job is run
// again after its lock expires and, past maxAttempts, fails as WorkerLost.
import { Worker } from "node:worker_threads";

// The watcher's whole program: plain JavaScript, evaluated in its own thread.
const WATCHER = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const beat = new BigInt64Array(workerData.beat);
const timer = setInterval(() => {
  const stalledMs = Date.now() - Number(Atomics.load(beat, 0));
  if (stalledMs < workerData.limitMs) return;
  clearInterval(timer);
  // Straight to fd 2: a worker thread's process.stderr is written by the main thread, which is the one stuck.
  writeSync(2, JSON.stringify({ time: new Date().toISOString(), level: "error", event: "worker.stalled", stalledMs }) + "\\n");
  process.kill(workerData.pid, "SIGKILL");
}, workerData.checkEveryMs);
`;

export function startStallWatchdog(options: { limitMs: number }): { stop: () => Promise<void> } {
  const beat = new SharedArrayBuffer(8);
  const lastTurn = new BigInt64Array(beat);
  const touch = () => Atomics.store(lastTurn, 0, BigInt(Date.now()));
  touch();
  const everyMs = Math.min(1_000, Math.floor(options.limitMs / 4));
  // unref: the beat and the watcher keep nothing alive; the worker's own loop does.
  const beating = setInterval(touch, everyMs);
  beating.unref();
  const watcher = new Worker(WATCHER, { eval: true, workerData: { beat, limitMs: options.limitMs, checkEveryMs: everyMs, pid: process.pid } });
  watcher.unref();
  return {
    stop: async () => {
      clearInterval(beating);
      await watcher.terminate();
    },
  };
}

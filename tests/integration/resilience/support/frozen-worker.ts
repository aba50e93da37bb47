// A worker process with the stall watchdog (as `npm run worker` runs) that
// claims one job of the given type and blocks its event loop in it for good,
// as a parser looping on a crafted file does.
// Run by worker-frozen.test.ts: node --conditions=react-server --import tsx <this> <type> <lockTimeoutMs> <stallLimitMs>
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { createJobRegistry } from "@/lib/jobs/registry";
import { startStallWatchdog } from "@/lib/jobs/stall-watchdog";
import { startWorker } from "@/lib/jobs/worker";

const [type, lockTimeoutMs, stallLimitMs] = process.argv.slice(2);
if (!type || !lockTimeoutMs || !stallLimitMs) throw new Error("usage: frozen-worker <type> <lockTimeoutMs> <stallLimitMs>");

const job = defineJob({
  type,
  payload: z.object({ label: z.string() }),
  handler: async (_payload, ctx) => {
    process.stdout.write(`started ${ctx.jobId}\n`);
    for (;;) {
      // Synchronous and endless: no timer, heartbeat or signal handler runs on this thread again.
    }
  },
});
startStallWatchdog({ limitMs: Number(stallLimitMs) });
startWorker({ concurrency: 1, pollIntervalMs: 20, registry: createJobRegistry({ jobs: [job] }), workerId: "frozen-worker", lockTimeoutMs: Number(lockTimeoutMs) });

// A worker process that claims one job of the given type and hangs in it, so
// the test can kill the process mid-job (SIGKILL: no cleanup, no lock release).
// Run by worker-killed.test.ts: node --conditions=react-server --import tsx <this> <type> <lockTimeoutMs>
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { createJobRegistry } from "@/lib/jobs/registry";
import { startWorker } from "@/lib/jobs/worker";

const [type, lockTimeoutMs] = process.argv.slice(2);
if (!type || !lockTimeoutMs) throw new Error("usage: doomed-worker <type> <lockTimeoutMs>");

const job = defineJob({
  type,
  payload: z.object({ label: z.string() }),
  handler: async (_payload, ctx) => {
    process.stdout.write(`started ${ctx.jobId}\n`);
    await new Promise(() => undefined); // never finishes: the test kills us here
  },
});
startWorker({ concurrency: 1, pollIntervalMs: 20, registry: createJobRegistry({ jobs: [job] }), workerId: "doomed-worker", lockTimeoutMs: Number(lockTimeoutMs) });

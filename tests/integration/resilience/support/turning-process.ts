// A process with the stall watchdog whose event loop keeps turning: short
// bursts of work for four seconds, then a clean exit. The watchdog must let it be.
// Run by worker-frozen.test.ts: node --import tsx <this> <stallLimitMs>
import { startStallWatchdog } from "@/lib/jobs/stall-watchdog";

const watchdog = startStallWatchdog({ limitMs: Number(process.argv[2]) });
const started = Date.now();
const work = setInterval(() => {
  const until = Date.now() + 200;
  while (Date.now() < until) {
    // 200 ms of synchronous work at a time, well under the limit.
  }
  if (Date.now() - started > 4_000) {
    clearInterval(work);
    void watchdog.stop().then(() => process.stdout.write("done\n"));
  }
}, 50);

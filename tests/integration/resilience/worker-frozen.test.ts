// A job blocks the worker's event loop for good (a parser looping on a crafted
// file): the stall watchdog sees the main thread stop, logs it and kills the
// process, so a supervisor can start a fresh one; the job is then run again
// once its lock has expired. And a worker that keeps turning is left alone.
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { jobRow, queuedRecordingJob, startTestWorker, stopTestWorkers, waitFor } from "@/tests/integration/jobs/job-test-kit";

jest.setTimeout(60_000);
const LOCK_TIMEOUT_MS = 2_000;
const STALL_LIMIT_MS = 1_500;

afterEach(() => stopTestWorkers());
afterAll(() => db.$disconnect());

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "support", script), ...args], {
    env: { ...process.env, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

describe("a worker frozen by a job", () => {
  it("is killed by its watchdog, says so in one log line, and the job runs again elsewhere", async () => {
    const { type, runs, registry, id } = await queuedRecordingJob("frozen");

    const frozen = run("frozen-worker.ts", [type, String(LOCK_TIMEOUT_MS), String(STALL_LIMIT_MS)]);
    try {
      await waitFor(async () => frozen.output().includes(`started ${id}`), { timeoutMs: 30_000, what: `the worker to start job ${id}: ${frozen.output()}` });
      // Nobody kills it but its own watchdog.
      const ended = await Promise.race([frozen.exited, new Promise((resolve) => setTimeout(() => resolve("still running"), 20_000))]);
      expect(ended).toEqual({ code: null, signal: "SIGKILL" });
    } finally {
      frozen.child.kill("SIGKILL");
    }
    const stalled = frozen.output().split("\n").find((line) => line.includes('"worker.stalled"'));
    expect(JSON.parse(stalled!)).toMatchObject({ level: "error", event: "worker.stalled", stalledMs: expect.any(Number) });
    expect(await jobRow(id)).toMatchObject({ lockedBy: "frozen-worker", attempts: 1, completedAt: null });

    startTestWorker({ registry, workerId: "rescuer", lockTimeoutMs: LOCK_TIMEOUT_MS });
    await waitFor(async () => (await jobRow(id)).completedAt, { timeoutMs: 20_000, what: "the rescue" });
    expect(runs).toEqual(["rescuer#2"]);
  });

  it("leaves a process alone whose event loop keeps turning, even through bursts of work", async () => {
    const busy = run("turning-process.ts", [String(STALL_LIMIT_MS)]);
    expect(await busy.exited).toEqual({ code: 0, signal: null });
    expect(busy.output()).toContain("done");
    expect(busy.output()).not.toContain("worker.stalled");
  });
});

// A worker process dies mid-job (OOM killer, deploy, power): its job stays
// locked by a process that no longer exists. Once the lock is older than the
// lock timeout another worker runs it again, and it completes exactly once.
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { jobRow, queuedRecordingJob, sleep, startTestWorker, stopTestWorkers, waitFor } from "@/tests/integration/jobs/job-test-kit";

jest.setTimeout(60_000);
const LOCK_TIMEOUT_MS = 2_000;

afterEach(() => stopTestWorkers());
afterAll(() => db.$disconnect());

describe("a worker killed mid-job", () => {
  it("leaves the job locked; after the lock expires another worker runs it, and it is completed exactly once", async () => {
    const { type, runs, registry, id } = await queuedRecordingJob("killed");

    // A separate process, so SIGKILL is a real death: no finally blocks, no lock release.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "support/doomed-worker.ts"), type, String(LOCK_TIMEOUT_MS)], {
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(async () => output.includes(`started ${id}`), { timeoutMs: 30_000, what: `the doomed worker to start job ${id}: ${output}` });
    } finally {
      child.kill("SIGKILL");
    }
    expect(await exited).toBe("SIGKILL");
    expect(await jobRow(id)).toMatchObject({ lockedBy: "doomed-worker", attempts: 1, completedAt: null });

    startTestWorker({ registry, workerId: "rescuer", lockTimeoutMs: LOCK_TIMEOUT_MS });
    // Not before the lock has gone stale: a live worker's job is never taken over.
    await sleep(LOCK_TIMEOUT_MS / 4);
    expect(runs).toEqual([]);
    await waitFor(async () => (await jobRow(id)).completedAt, { timeoutMs: 20_000, what: "the rescue" });
    await sleep(LOCK_TIMEOUT_MS + 500); // room for a wrong second run to show up
    expect(runs).toEqual(["rescuer#2"]);
    expect(await jobRow(id)).toMatchObject({ attempts: 2, lockedBy: null, failedAt: null });
  });
});

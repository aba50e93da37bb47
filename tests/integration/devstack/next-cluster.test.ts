// lib/cli/next-cluster.mjs, the launcher that runs `next start` in
// WEB_CONCURRENCY processes on one port. Here it launches a stand-in for Next's
// CLI (a server that answers with its process id), so the supervision itself is
// tested in seconds: the processes share the port, a dead one is replaced, a
// signal stops them all, a bad setting is refused. The real Next.js server runs
// under the launcher in every Playwright run (playwright.config.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@/tests/setup/free-port";

const launcher = path.resolve(__dirname, "../../../lib/cli/next-cluster.mjs");

// Answers every request with its pid; `next start --port N` is all it understands.
const STAND_IN_NEXT = `
const http = require("node:http");
const port = Number(process.argv[process.argv.indexOf("--port") + 1]);
if (process.argv[2] !== "start") process.exit(3);
if (process.env.STAND_IN_CRASH) process.exit(1);
http.createServer((request, response) => response.end(String(process.pid))).listen(port, "127.0.0.1");
`;

let appDir: string;
const running: ChildProcess[] = [];

beforeAll(async () => {
  appDir = await mkdtemp(path.join(tmpdir(), "medvault-cluster-"));
  await writeFile(path.join(appDir, "package.json"), JSON.stringify({ name: "stand-in-app", private: true }));
  const binDir = path.join(appDir, "node_modules", "next", "dist", "bin");
  await mkdir(binDir, { recursive: true });
  await writeFile(path.join(appDir, "node_modules", "next", "package.json"), JSON.stringify({ name: "next", version: "0.0.0" }));
  await writeFile(path.join(binDir, "next"), STAND_IN_NEXT);
});

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  }
});

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

function launch(webConcurrency: string, port: number, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [launcher, "start", "--port", String(port)], {
    cwd: appDir,
    env: { PATH: process.env.PATH, NODE_ENV: "production", WEB_CONCURRENCY: webConcurrency, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  running.push(child);
  return { child, stderr: () => stderr };
}

/** One request on a connection of its own (the cluster hands out connections, not requests). */
function pidAnswering(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(Number(body)));
    });
    request.on("error", reject);
    // A connection handed to a process that just died may never be answered.
    request.setTimeout(1_000, () => request.destroy(new Error("no answer")));
  });
}

async function pidsAnswering(port: number, options: { atLeast: number; timeoutMs?: number }): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (pids.size < options.atLeast && Date.now() < deadline) {
    try {
      pids.add(await pidAnswering(port));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50)); // not listening yet
    }
  }
  return pids;
}

describe("next-cluster launcher", () => {
  it("runs WEB_CONCURRENCY processes on one port, replaces one that dies, and stops them all on SIGTERM", async () => {
    const port = await freePort();
    const { child } = launch("2", port);
    const first = await pidsAnswering(port, { atLeast: 2 });
    expect(first.size).toBe(2);
    expect(first.has(child.pid!)).toBe(false);

    const [victim, survivor] = [...first];
    process.kill(victim!, "SIGKILL");
    const replacement = await (async () => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const pids = await pidsAnswering(port, { atLeast: 2, timeoutMs: 2_000 });
        const fresh = [...pids].find((pid) => pid !== survivor && pid !== victim);
        if (fresh) return fresh;
      }
      return undefined;
    })();
    expect(replacement).toBeDefined();

    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    for (const pid of [survivor!, replacement!]) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);

  it("is `next start` in its own process when WEB_CONCURRENCY is unset or 1", async () => {
    const port = await freePort();
    const { child } = launch("1", port);
    const pids = await pidsAnswering(port, { atLeast: 1 });
    expect([...pids]).toEqual([child.pid]);
  }, 15_000);

  it("gives up with exit code 1 when the processes keep dying at start", async () => {
    const { child, stderr } = launch("2", await freePort(), { STAND_IN_CRASH: "1" });
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(1);
    expect(stderr()).toContain("App processes keep stopping (last: exit code 1); giving up.");
  }, 15_000);

  it.each(["0", "two", "1.5", "65"])("refuses WEB_CONCURRENCY=%s with a message", async (value) => {
    const { child, stderr } = launch(value, await freePort());
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(2);
    expect(stderr()).toContain("WEB_CONCURRENCY must be a whole number from 1 to 64");
  });
});

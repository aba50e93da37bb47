// Runs the test tools as child processes whose output streams straight to the
// terminal, and remembers the live ones so Ctrl-C / SIGTERM can stop them before
// the run tears its database and Azurite down.
import { spawn, type ChildProcess } from "node:child_process";

const running = new Set<ChildProcess>();
// Once the run is being stopped, later steps must not start new tools.
let accepting = true;

/** Runs `node <script> ...args` and resolves with its exit code (signals count as failure). */
export function runNode(options: { script: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string; nodeArgs?: string[] }): Promise<number> {
  return new Promise((resolve) => {
    if (!accepting) return resolve(1);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script, ...options.args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    running.add(child);
    child.on("error", (error) => {
      console.error(`Could not start ${options.script}: ${error.message}`);
      running.delete(child);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Asks every live child to stop, refuses new ones, and waits (bounded) until they have. */
export async function stopAllChildren(signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<void> {
  accepting = false;
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, graceMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill(signal);
        }),
    ),
  );
}

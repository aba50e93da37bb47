// Port checks for the dev launcher. Next picks another port by itself when its
// port is taken, and a second embedded Postgres or Azurite would fail deep in
// its start-up; checking first lets us refuse with one clear sentence instead.
import { createConnection, createServer } from "node:net";

export class PortInUseError extends Error {
  constructor(public readonly port: number, service: string, remedy: string) {
    super(
      `Port ${port} (${service}) is already in use by another program. ` +
        `Is MedVault already running in another terminal? Stop that program ` +
        `(find it with \`lsof -i :${port}\`), or ${remedy}.`,
    );
    this.name = "PortInUseError";
  }
}

/**
 * Throws PortInUseError when `port` cannot be bound on `host`. Binding (not
 * connecting) is the test that matches what the service itself will do next.
 * `host` undefined means all interfaces, like Next's default.
 */
export async function ensurePortFree(options: { port: number; host?: string; service: string; remedy: string }): Promise<void> {
  const { port, host, service, remedy } = options;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port, service, remedy) : error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Resolves once something accepts TCP connections on host:port; rejects after timeoutMs. */
export async function waitForPort(options: { port: number; host?: string; timeoutMs?: number }): Promise<void> {
  const { port, host = "127.0.0.1", timeoutMs = 30_000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await answers(port, host)) return;
    if (Date.now() > deadline) throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function answers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A host to connect to for a listener bound on `host` (wildcards are reached over loopback). */
export function connectableHost(host: string): string {
  return host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
}

/** host:port for a URL (IPv6 literals need brackets). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

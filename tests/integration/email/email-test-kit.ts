// Stand-ins at the HTTP/SMTP boundary for the mail tests: a local HTTP server
// that records what the Resend client sends (pointed at by RESEND_BASE_URL) and
// can be "down"; a real SMTP server (smtp-server) that can be stopped and
// started again on the same port. Plus: run one queued job by id, so a test
// drives exactly its own job through the real job runner.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ClaimedJob } from "@/lib/jobs/claim-job";
import { appJobRegistry } from "@/lib/jobs/registry";
import { runClaimedJob, type JobOutcome } from "@/lib/jobs/run-job";
import { freePort } from "@/tests/setup/free-port";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

/** Answers POST /emails like Resend: 200 with an id, or 503 while down; replays by Idempotency-Key like Resend. */
export async function startResendRecorder() {
  const requests: RecordedRequest[] = [];
  const byKey = new Map<string, string>();
  let down = false;
  let loseNextAnswer = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      if (down) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ name: "internal_server_error", statusCode: 503, message: "Service unavailable" }));
        return;
      }
      const key = String(req.headers["idempotency-key"] ?? "");
      const id = byKey.get(key) ?? `re_${requests.length}`;
      if (key) byKey.set(key, id);
      if (loseNextAnswer) {
        // Accepted (the key is remembered) but the answer never arrives.
        loseNextAnswer = false;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Distinct mails Resend would have delivered (one per idempotency key). */
    delivered: () => byKey.size,
    setDown: (value: boolean) => {
      down = value;
    },
    loseNextAnswer: () => {
      loseNextAnswer = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server (no TLS, no auth) on a fixed port that can go away and come back. */
export async function startSmtpRecorder() {
  const port = await freePort();
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw: Buffer.concat(chunks).toString("utf8"),
            });
            callback();
          });
        },
      });
      server.on("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const current = server;
      server = null;
      current.close(() => resolve());
    });
  return { url: `smtp://127.0.0.1:${port}`, mails, start, stop };
}

type Provider = { resend: string } | { smtp: string } | "dev-outbox";

/** Points this test process's settings at a provider (env() is parsed once; tests change the parsed copy). */
export function useEmailProvider(provider: Provider): void {
  const settings = env();
  settings.RESEND_API_KEY = typeof provider === "object" && "resend" in provider ? "re_test_key" : undefined;
  settings.RESEND_BASE_URL = typeof provider === "object" && "resend" in provider ? provider.resend : undefined;
  settings.SMTP_URL = typeof provider === "object" && "smtp" in provider ? provider.smtp : undefined;
}

export const sendJobFor = (emailId: string) =>
  db.job.findFirstOrThrow({ where: { type: "send-email", payload: { path: ["emailId"], equals: emailId } }, orderBy: { id: "desc" } });

/** Claims one specific job, due or not (a test does not wait out the backoff), and runs it through the real runner. */
export async function runJobNow(jobId: bigint, workerId = "email-test"): Promise<JobOutcome> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "lockedAt" = (now() AT TIME ZONE 'UTC'), "lockedBy" = ${workerId}, "attempts" = "attempts" + 1
    WHERE "id" = ${jobId} AND "completedAt" IS NULL AND "failedAt" IS NULL AND "lockedAt" IS NULL
    RETURNING "id", "type", "payload", "attempts", "maxAttempts"`;
  const job = rows[0];
  if (!job) throw new Error(`job ${jobId} is not claimable`);
  return runClaimedJob({ job, registry: appJobRegistry(), workerId, lockTimeoutMs: 60_000, signal: new AbortController().signal });
}

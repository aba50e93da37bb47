// Mail through the job queue, against the real Postgres: sendEmail writes the
// OutboundEmail row and its "send-email" job in the caller's transaction; the
// job hands the row to Resend (a local recorder, via RESEND_BASE_URL) or to a
// real SMTP server; an outage is retried and ends in exactly one delivery.
// All provider tests live in this one file: they run send-email jobs, which no
// other suite enqueues (the others use the dev outbox).
import { requestPasswordReset } from "@/lib/auth/password-reset/request-password-reset";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { renderEmail } from "@/lib/email/templates/layout";
import { sendEmailJob } from "@/lib/email/jobs/send-email-job";
import { notify } from "@/lib/notifications/notify";
import { createUser, testContext } from "@/tests/factories/users";
import { startTestWorker, stopTestWorkers, testRegistry, waitFor } from "../jobs/job-test-kit";
import { runJobNow, sendJobFor, startResendRecorder, startSmtpRecorder, useEmailProvider } from "./email-test-kit";

const content = renderEmail({ subject: "Hello from the queue", heading: "Hello", paragraphs: ["Plain words."], action: { label: "Open", url: "http://localhost:3000/notifications" } });
const unique = () => `mail-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
const row = (id: string) => db.outboundEmail.findUniqueOrThrow({ where: { id } });

let resend: Awaited<ReturnType<typeof startResendRecorder>>;
let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;

beforeAll(async () => {
  resend = await startResendRecorder();
  smtp = await startSmtpRecorder();
});
afterEach(async () => {
  await stopTestWorkers();
  resend.setDown(false);
  useEmailProvider("dev-outbox");
});
afterAll(async () => {
  await resend.close();
  await smtp.stop();
  await db.$disconnect();
});

describe("sendEmail with Resend", () => {
  it("queues the mail in the caller's transaction; the worker sends it once with the row id as Idempotency-Key", async () => {
    useEmailProvider({ resend: resend.url });
    const to = unique();
    const { id } = await db.$transaction((tx) => sendEmail({ tx, to, template: "test-mail", content }));
    expect(await row(id)).toMatchObject({ status: "PENDING", provider: "resend", attempts: 0, sentAt: null });
    const job = await sendJobFor(id);
    // Only the id is queued: the body (one-time links) stays in the row.
    expect(job.payload).toEqual({ emailId: id });

    startTestWorker({ registry: testRegistry([sendEmailJob]) });
    await waitFor(async () => (await row(id)).status === "SENT", { what: "the mail to be sent" });
    const requests = resend.requests.filter((request) => (request.body.to as string[] | string)?.toString() === to);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/emails" });
    expect(requests[0]!.headers["idempotency-key"]).toBe(id);
    expect(requests[0]!.headers.authorization).toBe("Bearer re_test_key");
    expect(requests[0]!.body).toMatchObject({ subject: "Hello from the queue", html: content.html, text: content.text });
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
    // The row turns SENT inside the handler; the job is marked completed just after it returns.
    await waitFor(async () => (await db.job.findUniqueOrThrow({ where: { id: job.id } })).completedAt, { what: "the job to complete" });
  });

  it("leaves no mail and no job when the caller's transaction rolls back", async () => {
    useEmailProvider({ resend: resend.url });
    const to = unique();
    await expect(
      db.$transaction(async (tx) => {
        await sendEmail({ tx, to, template: "test-mail", content });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboundEmail.count({ where: { to } })).toBe(0);
  });

  it("provider down then back: the notification is there at once, the mail is retried with backoff and sent once, never twice", async () => {
    useEmailProvider({ resend: resend.url });
    const { user } = await createUser({ role: "PATIENT", password: null });
    resend.setDown(true);

    await db.$transaction((tx) => notify({ tx, userId: user.id, type: "GRANT_EXPIRING", title: "A share of your records ends soon", body: "Share again to extend it.", link: "/patient/sharing" }));
    // In the app at once, whatever the provider does.
    expect(await db.notification.count({ where: { userId: user.id, type: "GRANT_EXPIRING", inApp: true, readAt: null } })).toBe(1);
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(mail).toMatchObject({ status: "PENDING", template: "notification-grant-expiring" });
    const job = await sendJobFor(mail.id);

    expect(await runJobNow(job.id)).toBe("retry");
    expect(await runJobNow(job.id)).toBe("retry");
    const retrying = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(retrying).toMatchObject({ attempts: 2, completedAt: null, failedAt: null });
    expect(retrying.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(retrying.lastError).toMatch(/EmailDeliveryError \[503\]: Resend refused the mail/);
    expect(retrying.lastError).not.toContain(user.email);
    expect(await row(mail.id)).toMatchObject({ status: "PENDING", attempts: 2 });

    resend.setDown(false);
    expect(await runJobNow(job.id)).toBe("completed");
    expect(await row(mail.id)).toMatchObject({ status: "SENT", attempts: 3 });

    // A second run of the same mail (a duplicate job, a worker that died after sending) sends nothing.
    const { id: duplicate } = await db.job.create({ data: { type: "send-email", payload: { emailId: mail.id }, maxAttempts: 3 } });
    expect(await runJobNow(duplicate)).toBe("completed");
    const forMail = resend.requests.filter((request) => request.headers["idempotency-key"] === mail.id);
    expect(forMail).toHaveLength(3); // two refused, one accepted
    expect(forMail.every((request) => String(request.body.to) === user.email)).toBe(true);
    expect(resend.delivered()).toBeGreaterThanOrEqual(1);
    expect(new Set(forMail.map((request) => request.headers["idempotency-key"])).size).toBe(1);
  });

  it("an answer lost after Resend accepted: the retry carries the same key, so Resend delivers it once", async () => {
    useEmailProvider({ resend: resend.url });
    const to = unique();
    const { id } = await sendEmail({ to, template: "test-mail", content });
    const job = await sendJobFor(id);
    const deliveredBefore = resend.delivered();
    resend.loseNextAnswer();
    expect(await runJobNow(job.id)).toBe("retry");
    expect(await runJobNow(job.id)).toBe("completed");
    const requests = resend.requests.filter((request) => request.headers["idempotency-key"] === id);
    expect(requests).toHaveLength(2);
    expect(resend.delivered() - deliveredBefore).toBe(1);
    expect(await row(id)).toMatchObject({ status: "SENT" });
  });

  it("marks the mail FAILED when the last attempt fails (the job shows as failed for admins)", async () => {
    useEmailProvider({ resend: resend.url });
    resend.setDown(true);
    const { id } = await sendEmail({ to: unique(), template: "test-mail", content });
    const job = await sendJobFor(id);
    await db.job.update({ where: { id: job.id }, data: { maxAttempts: 2 } });
    expect(await runJobNow(job.id)).toBe("retry");
    expect(await runJobNow(job.id)).toBe("failed");
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 2, sentAt: null });
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).failedAt).toBeInstanceOf(Date);
  });

  it("keeps the auth mails working: a password reset mail goes through the queue with its link", async () => {
    useEmailProvider({ resend: resend.url });
    const { user } = await createUser();
    await requestPasswordReset({ email: user.email, context: testContext });
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { to: user.email, template: "reset-password" } });
    expect(mail.status).toBe("PENDING");
    expect(await runJobNow((await sendJobFor(mail.id)).id)).toBe("completed");
    const request = resend.requests.find((candidate) => candidate.headers["idempotency-key"] === mail.id);
    expect(String(request?.body.text)).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(await row(mail.id)).toMatchObject({ status: "SENT" });
  });
});

describe("sendEmail with SMTP", () => {
  it("delivers through a real SMTP server after it comes back, once, with the row id as Message-ID", async () => {
    useEmailProvider({ smtp: smtp.url });
    await smtp.stop();
    const to = unique();
    const { id } = await sendEmail({ to, template: "test-mail", content });
    expect(await row(id)).toMatchObject({ status: "PENDING", provider: "smtp" });
    const job = await sendJobFor(id);

    expect(await runJobNow(job.id)).toBe("retry");
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1 });

    await smtp.start();
    expect(await runJobNow(job.id)).toBe("completed");
    const received = smtp.mails.filter((mail) => mail.to.includes(to));
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toContain(`Message-ID: <${id}@medvault>`);
    expect(received[0]!.raw).toContain("Subject: Hello from the queue");
    expect(received[0]!.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2 });

    const { id: again } = await db.job.create({ data: { type: "send-email", payload: { emailId: id }, maxAttempts: 3 } });
    expect(await runJobNow(again)).toBe("completed");
    expect(smtp.mails.filter((mail) => mail.to.includes(to))).toHaveLength(1);
  });
});

describe("sendEmail without a provider", () => {
  it("writes the dev outbox row as sent, with no job", async () => {
    useEmailProvider("dev-outbox");
    const { id } = await sendEmail({ to: unique(), template: "test-mail", content });
    expect(await row(id)).toMatchObject({ status: "SENT", provider: "dev-outbox" });
    expect(await db.job.count({ where: { type: "send-email", payload: { path: ["emailId"], equals: id } } })).toBe(0);
  });
});

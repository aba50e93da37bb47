// The log scan must find each kind of leak it claims to find, report it without
// repeating the secret, and stay quiet on what the redacting logger writes.
import { redact } from "@/lib/logger";
import { describeFindings, LOG_CANARY, scanLog } from "@/lib/testing/log-scan";

const line = (fields: Record<string, unknown>) => JSON.stringify({ time: "2026-11-23T12:00:00.000Z", level: "info", event: "test", ...fields });

const planted: Array<[kind: string, text: string, secret: string]> = [
  ["planted medical content", line({ event: "extraction.done", preview: `Findings: ${LOG_CANARY} in the left arm` }), LOG_CANARY],
  ["planted medical content", "job failed: Type 2 diabetes mellitus for patient", "Type 2 diabetes mellitus"],
  ["factory password", line({ attempt: "correct horse 0a1b2c3d4e5f" }), "correct horse 0a1b2c3d4e5f"],
  ["factory password", "[WebServer] signing in with lantern harbour 0a1b2c3d4e violet", "lantern harbour 0a1b2c3d4e violet"],
  ["TOTP code", line({ code: "492039" }), "492039"],
  ["TOTP code", "user entered code 492039 at sign-in", "492039"],
  ["SAS signature", line({ url: "http://127.0.0.1:10000/devstoreaccount1/c/b?sv=2025-01-05&se=2026&sp=r&sig=Zm9vYmFyYmF6cXV4cXV1eA%3D%3D" }), "Zm9vYmFyYmF6cXV4cXV1eA%3D%3D"],
  ["bearer token", "upstream said: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"],
  ["cookie", "[WebServer] cookie: authjs.session-token=5d1f0c2b9a8e7d6c5b4a3f2e1d0c9b8a", "5d1f0c2b9a8e7d6c5b4a3f2e1d0c9b8a"],
  ["cookie", line({ header: "Set-Cookie: sid=abcdef0123456789; HttpOnly" }), "abcdef0123456789"],
];

describe("scanLog", () => {
  it.each(planted)("finds %s", (kind, text, secret) => {
    const findings = scanLog(["clean line", text, "another clean line"].join("\n"));
    expect(findings).toEqual([expect.objectContaining({ kind, count: 1, lines: [2] })]);
    expect(findings[0]!.events).toEqual(text.startsWith("{") ? [JSON.parse(text).event] : []);
    // The report never repeats the secret.
    expect(describeFindings(findings, "app.log").join("\n")).not.toContain(secret);
  });

  it("counts every finding and reports at most ten line numbers per kind", () => {
    const text = Array.from({ length: 25 }, (_, i) => (i % 2 ? line({ note: LOG_CANARY }) : "ok")).join("\n");
    const [finding] = scanLog(text);
    expect(finding).toMatchObject({ kind: "planted medical content", count: 12 });
    expect(finding!.lines).toHaveLength(10);
    expect(finding!.events).toEqual(["test"]);
    expect(describeFindings([finding!], "app.log")[0]).toMatch(/^app\.log: 12 line\(s\) with planted medical content \(lines 2, 4, .*, \.\.\.; events: test\)$/);
  });

  it("stays quiet on what the redacting logger writes and on ordinary lines", () => {
    const redacted = line(
      redact({
        password: "correct horse 0a1b2c3d4e5f",
        code: "492039",
        url: "http://127.0.0.1:10000/a/b?sv=1&sig=Zm9vYmFyYmF6cXV4cXV1eA%3D%3D",
        authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
        message: "upstream Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
        cookie: "authjs.session-token=5d1f0c2b9a8e7d6c5b4a3f2e1d0c9b8a",
      }) as Record<string, unknown>,
    );
    const ordinary = [
      line({ event: "job.completed", jobId: "123456", attempt: 1 }),
      line({ event: "route.failed", route: "uploads.finalize", error: "RestError" }),
      "[WebServer] ▲ Next.js 16 - Local: http://127.0.0.1:41234",
      "status code 404 after 123456 ms",
    ];
    expect(scanLog([redacted, ...ordinary].join("\n"))).toEqual([]);
  });
});

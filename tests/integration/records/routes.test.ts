// The browser-facing route handlers: status codes and bodies the upload UI
// relies on. The session is stubbed; everything behind it is real.
import { authenticate } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, ERROR_CODES } from "@/lib/errors";
import { POST as download } from "@/app/api/records/[recordId]/download/route";
import { POST as finalize } from "@/app/api/uploads/[slotId]/finalize/route";
import { POST as issueSlot } from "@/app/api/uploads/route";
import { pdfBytes, uploadWithSas } from "@/tests/factories/files";
import { createActor } from "./helpers";

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));

afterAll(() => db.$disconnect());

const post = (body?: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/x", { method: "POST", headers: { host: "localhost:3000", "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

describe("upload and download routes", () => {
  it("issue a slot (201), finalize it (200, outcome ready) and hand out a download URL; errors are mapped and never cached", async () => {
    const patient = await createActor();
    jest.mocked(authenticate).mockResolvedValue(patient as never);
    const bytes = pdfBytes();

    const slotResponse = await issueSlot(post({ patientId: patient.id, fileName: "a.pdf", declaredType: "application/pdf", declaredSize: bytes.length }), params({}));
    expect(slotResponse.status).toBe(201);
    expect(slotResponse.headers.get("cache-control")).toBe("no-store");
    const slot = (await slotResponse.json()) as { slotId: string; uploadUrl: string; blockSize: number; expiresAt: string };
    expect(Object.keys(slot).sort()).toEqual(["blockSize", "expiresAt", "slotId", "uploadUrl"]);
    await uploadWithSas(slot.uploadUrl, bytes);

    const finalized = await finalize(post(), params({ slotId: slot.slotId }));
    expect(finalized.status).toBe(200);
    const body = (await finalized.json()) as { outcome: string; record: { id: string; sizeBytes: number } };
    expect(body).toMatchObject({ outcome: "ready", record: { sizeBytes: bytes.length, mimeType: "application/pdf" } });

    const url = await download(post(), params({ recordId: body.record.id }));
    expect(url.status).toBe(200);
    expect(await url.json()).toEqual({ url: expect.stringContaining("sig="), expiresAt: expect.any(String) });

    const missing = await download(post(), params({ recordId: "no-such-record" }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: ERROR_CODES.NOT_FOUND.message } });

    const invalid = await issueSlot(post({ patientId: patient.id, fileName: "a.html", declaredType: "text/html", declaredSize: 10 }), params({}));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { fieldErrors: object } }).error.fieldErrors).toHaveProperty("declaredType");

    const malformed = await issueSlot(new Request("http://localhost:3000/api/uploads", { method: "POST", headers: { host: "localhost:3000" }, body: "{" }), params({}));
    expect(malformed.status).toBe(400);
  });

  it("refuses signed-out and cross-site calls, and hides unknown errors", async () => {
    jest.mocked(authenticate).mockRejectedValueOnce(new AppError("UNAUTHENTICATED"));
    expect((await download(post(), params({ recordId: "x" }))).status).toBe(401);

    jest.mocked(authenticate).mockResolvedValue((await createActor()) as never);
    expect((await download(post(undefined, { "sec-fetch-site": "cross-site" }), params({ recordId: "x" }))).status).toBe(403);
    expect((await download(post(undefined, { origin: "https://evil.example" }), params({ recordId: "x" }))).status).toBe(403);

    jest.mocked(authenticate).mockRejectedValueOnce(new Error("db exploded at postgres://secret"));
    const failed = await download(post(), params({ recordId: "x" }));
    expect(failed.status).toBe(500);
    expect(JSON.stringify(await failed.json())).not.toContain("secret");
  });
});

// What the SAS URLs we hand to browsers can and cannot do, checked against
// Azurite (which enforces SAS like Azure does).
import { BlockBlobClient, ContainerClient, RestError } from "@azure/storage-blob";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";
import { issuePreviewUrl } from "@/lib/records/issue-preview-url";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import { finalizeUpload } from "@/lib/records/finalize-upload";
import { docxBytes, pdfBytes, pngBytes, uploadWithSas } from "@/tests/factories/files";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
import { context, createActor, errorOf, readyRecord, statusOf } from "./helpers";

// Pass-through, so one test can make the audit write fail.
jest.mock("@/lib/audit/record-audit-event", () => {
  const actual = jest.requireActual<typeof import("@/lib/audit/record-audit-event")>("@/lib/audit/record-audit-event");
  return { ...actual, recordAuditEvent: jest.fn(actual.recordAuditEvent) };
});

afterAll(() => db.$disconnect());

async function storageStatus(action: Promise<unknown>): Promise<number> {
  try {
    await action;
    return 200;
  } catch (error) {
    if (error instanceof RestError) return error.statusCode ?? -1;
    throw error;
  }
}

/** The same SAS query string on another path of the account. */
function withPath(sasUrl: string, path: (current: string) => string): string {
  const url = new URL(sasUrl);
  url.pathname = path(url.pathname);
  return url.toString();
}

describe("the upload SAS", () => {
  it("can write its one blob but cannot read it, list the container, or write or delete another blob", async () => {
    const patient = await createActor();
    const bytes = pdfBytes();
    const slot = await issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "a.pdf", declaredType: "application/pdf", declaredSize: bytes.length }, context });
    await uploadWithSas(slot.uploadUrl, bytes);
    const own = new BlockBlobClient(slot.uploadUrl);

    expect(await storageStatus(own.downloadToBuffer())).toBe(403);
    expect(await storageStatus(own.getProperties())).toBe(403);
    expect(await storageStatus(own.delete())).toBe(403);

    const container = new ContainerClient(withPath(slot.uploadUrl, (p) => p.split("/").slice(0, 3).join("/")));
    expect(await storageStatus(container.listBlobsFlat().next())).toBe(403);

    const sibling = new BlockBlobClient(withPath(slot.uploadUrl, (p) => `${p.slice(0, p.lastIndexOf("/"))}/someone-else`));
    expect(await storageStatus(sibling.upload(Buffer.from("x"), 1))).toBe(403);
    expect(await storageStatus(sibling.delete())).toBe(403);
    expect(await storageStatus(fetch(withPath(slot.uploadUrl, (p) => `${p}-other`), { method: "PUT", body: "x", headers: { "x-ms-blob-type": "BlockBlob" } }).then((r) => { if (r.status >= 400) throw new RestError("refused", { statusCode: r.status }); }))).toBe(403);
  });

  it("cannot replace the file once it is verified (the server's lease freezes it)", async () => {
    const patient = await createActor();
    const bytes = pdfBytes();
    const slot = await issueUploadSlot({ actor: patient, input: { patientId: patient.id, fileName: "a.pdf", declaredType: "application/pdf", declaredSize: bytes.length }, context });
    await uploadWithSas(slot.uploadUrl, bytes);
    const result = await finalizeUpload({ actor: patient, slotId: slot.slotId, context });
    expect(result.outcome).toBe("ready");

    const status = await storageStatus(new BlockBlobClient(slot.uploadUrl).upload(Buffer.from("<html>swapped</html>"), 20));
    expect(status).toBe(412);
    const { url } = await issueDownloadUrl({ actor: patient, recordId: (result as { record: { id: string } }).record.id, context });
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe("the download and preview SAS", () => {
  it("reads the file with attachment disposition and the verified type, audits first, and cannot write", async () => {
    const patient = await createActor();
    const bytes = pdfBytes();
    const { record } = await readyRecord({ actor: patient, bytes, declaredType: "application/pdf", fileName: 'Befund "Müller" ✓.pdf' });
    const { url, expiresAt } = await issueDownloadUrl({ actor: patient, recordId: record.id, context });
    expect(new URL(url).searchParams.get("sp")).toBe("r");
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Befund _Muller_ _.pdf"; filename*=UTF-8''Befund%20%22M%C3%BCller%22%20%E2%9C%93.pdf`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    expect(await statusOf(fetch(url, { method: "PUT", body: "x", headers: { "x-ms-blob-type": "BlockBlob" } }))).toBe(403);
    expect(await statusOf(fetch(url, { method: "DELETE" }))).toBe(403);

    const audit = await db.auditEvent.findMany({ where: { targetId: record.id, action: "record.downloaded" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: patient.id, patientId: patient.id, outcome: "ALLOWED" });
    expect(JSON.stringify(audit[0]!.details ?? null)).not.toContain("sig=");
  });

  it("stops working after it expires", async () => {
    const patient = await createActor();
    const { record } = await readyRecord({ actor: patient, bytes: pdfBytes(), declaredType: "application/pdf" });
    const { url } = await issueDownloadUrl({ actor: patient, recordId: record.id, context, expiresInMs: 2_000 });
    expect(await statusOf(fetch(url))).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(await statusOf(fetch(url))).toBe(403);
  });

  it("previews images and PDFs inline, lets the page draw text itself, and refuses other types", async () => {
    const patient = await createActor();
    const png = await pngBytes();
    const { record } = await readyRecord({ actor: patient, bytes: png, declaredType: "image/png", fileName: "xray.png" });
    const { url } = await issuePreviewUrl({ actor: patient, recordId: record.id, context });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="xray.png"/);
    expect(await db.auditEvent.count({ where: { targetId: record.id, action: "record.previewed" } })).toBe(1);

    // Text is fetched by the record page and shown in a <pre>, labelled as UTF-8 text, never as HTML.
    const { record: text } = await readyRecord({ actor: patient, bytes: Buffer.from("hello"), declaredType: "text/plain", fileName: "note.txt" });
    const textPreview = await fetch((await issuePreviewUrl({ actor: patient, recordId: text.id, context })).url);
    expect(textPreview.headers.get("content-type")).toBe("text/plain; charset=utf-8");

    // A Word document has no preview: it is downloaded.
    const { record: docx } = await readyRecord({ actor: patient, bytes: docxBytes(), declaredType: DOCX, fileName: "letter.docx" });
    expect((await errorOf(issuePreviewUrl({ actor: patient, recordId: docx.id, context }))).code).toBe("VALIDATION_FAILED");
    expect(await db.auditEvent.count({ where: { targetId: docx.id, action: "record.previewed" } })).toBe(0);
  });

  it("gives no URL when the audit row cannot be written (fail closed)", async () => {
    const patient = await createActor();
    const { record } = await readyRecord({ actor: patient, bytes: pdfBytes(), declaredType: "application/pdf" });
    jest.mocked(recordAuditEvent).mockRejectedValueOnce(new Error("audit store down"));
    await expect(issueDownloadUrl({ actor: patient, recordId: record.id, context })).rejects.toThrow("audit store down");
    await expect(issuePreviewUrl({ actor: patient, recordId: record.id, context })).resolves.toHaveProperty("url");
  });
});

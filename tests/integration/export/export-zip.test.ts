// "Download everything" against Azurite: the job streams every file and the
// FHIR Bundle into a ZIP blob; the ZIP unzips (yauzl), its files match the
// uploads by SHA-256, bundle.json validates and points at the files; progress,
// audit, notification, the short download link and the sweep.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { buildExport } from "@/lib/export/build-export";
import { exportBlob } from "@/lib/export/export-blobs";
import { issueExportDownloadUrl } from "@/lib/export/issue-export-download-url";
import { requestExport } from "@/lib/export/request-export";
import { sweepExports } from "@/lib/export/sweep-exports";
import type { Bundle, DocumentReference } from "@/lib/fhir/r4";
import { validateResource } from "@/lib/fhir/validate";
import { recordsContainer } from "@/lib/storage/blob-service";
import { createActor, errorOf } from "@/tests/integration/records/helpers";
import { context, seedPatient } from "@/tests/integration/fhir/seed";
import { unzip } from "@/tests/factories/unzip";

jest.setTimeout(60_000);
afterAll(() => db.$disconnect());

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("export ZIP", () => {
  it("holds every file (same bytes) and a valid bundle.json whose DocumentReferences point at them", async () => {
    const { patient, files } = await seedPatient();
    const { export: requested, created } = await requestExport({ actor: patient, context });
    expect(created).toBe(true);
    expect(requested).toMatchObject({ status: "QUEUED", progress: 0 });
    // A second click while it runs returns the same export.
    expect(await requestExport({ actor: patient, context })).toMatchObject({ created: false, export: { id: requested.id } });
    expect(await db.job.count({ where: { type: "build-data-export", payload: { equals: { exportId: requested.id } } } })).toBe(1);

    expect(await buildExport({ exportId: requested.id })).toEqual({ status: "READY" });
    const row = await db.dataExport.findUniqueOrThrow({ where: { id: requested.id } });
    expect(row).toMatchObject({ status: "READY", progress: 100, fileCount: 2 });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now());

    const zip = await exportBlob(row.blobName!).downloadToBuffer();
    expect(Number(row.sizeBytes)).toBe(zip.length);
    const entries = await unzip(zip);
    const bundle = JSON.parse(entries.get("bundle.json")!.toString("utf8")) as Bundle;
    expect(validateResource(bundle).issues).toEqual([]);
    const documents = bundle.entry!.map((e) => e.resource!).filter((r): r is DocumentReference => r.resourceType === "DocumentReference");
    expect(documents).toHaveLength(2);
    for (const file of files) {
      const document = documents.find((d) => d.id === file.id)!;
      const path = document.content[0]!.attachment.url!.split("/").map(decodeURIComponent).join("/");
      expect(path).toMatch(new RegExp(`^files/${file.id}/`));
      expect(sha256(entries.get(path)!)).toBe(sha256(file.bytes));
    }
    // The original name is kept, made safe: no path separators or colons inside the ZIP.
    const pdfName = (await db.record.findUniqueOrThrow({ where: { id: files[0]!.id } })).originalName;
    expect(pdfName).toBe("Blood test: März 2025.pdf");
    const pdfPath = [...entries.keys()].find((name) => name.startsWith(`files/${files[0]!.id}/`))!;
    expect(pdfPath.split("/")).toHaveLength(3);
    expect(pdfPath).toMatch(/März/);
    expect(pdfPath).not.toMatch(/:/);
    expect([...entries.keys()].every((name) => !name.includes("..") && !name.startsWith("/"))).toBe(true);

    const notice = await db.notification.findFirstOrThrow({ where: { userId: patient.id, type: "EXPORT_READY" } });
    expect(notice.link).toBe("/patient/export");
    expect((await db.auditEvent.findMany({ where: { targetId: requested.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["export.requested", "export.completed"]);

    // The link: read-only, attachment, minutes; only for the owner.
    const { url, expiresAt } = await issueExportDownloadUrl({ actor: patient, exportId: requested.id, context });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000 + 1000);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="medvault-export-\d{4}-\d{2}-\d{2}\.zip"/);
    expect(Buffer.from(await response.arrayBuffer()).equals(zip)).toBe(true);
    expect((await fetch(url, { method: "PUT", body: "x", headers: { "x-ms-blob-type": "BlockBlob" } })).status).toBe(403);
    expect(await errorOf(issueExportDownloadUrl({ actor: await createActor("PATIENT"), exportId: requested.id, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { targetId: requested.id, action: "export.downloaded" } })).toBe(1);
  });

  it("sweeps expired exports (blob, then row) and unclaimed old blobs, and keeps fresh ones", async () => {
    const { patient } = await seedPatient({ files: false });
    const { export: old } = await requestExport({ actor: patient, context });
    await buildExport({ exportId: old.id });
    const oldRow = await db.dataExport.findUniqueOrThrow({ where: { id: old.id } });
    const { export: fresh } = await requestExport({ actor: patient, context });
    await buildExport({ exportId: fresh.id });
    const freshRow = await db.dataExport.findUniqueOrThrow({ where: { id: fresh.id } });
    await db.dataExport.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const orphan = `exports/${patient.id}/orphan.zip`;
    await exportBlob(orphan).upload(Buffer.from("zip"), 3);

    expect(await errorOf(issueExportDownloadUrl({ actor: patient, exportId: old.id, context }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/expired/) });
    const inTwoDays = new Date(Date.now() + 2 * 24 * 60 * 60_000);
    const result = await sweepExports({ now: new Date(Date.now() + 1000) });
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await exportBlob(oldRow.blobName!).exists()).toBe(false);
    expect(await db.dataExport.count({ where: { id: old.id } })).toBe(0);
    expect(await exportBlob(freshRow.blobName!).exists()).toBe(true);
    expect(await exportBlob(orphan).exists()).toBe(true); // younger than a day

    await db.dataExport.update({ where: { id: fresh.id }, data: { expiresAt: new Date(inTwoDays.getTime() + 60_000) } });
    const later = await sweepExports({ now: inTwoDays });
    expect(later.orphans).toBeGreaterThanOrEqual(1);
    expect(await exportBlob(orphan).exists()).toBe(false);
    expect(await exportBlob(freshRow.blobName!).exists()).toBe(true); // claimed by its row
    const names: string[] = [];
    for await (const blob of recordsContainer().listBlobsFlat({ prefix: `exports/${patient.id}/` })) names.push(blob.name);
    expect(names).toEqual([freshRow.blobName]);
  });

  it("is for patients only", async () => {
    expect(await errorOf(requestExport({ actor: await createActor("PHYSICIAN"), context }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

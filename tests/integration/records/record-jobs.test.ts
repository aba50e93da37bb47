import sharp from "sharp";
import { db } from "@/lib/db";
import { makeThumbnail } from "@/lib/records/jobs/make-thumbnail-job";
import { recordBlob } from "@/lib/records/record-blobs";
import { dicomBytes, pngBytes } from "@/tests/factories/files";
import { createActor, readyRecord } from "./helpers";

const jobsFor = (recordId: string) =>
  db.job.findMany({ where: { payload: { path: ["recordId"], equals: recordId } }, select: { type: true } });

describe("jobs after a record is ready", () => {
  it("enqueues the thumbnail with the record, and the job makes a WebP thumbnail", async () => {
    const actor = await createActor();
    const { record } = await readyRecord({ actor, bytes: await pngBytes({ width: 1200, height: 900 }), declaredType: "image/png", fileName: "rash.png" });
    expect((await jobsFor(record.id)).map((job) => job.type)).toContain("make-thumbnail");

    expect(await makeThumbnail({ recordId: record.id })).toEqual({ made: true });
    const { thumbnailBlobName } = await db.record.findUniqueOrThrow({ where: { id: record.id } });
    expect(thumbnailBlobName).toBe(`thumbnails/${actor.id}/${record.id}.webp`);
    const meta = await sharp(await recordBlob(thumbnailBlobName!).downloadToBuffer()).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(480);

    // Running the job again (a retry) changes nothing.
    expect(await makeThumbnail({ recordId: record.id })).toEqual({ made: false });
  });

  it("makes no thumbnail for a DICOM (the viewer draws it) and none for a record deleted meanwhile", async () => {
    const actor = await createActor();
    const { record: scan } = await readyRecord({ actor, bytes: dicomBytes(), declaredType: "application/dicom", fileName: "scan.dcm" });
    expect(await makeThumbnail({ recordId: scan.id })).toEqual({ made: false });
    expect(await makeThumbnail({ recordId: "no-such-record" })).toEqual({ made: false });
  });
});

describe("categorization job", () => {
  it("is enqueued with the record and categorizes it from the file's content", async () => {
    const { categorizeRecordJob } = await import("@/lib/records/jobs/categorize-record-job");
    const actor = await createActor();
    const { PDFDocument, StandardFonts } = await import("pdf-lib");
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    ["Laboratory Report", "Collected: 2024-03-05", "Hemoglobin 13.5 g/dL   reference range 12.0-15.5"].forEach((line, i) =>
      page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }),
    );
    const bytes = Buffer.from(await doc.save());
    const { record } = await readyRecord({ actor, bytes, declaredType: "application/pdf", fileName: "document.pdf" });
    const [job] = await db.job.findMany({ where: { type: "categorize-record", payload: { path: ["recordId"], equals: record.id } } });
    expect(job).toBeDefined();

    await categorizeRecordJob.handler({ recordId: record.id }, { jobId: String(job.id), type: job.type, attempt: 1, maxAttempts: 5, workerId: "test", signal: new AbortController().signal });
    const categorized = await db.record.findUniqueOrThrow({ where: { id: record.id } });
    expect(categorized.category).toBe("LAB_RESULT");
    expect(categorized.dateOfService?.toISOString().slice(0, 10)).toBe("2024-03-05");
    expect(categorized.categorizedAt).not.toBeNull();
  });
});

import sharp from "sharp";
import { db } from "@/lib/db";
import { makeThumbnail } from "@/lib/records/jobs/make-thumbnail-job";
import { recordBlob } from "@/lib/records/record-blobs";
import { pdfBytes, pngBytes } from "@/tests/factories/files";
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

  it("makes no thumbnail for a PDF and none for a record deleted meanwhile", async () => {
    const actor = await createActor();
    const { record: pdf } = await readyRecord({ actor, bytes: pdfBytes(), declaredType: "application/pdf", fileName: "letter.pdf" });
    expect(await makeThumbnail({ recordId: pdf.id })).toEqual({ made: false });
    expect(await makeThumbnail({ recordId: "no-such-record" })).toEqual({ made: false });
  });
});

// List thumbnails: the make-thumbnail job draws a JPEG (sharp), a PDF's
// first page (MuPDF) and a HEIC photo (libheif) into WebP; the thumbnail route serves them with the same
// access decision as a preview (a stranger's request is a 404, like a missing
// record) and a short private cache; a list view is audited once.
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { GET as thumbnailRoute } from "@/app/api/records/[recordId]/thumbnail/route";
import { authenticate } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditThumbnailsListed } from "@/lib/records/audit-thumbnails-listed";
import { makeThumbnail } from "@/lib/records/jobs/make-thumbnail-job";
import { recordBlob } from "@/lib/records/record-blobs";
import { toRecordSummary } from "@/lib/records/record-summary";
import { grantAccess } from "@/lib/sharing/grant-access";
import { pdfBytes } from "@/tests/factories/files";
import { createVerifiedClinician } from "../sharing/helpers";
import { context, createActor, readyRecord } from "./helpers";

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));

// MuPDF compiles its WebAssembly on first use.
jest.setTimeout(60_000);
afterAll(() => db.$disconnect());

const get = (recordId: string, headers: Record<string, string> = {}) =>
  thumbnailRoute(new Request(`http://localhost:3000/api/records/${recordId}/thumbnail`, { headers: { host: "localhost:3000", ...headers } }), {
    params: Promise.resolve({ recordId }),
  });
const signIn = (actor: { id: string; role: string }) => jest.mocked(authenticate).mockResolvedValue(actor as never);

/** A photo-sized JPEG: red on the left half, white on the right. */
function photoBytes(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="1600" height="1200" fill="white"/><rect width="800" height="1200" fill="#dc2626"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

async function thumbnailOf(recordId: string) {
  const { thumbnailBlobName } = await db.record.findUniqueOrThrow({ where: { id: recordId } });
  expect(thumbnailBlobName).not.toBeNull();
  return recordBlob(thumbnailBlobName!).downloadToBuffer();
}

/** A WebP of the given size showing a page: white paper (the brightest pixels) with dark print on it. */
async function expectPrintedPage(recordId: string, size: { width: number; height: number }) {
  const thumb = sharp(await thumbnailOf(recordId));
  expect(await thumb.metadata()).toMatchObject({ format: "webp", ...size });
  const stats = await thumb.stats();
  expect(stats.channels[0]!.max).toBeGreaterThan(220);
  expect(stats.channels[0]!.min).toBeLessThan(100);
}

describe("list thumbnails", () => {
  it("are made for a JPEG and for a PDF's first page, as small WebP images of their content", async () => {
    const patient = await createActor();
    const { record: photo } = await readyRecord({ actor: patient, bytes: await photoBytes(), declaredType: "image/jpeg", fileName: "rash.jpg" });
    const { record: pdf } = await readyRecord({ actor: patient, bytes: pdfBytes("Haemoglobin 14.1 g/dL Haemoglobin 14.1 g/dL"), declaredType: "application/pdf", fileName: "labs.pdf" });

    expect(await makeThumbnail({ recordId: photo.id })).toEqual({ made: true });
    expect(await makeThumbnail({ recordId: pdf.id })).toEqual({ made: true });

    const photoThumb = sharp(await thumbnailOf(photo.id));
    expect(await photoThumb.metadata()).toMatchObject({ format: "webp", width: 480, height: 360 });
    // The content, not a placeholder: red on the left, white on the right.
    const { data } = await photoThumb.clone().resize(2, 1, { fit: "fill" }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(180);
    expect(data[1]).toBeLessThan(90);
    expect(Math.min(data[3]!, data[4]!, data[5]!)).toBeGreaterThan(230);

    // The PDF page (200 x 200 pt) drawn white with dark text on it.
    await expectPrintedPage(pdf.id, { width: 480, height: 480 });
  });

  it("are made for a HEIC photo, which browsers other than Safari cannot show", async () => {
    const patient = await createActor();
    const bytes = await readFile(path.join(__dirname, "../../fixtures/images/lab-results-photo.heic"));
    const { record } = await readyRecord({ actor: patient, bytes, declaredType: "image/heic", fileName: "IMG_5512.HEIC" });
    expect(await makeThumbnail({ recordId: record.id })).toEqual({ made: true });

    // The photo is 1192 x 943: a white page with dark print on a darker tabletop.
    await expectPrintedPage(record.id, { width: 480, height: 380 });
  });

  it("leaves a HEIC that cannot be decoded with its icon", async () => {
    const patient = await createActor();
    // The right brand (finalize checks it) and nothing decodable behind it.
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"), Buffer.alloc(64)]);
    const { record } = await readyRecord({ actor: patient, bytes, declaredType: "image/heic", fileName: "broken.heic" });
    expect(await makeThumbnail({ recordId: record.id })).toEqual({ made: false });
    expect((await db.record.findUniqueOrThrow({ where: { id: record.id } })).thumbnailBlobName).toBeNull();
  });

  it("leaves a PDF that cannot be drawn with its icon, and retries change nothing", async () => {
    const patient = await createActor();
    // A valid header (finalize checks the magic bytes) with nothing drawable behind it.
    const { record } = await readyRecord({ actor: patient, bytes: Buffer.from("%PDF-1.7\n% nothing here\n%%EOF\n", "latin1"), declaredType: "application/pdf", fileName: "broken.pdf" });
    expect(await makeThumbnail({ recordId: record.id })).toEqual({ made: false });
    expect((await db.record.findUniqueOrThrow({ where: { id: record.id } })).thumbnailBlobName).toBeNull();
  });

  it("are served to whoever may preview the record, with a short private cache; anyone else gets 404", async () => {
    const patient = await createActor();
    const { record } = await readyRecord({ actor: patient, bytes: await photoBytes(), declaredType: "image/jpeg", fileName: "rash.jpg" });
    const { record: pdfWithout } = await readyRecord({ actor: patient, bytes: pdfBytes(), declaredType: "application/pdf", fileName: "no-thumb.pdf" });
    await makeThumbnail({ recordId: record.id });

    signIn(patient);
    const owned = await get(record.id);
    expect(owned.status).toBe(200);
    expect(owned.headers.get("content-type")).toBe("image/webp");
    expect(owned.headers.get("cache-control")).toBe("private, max-age=300");
    expect(owned.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await sharp(Buffer.from(await owned.arrayBuffer())).metadata()).format).toBe("webp");
    // No thumbnail yet: the same 404 as anything else that is not there.
    expect((await get(pdfWithout.id)).status).toBe(404);

    // A stranger, a random id and a malformed id look alike, and are never cached.
    signIn(await createActor());
    const stranger = await get(record.id);
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get("cache-control")).toBe("no-store");
    expect(await stranger.text()).toBe("");
    expect((await get("cl0000000000000000000000")).status).toBe(404);
    expect((await get("../../etc")).status).toBe(404);

    // A clinician with a grant sees it as they would see the preview.
    const clinician = await createVerifiedClinician();
    signIn(clinician);
    expect((await get(record.id)).status).toBe(404);
    await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    expect((await get(record.id)).status).toBe(200);

    // Another site's page cannot embed it with the visitor's session.
    signIn(patient);
    expect((await get(record.id, { "sec-fetch-site": "cross-site" })).status).toBe(404);
    jest.mocked(authenticate).mockRejectedValueOnce(new AppError("UNAUTHENTICATED"));
    expect((await get(record.id)).status).toBe(401);
  });

  it("are audited once per list view, naming the records whose thumbnails were shown", async () => {
    const patient = await createActor();
    const { record: withThumb } = await readyRecord({ actor: patient, bytes: await photoBytes(), declaredType: "image/jpeg", fileName: "a.jpg" });
    const { record: without } = await readyRecord({ actor: patient, bytes: pdfBytes(), declaredType: "application/pdf", fileName: "b.pdf" });
    await makeThumbnail({ recordId: withThumb.id });
    const rows = await db.record.findMany({ where: { id: { in: [withThumb.id, without.id] } } });

    expect(await auditThumbnailsListed({ actor: patient, records: rows.map(toRecordSummary), context })).toEqual({ events: 1 });
    const events = await db.auditEvent.findMany({ where: { actorId: patient.id, action: "record.thumbnails_listed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ patientId: patient.id, outcome: "ALLOWED", details: { count: 1, recordIds: withThumb.id } });

    // A list without thumbnails writes nothing.
    expect(await auditThumbnailsListed({ actor: patient, records: [toRecordSummary(rows.find((row) => row.id === without.id)!)], context })).toEqual({ events: 0 });
  });
});

// A user's correction of category, date of service or tags is kept: automatic
// categorization (first run, re-runs, runs racing the correction) never
// overwrites it. Real Postgres, rows made directly.
import { randomBytes } from "node:crypto";
import { applyCategorization } from "@/lib/categorization/apply-categorization";
import { categorizeDocument } from "@/lib/categorization/categorize";
import { categorizeRecord } from "@/lib/categorization/categorize-record-job";
import { correctRecordMetadata } from "@/lib/categorization/correct-record-metadata";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/tests/factories/users";

const context = { ipAddress: "198.51.100.31", userAgent: "jest categorization" };
const now = new Date("2025-06-01T00:00:00Z");

const LAB_TEXT = "Laboratory Report\nNorthside Clinical Laboratory\nCollected: 03/05/2024\nHemoglobin 13.1 g/dL  Reference range 12.0 - 15.5\nSpecimen: blood";
const NOTE_TEXT = "Progress note\nRiverside Primary Care\nDate of service: 02/14/2024\nChief complaint: cough\nAssessment and plan: rest";

async function createRecord(ownerId: string, overrides: { mimeType?: string; originalName?: string; sizeBytes?: bigint; status?: "READY" | "ARCHIVED" } = {}) {
  return db.record.create({
    data: {
      ownerId,
      uploadedById: ownerId,
      blobName: `test/${randomBytes(8).toString("hex")}`,
      originalName: overrides.originalName ?? "upload.txt",
      mimeType: overrides.mimeType ?? "text/plain",
      sizeBytes: overrides.sizeBytes ?? 1234n,
      sha256: randomBytes(32).toString("hex"),
      status: overrides.status ?? "READY",
    },
  });
}

const categorizeText = (text: string) => categorizeDocument({ bytes: Buffer.from(text), mimeType: "text/plain", fileName: "upload.txt", now });
// With the extracted text, which lib/db leaves out of default queries.
const reload = (id: string) => db.record.findUniqueOrThrow({ where: { id }, omit: { extractedText: false } });
const isoDate = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

afterAll(() => db.$disconnect());

describe("applyCategorization and correctRecordMetadata", () => {
  it("fills the automatic fields and keeps the why, without bumping the version", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id);
    const result = await categorizeText(LAB_TEXT);

    await expect(applyCategorization({ recordId: record.id, result })).resolves.toMatchObject({ outcome: "applied", kept: [] });
    const saved = await reload(record.id);
    expect(saved).toMatchObject({ category: "LAB_RESULT", sourceProvider: "Northside Clinical Laboratory", version: 1, modality: null, extractedText: LAB_TEXT });
    // Lists and access checks never carry the text (lib/db omits it unless asked).
    expect(await db.record.findUniqueOrThrow({ where: { id: record.id } })).not.toHaveProperty("extractedText");
    expect(isoDate(saved.dateOfService)).toBe("2024-03-05");
    expect(saved.keywords).toContain("hemoglobin");
    expect(saved.categorizedAt).toBeInstanceOf(Date);
    expect(saved.categorization).toMatchObject({ format: 1, signals: expect.arrayContaining([expect.objectContaining({ field: "dateOfService", value: "2024-03-05", source: "text" })]) });
  });

  it("keeps a correction through every re-run, versions it and audits field names only", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id);
    await applyCategorization({ recordId: record.id, result: await categorizeText(LAB_TEXT) });

    const corrected = await correctRecordMetadata({
      actorId: user.id,
      recordId: record.id,
      expectedVersion: 1,
      changes: { category: "REFERRAL", dateOfService: "2024-03-01", tags: [" cardiology ", "Cardiology", "follow up"] },
      context,
    });
    expect(corrected).toEqual({ version: 2, correctedFields: ["category", "dateOfService", "tags"] });

    // A re-run with a different reading of the document.
    const rerun = await applyCategorization({ recordId: record.id, result: await categorizeText(NOTE_TEXT) });
    expect(rerun).toMatchObject({ outcome: "applied", kept: ["category", "dateOfService"] });
    const saved = await reload(record.id);
    expect(saved).toMatchObject({ category: "REFERRAL", tags: ["cardiology", "follow up"], sourceProvider: "Riverside Primary Care", version: 2 });
    expect(isoDate(saved.dateOfService)).toBe("2024-03-01");
    expect(saved.keywords).toContain("chief complaint");

    const versions = await db.recordVersion.findMany({ where: { recordId: record.id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, changedById: user.id, previous: { category: "LAB_RESULT", dateOfService: "2024-03-05", tags: [], correctedFields: [] } });

    const events = await db.auditEvent.findMany({ where: { targetType: "record", targetId: record.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "record.metadata_corrected", outcome: "ALLOWED", actorId: user.id, actorRole: "PATIENT", patientId: user.id, ipAddress: context.ipAddress, details: { fields: "category,dateOfService,tags" } });
    expect(JSON.stringify(events[0]!.details)).not.toMatch(/REFERRAL|2024|cardiology/);
  });

  it("clears modality and body part when the corrected category is not imaging", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id);
    await correctRecordMetadata({ actorId: user.id, recordId: record.id, expectedVersion: 1, changes: { category: "CLINICAL_NOTE" } });
    await applyCategorization({ recordId: record.id, result: await categorizeText("Radiology report\nMRI left knee\nImpression: meniscal tear\nExam date: 2024-04-02") });
    expect(await reload(record.id)).toMatchObject({ category: "CLINICAL_NOTE", modality: null, bodyPart: null });
  });

  it("never loses a correction to a categorization running at the same moment", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id);
    const result = await categorizeText(LAB_TEXT);
    await Promise.all([
      applyCategorization({ recordId: record.id, result }),
      correctRecordMetadata({ actorId: user.id, recordId: record.id, expectedVersion: 1, changes: { category: "OTHER", dateOfService: null } }),
      applyCategorization({ recordId: record.id, result }),
    ]);
    const saved = await reload(record.id);
    expect(saved).toMatchObject({ category: "OTHER", dateOfService: null, correctedFields: ["category", "dateOfService"] });
  });

  it("refuses other users like a missing record, and audits the attempt as denied", async () => {
    const { user: owner } = await createUser();
    const { user: other } = await createUser({ role: "PHYSICIAN" });
    const record = await createRecord(owner.id);
    const attempt = correctRecordMetadata({ actorId: other.id, recordId: record.id, expectedVersion: 1, changes: { category: "OTHER" }, context });
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(correctRecordMetadata({ actorId: other.id, recordId: "missing-record", expectedVersion: 1, changes: { category: "OTHER" } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await reload(record.id)).toMatchObject({ category: null, version: 1, correctedFields: [] });
    const events = await db.auditEvent.findMany({ where: { targetType: "record", targetId: record.id } });
    expect(events).toEqual([expect.objectContaining({ outcome: "DENIED", actorId: other.id, patientId: owner.id, details: { fields: "category" } })]);
  });

  it("refuses a stale version and invalid input", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id);
    await correctRecordMetadata({ actorId: user.id, recordId: record.id, expectedVersion: 1, changes: { tags: ["a"] } });
    await expect(correctRecordMetadata({ actorId: user.id, recordId: record.id, expectedVersion: 1, changes: { tags: ["b"] } })).rejects.toMatchObject({ code: "CONFLICT" });

    const invalid = async (changes: object) => {
      const error = await correctRecordMetadata({ actorId: user.id, recordId: record.id, expectedVersion: 2, changes: changes as never }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).details?.fieldErrors;
    };
    expect(await invalid({ dateOfService: "2999-01-01" })).toHaveProperty("dateOfService");
    expect(await invalid({ dateOfService: "05/03/2024" })).toHaveProperty("dateOfService");
    expect(await invalid({ category: "X_RAY" })).toHaveProperty("category");
    expect(await invalid({ tags: ["x".repeat(41)] })).toHaveProperty("tags");
    expect(await invalid({})).toBeDefined();
    expect(await invalid({ modality: "CT" })).toBeDefined();
    expect((await reload(record.id)).version).toBe(2);
  });
});

describe("categorizeRecord (the job's work)", () => {
  it("reads the blob, categorizes and applies; skips archived records; answers missing for unknown ones", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id, { originalName: "labs.txt" });
    const reads: string[] = [];
    const readBlob = async (blobName: string) => {
      reads.push(blobName);
      return Buffer.from(LAB_TEXT);
    };
    await expect(categorizeRecord({ recordId: record.id, readBlob, now })).resolves.toMatchObject({ outcome: "applied" });
    expect(reads).toEqual([record.blobName]);
    expect((await reload(record.id)).category).toBe("LAB_RESULT");

    const archived = await createRecord(user.id, { status: "ARCHIVED" });
    await expect(categorizeRecord({ recordId: archived.id, readBlob, now })).resolves.toEqual({ outcome: "skipped", reason: "not_ready" });
    await expect(categorizeRecord({ recordId: "no-such-record", readBlob, now })).resolves.toEqual({ outcome: "missing" });
  });

  it("categorizes a file over the size cap by its name without reading it", async () => {
    const { user } = await createUser();
    const record = await createRecord(user.id, { mimeType: "application/pdf", originalName: "2023-02-01_discharge.pdf", sizeBytes: 80n * 1024n * 1024n });
    const readBlob = jest.fn(async () => Buffer.alloc(0));
    await categorizeRecord({ recordId: record.id, readBlob, now });
    expect(readBlob).not.toHaveBeenCalled();
    const saved = await reload(record.id);
    expect(saved.category).toBe("DISCHARGE_SUMMARY");
    expect(isoDate(saved.dateOfService)).toBe("2023-02-01");
    expect(saved.categorization).toMatchObject({ notes: [expect.stringMatching(/file name/), expect.stringMatching(/50 MB/)] });
  });
});

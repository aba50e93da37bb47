// Owner-only changes (archive, restore, delete), the scoped list, and that
// another user cannot tell someone's record from a record that does not exist.
import { db } from "@/lib/db";
import { archiveRecord } from "@/lib/records/archive-record";
import { deleteRecord } from "@/lib/records/delete-record";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";
import { issuePreviewUrl } from "@/lib/records/issue-preview-url";
import { listRecords } from "@/lib/records/list-records";
import { deleteRecordBlob, recordBlob } from "@/lib/records/record-blobs";
import { restoreRecord } from "@/lib/records/restore-record";
import { pdfBytes } from "@/tests/factories/files";
import { context, createActor, errorOf, NOT_FOUND, readyRecord } from "./helpers";

// Pass-through, so one test can make storage refuse a delete.
jest.mock("@/lib/records/record-blobs", () => {
  const actual = jest.requireActual<typeof import("@/lib/records/record-blobs")>("@/lib/records/record-blobs");
  return { ...actual, deleteRecordBlob: jest.fn(actual.deleteRecordBlob) };
});

afterAll(() => db.$disconnect());

describe("access to someone else's record", () => {
  it("is NOT_FOUND for every use case, identical to a random id, and changes nothing", async () => {
    const owner = await createActor();
    const { record } = await readyRecord({ actor: owner, bytes: pdfBytes(), declaredType: "application/pdf" });
    const strangers = [await createActor(), await createActor("PHYSICIAN"), await createActor("ADMIN")];
    const attempts = [
      (actor: typeof owner, recordId: string) => issueDownloadUrl({ actor, recordId, context }),
      (actor: typeof owner, recordId: string) => issuePreviewUrl({ actor, recordId, context }),
      (actor: typeof owner, recordId: string) => archiveRecord({ actor, recordId, context }),
      (actor: typeof owner, recordId: string) => restoreRecord({ actor, recordId, context }),
      (actor: typeof owner, recordId: string) => deleteRecord({ actor, recordId, context }),
    ];
    for (const actor of strangers) {
      for (const attempt of attempts) {
        const denied = await errorOf(attempt(actor, record.id));
        const missing = await errorOf(attempt(actor, "c0ffee-no-such-record"));
        expect(denied).toEqual(NOT_FOUND);
        expect(missing).toEqual(denied);
      }
      expect((await listRecords({ actor })).records.map((r) => r.id)).not.toContain(record.id);
    }
    const row = await db.record.findUniqueOrThrow({ where: { id: record.id } });
    expect(row).toMatchObject({ status: "READY", version: 1 });
    expect(await recordBlob(row.blobName).exists()).toBe(true);
    expect(await db.auditEvent.count({ where: { targetId: record.id, actorId: { not: owner.id } } })).toBe(0);
  });
});

describe("archive and restore", () => {
  it("toggle the status with a version bump, keep the previous state, audit, and refuse stale versions", async () => {
    const owner = await createActor();
    const { record } = await readyRecord({ actor: owner, bytes: pdfBytes(), declaredType: "application/pdf" });

    const archived = await archiveRecord({ actor: owner, recordId: record.id, context, expectedVersion: 1 });
    expect(archived).toMatchObject({ status: "ARCHIVED", version: 2 });
    expect(archived.archivedAt).not.toBeNull();
    expect((await listRecords({ actor: owner })).records.map((r) => r.id)).not.toContain(record.id);
    expect((await listRecords({ actor: owner, input: { status: "ARCHIVED" } })).records.map((r) => r.id)).toEqual([record.id]);

    expect((await errorOf(restoreRecord({ actor: owner, recordId: record.id, context, expectedVersion: 1 }))).code).toBe("CONFLICT");
    const restored = await restoreRecord({ actor: owner, recordId: record.id, context, expectedVersion: 2 });
    expect(restored).toMatchObject({ status: "READY", version: 3, archivedAt: null });

    const versions = await db.recordVersion.findMany({ where: { recordId: record.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, (v.previous as { status: string }).status])).toEqual([
      [1, "READY"],
      [2, "ARCHIVED"],
    ]);
    const actions = await db.auditEvent.findMany({ where: { targetId: record.id, action: { in: ["record.archived", "record.restored"] } }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["record.archived", "record.restored"]);
  });
});

describe("deleteRecord", () => {
  it("removes file, thumbnail and row (versions cascade) and leaves a tombstone without the file name", async () => {
    const owner = await createActor();
    const bytes = pdfBytes();
    const { record } = await readyRecord({ actor: owner, bytes, declaredType: "application/pdf", fileName: "HIV test result.pdf" });
    const row = await db.record.findUniqueOrThrow({ where: { id: record.id } });
    const thumbnailBlobName = `thumbnails/${owner.id}/${record.id}.webp`;
    await recordBlob(thumbnailBlobName).upload(Buffer.from("thumb"), 5);
    await db.record.update({ where: { id: record.id }, data: { thumbnailBlobName, category: "LAB_RESULT" } });
    await archiveRecord({ actor: owner, recordId: record.id, context });

    await expect(deleteRecord({ actor: owner, recordId: record.id, context })).resolves.toEqual({ recordId: record.id });

    expect(await db.record.count({ where: { id: record.id } })).toBe(0);
    expect(await db.recordVersion.count({ where: { recordId: record.id } })).toBe(0);
    expect(await recordBlob(row.blobName).exists()).toBe(false);
    expect(await recordBlob(thumbnailBlobName).exists()).toBe(false);
    const tombstone = await db.auditEvent.findFirstOrThrow({ where: { targetId: record.id, action: "record.deleted" } });
    expect(tombstone.details).toEqual({ recordId: record.id, mimeType: "application/pdf", sizeBytes: bytes.length, sha256: record.sha256, category: "LAB_RESULT" });
    expect(JSON.stringify({ ...tombstone, id: String(tombstone.id) })).not.toContain("HIV");
    expect(await errorOf(deleteRecord({ actor: owner, recordId: record.id, context }))).toEqual(NOT_FOUND);
  });

  it("keeps the row when storage refuses to delete the file", async () => {
    const owner = await createActor();
    const { record } = await readyRecord({ actor: owner, bytes: pdfBytes(), declaredType: "application/pdf" });
    jest.mocked(deleteRecordBlob).mockRejectedValueOnce(new Error("storage down"));
    expect((await errorOf(deleteRecord({ actor: owner, recordId: record.id, context }))).code).toBe("SERVICE_UNAVAILABLE");
    expect(await db.record.count({ where: { id: record.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: record.id, action: "record.deleted" } })).toBe(0);
  });
});

describe("listRecords", () => {
  it("filters, sorts (undated last) and pages through the owner's records only", async () => {
    const owner = await createActor();
    const other = await createActor();
    await readyRecord({ actor: other, bytes: pdfBytes(), declaredType: "application/pdf" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await readyRecord({ actor: owner, bytes: pdfBytes(`r${i}`), declaredType: "application/pdf" })).record.id);
    const dated: Array<[string, string | null, string | null, "LAB_RESULT" | "IMAGING" | null]> = [
      [ids[0]!, "2024-01-10", "City Lab", "LAB_RESULT"],
      [ids[1]!, "2024-03-05", "City Hospital", "IMAGING"],
      [ids[2]!, null, null, null],
      [ids[3]!, "2023-12-01", "Town Lab", "LAB_RESULT"],
      [ids[4]!, "2024-02-20", "city lab", "LAB_RESULT"],
    ];
    for (const [id, date, provider, category] of dated) {
      await db.record.update({ where: { id }, data: { dateOfService: date ? new Date(`${date}T00:00:00Z`) : null, sourceProvider: provider, category } });
    }

    const all = await listRecords({ actor: owner, input: { sort: "dateOfService" } });
    expect(all.records.map((r) => r.id)).toEqual([ids[1], ids[4], ids[0], ids[3], ids[2]]);
    expect(all.nextCursor).toBeNull();

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listRecords({ actor: owner, input: { sort: "dateOfService", limit: 2, cursor } });
      pages.push(page.records.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([[ids[1], ids[4]], [ids[0], ids[3]], [ids[2]]]);

    const byCreation = await listRecords({ actor: owner, input: { sort: "createdAt", direction: "asc" } });
    expect(byCreation.records.map((r) => r.id)).toEqual(ids);

    const labs = await listRecords({ actor: owner, input: { category: "LAB_RESULT", provider: "city", from: "2024-01-01", to: "2024-12-31" } });
    expect(labs.records.map((r) => r.id).sort()).toEqual([ids[0], ids[4]].sort());

    // A cursor from someone else's list is refused, not used.
    const foreign = (await listRecords({ actor: other })).records[0]!.id;
    expect((await errorOf(listRecords({ actor: owner, input: { cursor: foreign } }))).code).toBe("VALIDATION_FAILED");
  });
});

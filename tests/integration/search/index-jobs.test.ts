// Every change to what a record says or whether it is shown enqueues a search
// index job in the change's own transaction, and running that job brings the
// (Postgres) index up to date.
import { db } from "@/lib/db";
import { applyCategorization } from "@/lib/categorization/apply-categorization";
import { correctRecordMetadata } from "@/lib/categorization/correct-record-metadata";
import { archiveRecord } from "@/lib/records/archive-record";
import { restoreRecord } from "@/lib/records/restore-record";
import { afterRecordReady } from "@/lib/records/after-record-ready";
import { indexRecordJob } from "@/lib/search/jobs/index-record-job";
import { searchRecords } from "@/lib/search/search-records";
import { PostgresSearchEngine } from "@/lib/search/postgres/postgres-engine";
import { context, createPatient } from "../sharing/helpers";
import { createIndexedRecord, uniqueWord } from "./contract";

afterAll(() => db.$disconnect());

const engine = new PostgresSearchEngine();

async function indexJobsFor(recordId: string) {
  const jobs = await db.job.findMany({ where: { type: "search-index-record" }, orderBy: { id: "asc" } });
  return jobs.filter((job) => (job.payload as { recordId?: string }).recordId === recordId);
}

const runJob = (recordId: string) =>
  indexRecordJob.handler({ recordId }, { jobId: "0", type: indexRecordJob.type, attempt: 1, maxAttempts: 1, workerId: "test", signal: new AbortController().signal });

describe("search index jobs", () => {
  it("are enqueued by ready, categorization, correction, archive and restore, and update the index", async () => {
    const alice = await createPatient();
    const word = uniqueWord();
    const record = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} report` });

    await db.$transaction((tx) => afterRecordReady({ recordId: record.id, tx }));
    expect(await indexJobsFor(record.id)).toHaveLength(1);

    const category = uniqueWord("kw");
    await applyCategorization({
      recordId: record.id,
      result: { category: "LAB_RESULT", keywords: [category], signals: [], notes: [], extractedText: `${word} report` },
    });
    expect(await indexJobsFor(record.id)).toHaveLength(2);
    await runJob(record.id);
    expect((await searchRecords({ actor: alice, input: { q: category }, engine })).hits.map((h) => h.recordId)).toEqual([record.id]);

    const tag = uniqueWord("tag");
    await correctRecordMetadata({ actorId: alice.id, recordId: record.id, expectedVersion: 1, changes: { tags: [tag] }, context });
    expect(await indexJobsFor(record.id)).toHaveLength(3);
    await runJob(record.id);
    expect((await searchRecords({ actor: alice, input: { q: tag }, engine })).hits).toHaveLength(1);

    await archiveRecord({ actor: alice, recordId: record.id, context });
    expect(await indexJobsFor(record.id)).toHaveLength(4);
    await runJob(record.id);
    expect((await searchRecords({ actor: alice, input: { q: tag }, engine })).hits).toEqual([]);
    expect((await searchRecords({ actor: alice, input: { q: tag, archived: true }, engine })).hits).toHaveLength(1);

    await restoreRecord({ actor: alice, recordId: record.id, context });
    expect(await indexJobsFor(record.id)).toHaveLength(5);
    await runJob(record.id);
    expect((await searchRecords({ actor: alice, input: { q: tag }, engine })).hits).toHaveLength(1);
  });

  it("removes the Postgres document together with its record", async () => {
    const alice = await createPatient();
    const record = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: uniqueWord() });
    expect(await db.recordSearchDocument.count({ where: { recordId: record.id } })).toBe(1);
    await db.record.delete({ where: { id: record.id } });
    expect(await db.recordSearchDocument.count({ where: { recordId: record.id } })).toBe(0);
  });
});

describe("reindexAllRecords", () => {
  it("rebuilds documents from Postgres", async () => {
    const { reindexAllRecords } = await import("@/lib/search/reindex-all");
    const alice = await createPatient();
    const word = uniqueWord();
    const record = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} summary` });
    await db.recordSearchDocument.delete({ where: { recordId: record.id } });
    expect((await searchRecords({ actor: alice, input: { q: word }, engine })).hits).toEqual([]);
    const result = await reindexAllRecords({ engine, batchSize: 50 });
    expect(result.written).toBeGreaterThanOrEqual(1);
    expect((await searchRecords({ actor: alice, input: { q: word }, engine })).hits.map((h) => h.recordId)).toEqual([record.id]);
  });
});

// The search contract against the embedded default: Postgres full-text search
// in the per-run database, for real.
import { db } from "@/lib/db";
import { PostgresSearchEngine } from "@/lib/search/postgres/postgres-engine";
import { SEARCHABLE_RECORD_SELECT } from "@/lib/search/searchable-record";
import { createPatient } from "../sharing/helpers";
import { createIndexedRecord, describeSearchContract, uniqueWord } from "./contract";

afterAll(() => db.$disconnect());

describeSearchContract("postgres", async () => ({ engine: new PostgresSearchEngine() }));

describe("postgres engine: a record that changes while it is indexed", () => {
  it("writes nothing from the stale snapshot and says why; a batch skips it", async () => {
    const engine = new PostgresSearchEngine();
    const word = uniqueWord();
    const patient = await createPatient();
    const record = await createIndexedRecord(engine, { ownerId: patient.id, extractedText: `${word} first` });
    const stale = await db.record.findUniqueOrThrow({ where: { id: record.id }, select: SEARCHABLE_RECORD_SELECT });
    // The change lands after the snapshot was read (updatedAt moves on).
    await db.record.update({ where: { id: record.id }, data: { extractedText: `${word} second` } });

    const staleWithOtherText = { ...stale, extractedText: `${word} stale` };
    await expect(engine.indexRecord({ record: staleWithOtherText })).rejects.toMatchObject({ name: "RecordChangedWhileIndexingError" });
    await expect(engine.indexRecords({ records: [staleWithOtherText] })).resolves.toBe(0);
    const document = await db.recordSearchDocument.findUniqueOrThrow({ where: { recordId: record.id } });
    expect(document.content).toContain("first");
    expect(document.content).not.toContain("stale");
  });
});

// What only the Postgres engine does, beyond the shared contract: relevance
// ranks the newest matches only (RANKED_CANDIDATES; here 3, to cross the
// boundary with a few records) and the rest follow newest first, with paging
// that neither skips nor repeats and an exact total; and typo matching is
// skipped for a term that is a word of the searcher's own records, judged on
// those records alone.
import { db } from "@/lib/db";
import { searchAccessScope } from "@/lib/search/access-scope";
import { indexRecordForSearch } from "@/lib/search/index-record";
import { PostgresSearchEngine } from "@/lib/search/postgres/postgres-engine";
import { searchRecords } from "@/lib/search/search-records";
import type { SearchQuery } from "@/lib/search/types";
import { createPatient } from "../sharing/helpers";
import { createIndexedRecord, uniqueWord } from "./contract";

afterAll(() => db.$disconnect());

/** The word with one letter in the middle changed: a typo no prefix or stem reaches. */
const misspelled = (word: string) => `${word.slice(0, 5)}${word[5] === "x" ? "y" : "x"}${word.slice(6)}`;

describe("postgres search engine", () => {
  it("ranks the newest matches, lists the rest newest first, and pages through all of them once", async () => {
    const alice = await createPatient();
    const word = uniqueWord();
    const engine = new PostgresSearchEngine({ rankedCandidates: 3 });
    // d1 (oldest) and d4 carry the word in their file name, which ranks above the text.
    const make = (day: number, inTitle: boolean) =>
      createIndexedRecord(engine, {
        ownerId: alice.id,
        originalName: inTitle ? `${word} report.pdf` : `report-${day}.pdf`,
        extractedText: `Findings: ${word} noted on review.`,
        dateOfService: `2020-01-0${day}`,
      });
    const d1 = await make(1, true);
    const d2 = await make(2, false);
    const d3 = await make(3, false);
    const d4 = await make(4, true);
    const d5 = await make(5, false);
    const d6 = await make(6, false);

    const scope = await searchAccessScope({ actor: { id: alice.id, role: "PATIENT" } });
    const page = (target: PostgresSearchEngine, offset: number) => {
      const query: SearchQuery = { text: word, sort: "relevance", includeArchived: false, limit: 2, offset };
      return target.search({ query, scope });
    };
    const all = async (target: PostgresSearchEngine) => {
      const pages = [await page(target, 0), await page(target, 2), await page(target, 4), await page(target, 6)];
      expect(pages.slice(0, 3).map((result) => result.total)).toEqual([6, 6, 6]);
      expect(pages[3]!.hits).toEqual([]);
      return pages.flatMap((result) => result.hits.map((hit) => hit.recordId));
    };

    // The newest three ranked (d4 first by its title), then d3, d2, d1 by date: d1's title does not lift it.
    expect(await all(engine)).toEqual([d4.id, d6.id, d5.id, d3.id, d2.id, d1.id]);
    // With every match among the ranked candidates, both titled records lead.
    expect(await all(new PostgresSearchEngine())).toEqual([d4.id, d1.id, d6.id, d5.id, d3.id, d2.id]);
  });

  it("does not treat a word of one's own records as a typo when the filters leave nothing", async () => {
    const alice = await createPatient();
    const word = uniqueWord();
    const engine = new PostgresSearchEngine();
    const lab = await createIndexedRecord(engine, { ownerId: alice.id, category: "LAB_RESULT", extractedText: `Panel: ${word} within range.` });
    await createIndexedRecord(engine, { ownerId: alice.id, category: "IMAGING", extractedText: `Impression: ${misspelled(word)} seen.` });
    const actor = { id: alice.id, role: "PATIENT" as const };

    expect((await searchRecords({ actor, engine, input: { q: word, category: "IMAGING" } })).hits).toEqual([]);
    expect((await searchRecords({ actor, engine, input: { q: word } })).hits.map((hit) => hit.recordId)).toEqual([lab.id]);
  });

  it("judges a typo on the searcher's own records only: a word in someone else's records changes nothing", async () => {
    const alice = await createPatient();
    const bob = await createPatient();
    const word = uniqueWord();
    const engine = new PostgresSearchEngine();
    await createIndexedRecord(engine, { ownerId: bob.id, extractedText: `Note: ${word} discussed.` });
    const own = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `Note: ${misspelled(word)} discussed.` });

    const result = await searchRecords({ actor: { id: alice.id, role: "PATIENT" }, engine, input: { q: word } });
    expect(result.hits.map((hit) => hit.recordId)).toEqual([own.id]);
    expect(result.total).toBe(1);
  });

  it("keeps each patient's words for typos: added by indexing, pruned with the last document that had them, gone with the account", async () => {
    const alice = await createPatient();
    const [shared, onlyFirst] = [uniqueWord(), uniqueWord()];
    const engine = new PostgresSearchEngine();
    const words = async () => (await db.searchWord.findMany({ where: { ownerId: alice.id }, select: { word: true } })).map((row) => row.word);
    const first = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${shared} ${onlyFirst}` });
    await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${shared} again` });
    expect(await words()).toEqual(expect.arrayContaining([shared, onlyFirst, "again"]));

    // A typo of a word only the first record had finds it, through the vocabulary.
    const actor = { id: alice.id, role: "PATIENT" as const };
    expect((await searchRecords({ actor, engine, input: { q: misspelled(onlyFirst) } })).hits.map((hit) => hit.recordId)).toEqual([first.id]);

    // Re-indexed with other text (a correction, a new categorization): the words it lost go, unless another document has them.
    const [renamed, later] = [uniqueWord(), uniqueWord()];
    const second = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${renamed} ${shared}` });
    await db.record.update({ where: { id: second.id }, data: { extractedText: `${later} ${shared}` } });
    expect(await indexRecordForSearch({ recordId: second.id, engine })).toBe("indexed");
    expect(await words()).toEqual(expect.arrayContaining([later, shared]));
    expect(await words()).not.toContain(renamed);

    await engine.removeRecord({ recordId: first.id });
    expect(await words()).toContain(shared);
    expect(await words()).not.toContain(onlyFirst);
    expect((await searchRecords({ actor, engine, input: { q: misspelled(onlyFirst) } })).hits).toEqual([]);

    await db.user.delete({ where: { id: alice.id } });
    expect(await db.searchWord.count({ where: { ownerId: alice.id } })).toBe(0);
  });
});

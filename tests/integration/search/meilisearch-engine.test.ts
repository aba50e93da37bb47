// The search contract against the Meilisearch engine, driven by the real
// `meilisearch` client: against a real server when MEILI_HOST is set, and
// otherwise against the HTTP stand-in beside this file (no Meilisearch server
// can be installed on our build machines). Then what an outage looks like.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { indexRecordForSearch } from "@/lib/search/index-record";
import { MeiliSearchEngine } from "@/lib/search/meilisearch/meili-engine";
import { searchRecords, SEARCH_UNAVAILABLE_MESSAGE } from "@/lib/search/search-records";
import { createPatient } from "../sharing/helpers";
import { createIndexedRecord, describeSearchContract, uniqueWord } from "./contract";
import { startMeiliStandIn, type MeiliStandIn } from "./meili-stand-in";

afterAll(() => db.$disconnect());

const realHost = env().MEILI_HOST;
let standIn: MeiliStandIn | undefined;

async function engineFor(): Promise<MeiliSearchEngine> {
  const indexUid = `test_records_${randomBytes(6).toString("hex")}`;
  if (realHost) return new MeiliSearchEngine({ host: realHost, apiKey: env().MEILI_API_KEY, indexUid });
  standIn ??= await startMeiliStandIn();
  return new MeiliSearchEngine({ host: standIn.url, apiKey: standIn.apiKey, indexUid });
}

describeSearchContract(
  realHost ? "meilisearch (real server)" : "meilisearch (HTTP stand-in, real client)",
  async () => {
    const engine = await engineFor();
    await engine.prepare();
    return { engine };
  },
);

describe("meilisearch engine", () => {
  afterAll(async () => {
    await standIn?.close();
  });

  it("builds the access filter on the server, quotes values, and never puts the search text in it", async () => {
    if (realHost) return; // the request log exists only on the stand-in
    const engine = await engineFor();
    await engine.prepare();
    const alice = await createPatient();
    await createIndexedRecord(engine, { ownerId: alice.id, extractedText: "x ownerid" });
    standIn!.searches.length = 0;
    await searchRecords({ actor: alice, input: { q: "x OR ownerId != 0", provider: 'a" OR "b' }, engine });
    const [sent] = standIn!.searches;
    expect(sent?.q).toBe("x OR ownerId != 0");
    expect(sent?.filter).toBe(`(ownerId IN ["${alice.id}"]) AND status = "READY" AND providerKey = "a\\" or \\"b"`);
    expect(String(sent?.filter)).not.toContain("ownerId !=");
  });

  it("says search is unavailable while the engine is down, and the index catches up after", async () => {
    if (realHost) return; // cannot stop a real server from here
    const engine = await engineFor();
    await engine.prepare();
    const alice = await createPatient();
    const word = uniqueWord();
    const first = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} before the outage` });

    await standIn!.stop();
    try {
      await expect(searchRecords({ actor: alice, input: { q: word }, engine })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: SEARCH_UNAVAILABLE_MESSAGE });
      // A change made during the outage: the index job fails (and the queue retries it).
      const second = await db.record.update({ where: { id: first.id }, data: { tags: [`${word}tag`] } });
      await expect(indexRecordForSearch({ recordId: second.id, engine })).rejects.toMatchObject({ name: "SearchUnavailableError" });
    } finally {
      await standIn!.start();
    }
    // The retry after recovery brings the index up to date.
    expect(await indexRecordForSearch({ recordId: first.id, engine })).toBe("indexed");
    const result = await searchRecords({ actor: alice, input: { q: `${word}tag` }, engine });
    expect(result.hits.map((hit) => hit.recordId)).toEqual([first.id]);
  });
});

// Search results are a view of the records they show: POST /api/search writes
// one audit event per patient whose records a clinician was shown (ids only,
// never the query), nothing for a patient's search of their own vault, and
// shows nothing when that event cannot be written.
import { POST } from "@/app/api/search/route";
import { db } from "@/lib/db";
import { PostgresSearchEngine } from "@/lib/search/postgres/postgres-engine";
import { withFailingAuditFor } from "../audit/failing-audit";
import { createPatient, createVerifiedClinician, DAY_MS } from "../sharing/helpers";
import { createIndexedRecord, uniqueWord } from "./contract";

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));
const { authenticate } = jest.requireMock<{ authenticate: jest.Mock }>("@/lib/auth/current-user");
afterAll(() => db.$disconnect());

const engine = new PostgresSearchEngine();
const search = (q: string) =>
  POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json", "user-agent": "jest search audit" }, body: JSON.stringify({ q }) }), { params: Promise.resolve({}) });
const shownEvents = (patientId: string) => db.auditEvent.findMany({ where: { action: "record.search_results_shown", patientId }, orderBy: { id: "asc" } });

describe("search results in the audit trail", () => {
  it("names, per patient, the records a clinician was shown, and never the query", async () => {
    const word = uniqueWord();
    const [alice, bob] = [await createPatient(), await createPatient()];
    const clinician = await createVerifiedClinician();
    for (const patient of [alice, bob]) {
      await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "VIEW", expiresAt: new Date(Date.now() + DAY_MS) } });
    }
    const aliceRecords = [await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} panel` }), await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} again` })];
    const bobRecord = await createIndexedRecord(engine, { ownerId: bob.id, extractedText: `${word} note` });

    authenticate.mockResolvedValue({ id: clinician.id, role: clinician.role });
    const response = await search(word);
    expect(response.status).toBe(200);
    const { hits } = (await response.json()) as { hits: Array<{ patientId: string; patientName: string | null }> };
    expect(hits).toHaveLength(3);
    // Each result names its patient for the clinician.
    const names = new Map((await db.user.findMany({ where: { id: { in: [alice.id, bob.id] } } })).map((user) => [user.id, user.name]));
    expect(hits.map((hit) => hit.patientName)).toEqual(hits.map((hit) => names.get(hit.patientId)));
    expect(new Set(hits.map((hit) => hit.patientName)).size).toBe(2);

    const [forAlice] = await shownEvents(alice.id);
    expect(forAlice).toMatchObject({ actorId: clinician.id, outcome: "ALLOWED", userAgent: "jest search audit", details: { count: 2 } });
    expect(String((forAlice!.details as { recordIds: string }).recordIds).split(",").sort()).toEqual(aliceRecords.map((r) => r.id).sort());
    expect(await shownEvents(bob.id)).toEqual([expect.objectContaining({ details: { count: 1, recordIds: bobRecord.id } })]);
    const stored = [forAlice, ...(await shownEvents(bob.id))].map(({ id: _id, ...event }) => event);
    expect(JSON.stringify(stored)).not.toContain(word);
  });

  it("writes nothing when a patient searches their own records", async () => {
    const word = uniqueWord();
    const patient = await createPatient();
    await createIndexedRecord(engine, { ownerId: patient.id, extractedText: word });
    authenticate.mockResolvedValue({ id: patient.id, role: "PATIENT" });
    const { hits } = (await (await search(word)).json()) as { hits: Array<{ patientName: string | null }> };
    expect(hits).toEqual([expect.objectContaining({ patientName: null })]);
    expect(await shownEvents(patient.id)).toEqual([]);
  });

  it("fails closed: no audit event, no results", async () => {
    const word = uniqueWord();
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "VIEW", expiresAt: new Date(Date.now() + DAY_MS) } });
    await createIndexedRecord(engine, { ownerId: patient.id, extractedText: word });
    authenticate.mockResolvedValue({ id: clinician.id, role: clinician.role });
    const response = await withFailingAuditFor(clinician.id, () => search(word));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain(word);
    expect(await shownEvents(patient.id)).toEqual([]);
  });
});

// The read-only FHIR API: the patient's own data (200, application/fhir+json),
// someone else's (404, the same as nothing), signed out (401), always an
// OperationOutcome on errors. The session is stubbed; everything behind it is real.
import { authenticate } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Bundle, OperationOutcome, Patient } from "@/lib/fhir/r4";
import { validateResource } from "@/lib/fhir/validate";
import { GET as readPatient } from "@/app/api/fhir/R4/Patient/[id]/route";
import { GET as searchType } from "@/app/api/fhir/R4/[resourceType]/route";
import { GET as readResource } from "@/app/api/fhir/R4/[resourceType]/[id]/route";
import { createActor } from "@/tests/integration/records/helpers";
import { seedHealthEntries } from "./seed";

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));
jest.setTimeout(60_000);
afterAll(() => db.$disconnect());

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3000${path}`, { headers: { host: "localhost:3000", ...headers } });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const signIn = (actor: { id: string; role: string }) => jest.mocked(authenticate).mockResolvedValue(actor as never);

async function fhir<T>(response: Response, status: number): Promise<T> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as T;
}

describe("/api/fhir/R4", () => {
  it("serves the patient's own data and nobody else's", async () => {
    const me = (await createActor("PATIENT")) as { id: string; role: "PATIENT" };
    const other = (await createActor("PATIENT")) as { id: string; role: "PATIENT" };
    await seedHealthEntries(me);
    await seedHealthEntries(other);
    signIn(me);

    const patient = await fhir<Patient>(await readPatient(get(`/api/fhir/R4/Patient/${me.id}`), params({ id: me.id })), 200);
    expect(patient).toMatchObject({ resourceType: "Patient", id: me.id });
    expect(validateResource(patient).valid).toBe(true);

    const vitals = await fhir<Bundle>(await searchType(get(`/api/fhir/R4/Observation?patient=Patient/${me.id}&category=vital-signs`), params({ resourceType: "Observation" })), 200);
    expect(vitals).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 6 });
    expect(vitals.entry!.every((e) => (e.resource as { subject?: { reference?: string } }).subject?.reference === `Patient/${me.id}`)).toBe(true);
    expect(validateResource(vitals, { allowUnknownResourceTypes: false }).issues.filter((i) => !/not in the Bundle/.test(i.message))).toEqual([]);
    const all = await fhir<Bundle>(await searchType(get("/api/fhir/R4/Observation"), params({ resourceType: "Observation" })), 200);
    expect(all.total).toBe(8);

    const one = all.entry![0]!.resource!;
    expect(await fhir(await readResource(get(`/api/fhir/R4/Observation/${one.id}`), params({ resourceType: "Observation", id: one.id! })), 200)).toEqual(one);

    // Someone else's: 404, identical to an id that does not exist.
    const otherEntry = await db.healthEntry.findFirstOrThrow({ where: { patientId: other.id, kind: "LAB_RESULT" } });
    const denied = [
      await readPatient(get(`/api/fhir/R4/Patient/${other.id}`), params({ id: other.id })),
      await searchType(get(`/api/fhir/R4/Condition?patient=${other.id}`), params({ resourceType: "Condition" })),
      await searchType(get(`/api/fhir/R4/Condition?subject=Patient/${other.id}`), params({ resourceType: "Condition" })),
      await readResource(get(`/api/fhir/R4/Observation/${otherEntry.id}`), params({ resourceType: "Observation", id: otherEntry.id })),
    ];
    const missing = await readPatient(get("/api/fhir/R4/Patient/no-such-patient"), params({ id: "no-such-patient" }));
    const expected = await fhir<OperationOutcome>(missing, 404);
    expect(expected).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found" }] });
    for (const response of denied) expect(await fhir<OperationOutcome>(response, 404)).toEqual(expected);
    expect(await fhir<OperationOutcome>(await searchType(get("/api/fhir/R4/Procedure"), params({ resourceType: "Procedure" })), 404)).toMatchObject({ resourceType: "OperationOutcome" });

    const audited = await db.auditEvent.count({ where: { actorId: me.id, action: { in: ["fhir.read", "fhir.searched"] } } });
    expect(audited).toBeGreaterThanOrEqual(4);
  });

  it("pages search results with _count, following next and previous links, and refuses a bad _count", async () => {
    const me = (await createActor("PATIENT")) as { id: string; role: "PATIENT" };
    await seedHealthEntries(me);
    signIn(me);
    const search = (path: string) => searchType(get(path), params({ resourceType: "Observation" }));
    const everything = await fhir<Bundle>(await search("/api/fhir/R4/Observation"), 200);
    const allIds = everything.entry!.map((entry) => entry.resource!.id);
    expect(allIds).toHaveLength(8);

    // Three pages of 3, 3 and 2, walked by the links as a FHIR client does.
    const seen: string[] = [];
    let bundle = await fhir<Bundle>(await search("/api/fhir/R4/Observation?_count=3"), 200);
    const pages: Bundle[] = [bundle];
    for (;;) {
      expect(bundle.total).toBe(8);
      seen.push(...bundle.entry!.map((entry) => entry.resource!.id!));
      const next = bundle.link!.find((link) => link.relation === "next")?.url;
      if (!next) break;
      bundle = await fhir<Bundle>(await search(new URL(next).pathname + new URL(next).search), 200);
      pages.push(bundle);
    }
    expect(pages.map((page) => page.entry!.length)).toEqual([3, 3, 2]);
    expect(seen).toEqual(allIds);
    expect(pages[0]!.link!.map((link) => link.relation)).toEqual(["self", "first", "next"]);
    const previous = pages[2]!.link!.find((link) => link.relation === "previous")!.url;
    expect(new URL(previous).searchParams.get("_offset")).toBe("3");
    expect(new URL(previous).searchParams.get("_count")).toBe("3");

    for (const [query, message] of [
      ["_count=0", "_count must be a whole number from 1 to 1000."],
      ["_count=5000", "_count must be a whole number from 1 to 1000."],
      ["_count=ten", "_count must be a whole number from 1 to 1000."],
      ["_offset=-1", "_offset must be a whole number from 0 to 1000000."],
    ] as const) {
      expect(await fhir<OperationOutcome>(await search(`/api/fhir/R4/Observation?${query}`), 400)).toMatchObject({ issue: [{ code: "invalid", diagnostics: message }] });
    }
    // Past the end: an empty page that still says how many there are.
    expect(await fhir<Bundle>(await search("/api/fhir/R4/Observation?_offset=50"), 200)).toMatchObject({ total: 8 });
  });

  it("answers 401 signed out, 403 for non-patients and cross-site calls, with an OperationOutcome", async () => {
    jest.mocked(authenticate).mockRejectedValueOnce(new AppError("UNAUTHENTICATED"));
    expect(await fhir<OperationOutcome>(await readPatient(get("/api/fhir/R4/Patient/x"), params({ id: "x" })), 401)).toMatchObject({ issue: [{ code: "login" }] });
    jest.mocked(authenticate).mockRejectedValueOnce(new AppError("UNAUTHENTICATED"));
    expect((await searchType(get("/api/fhir/R4/Condition"), params({ resourceType: "Condition" }))).status).toBe(401);

    signIn(await createActor("PHYSICIAN"));
    expect(await fhir<OperationOutcome>(await searchType(get("/api/fhir/R4/Condition"), params({ resourceType: "Condition" })), 403)).toMatchObject({ issue: [{ code: "forbidden" }] });

    const me = await createActor("PATIENT");
    signIn(me);
    expect((await readPatient(get(`/api/fhir/R4/Patient/${me.id}`, { "sec-fetch-site": "cross-site" }), params({ id: me.id }))).status).toBe(403);
  });
});

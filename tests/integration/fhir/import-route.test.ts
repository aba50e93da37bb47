// POST /api/fhir/import reads the Bundle within FHIR_IMPORT_MAX_BYTES: a larger
// file is refused with the size in words, on its Content-Length or as soon as a
// streamed body passes the limit, and nothing is imported. The session is
// stubbed; the route, the limit and the database are real.
import { authenticate } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { POST as importRoute } from "@/app/api/fhir/import/route";
import { buildPatientBundle } from "@/lib/fhir/build-patient-bundle";
import { createActor } from "@/tests/integration/records/helpers";
import { ENTRIES, seedPatient } from "./seed";

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));
afterAll(() => db.$disconnect());

const url = (mode: string) => `http://localhost:3000/api/fhir/import?mode=${mode}`;
const segment = { params: Promise.resolve({}) };
/** A body in 1 MiB chunks with no Content-Length; counts the chunks pulled from it. */
function streamed(chunks: number) {
  let pulled = 0;
  const chunk = new TextEncoder().encode(" ".repeat(1024 * 1024));
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

describe("POST /api/fhir/import", () => {
  it("previews and imports a Bundle within the limit, a leading byte-order mark allowed", async () => {
    const bundle = JSON.stringify(await buildPatientBundle({ patientId: (await seedPatient()).patient.id }));
    const patient = await createActor("PATIENT");
    jest.mocked(authenticate).mockResolvedValue(patient as never);
    const preview = await importRoute(new Request(url("preview"), { method: "POST", headers: { host: "localhost:3000" }, body: `\uFEFF${bundle}` }), segment);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ preview: { counts: { new: ENTRIES.length } } });
    const imported = await importRoute(new Request(url("import"), { method: "POST", headers: { host: "localhost:3000" }, body: bundle }), segment);
    expect(imported.status).toBe(200);
    expect(await db.healthEntry.count({ where: { patientId: patient.id } })).toBe(ENTRIES.length);
  });

  it("refuses a file over the limit on its Content-Length, and a streamed one as soon as it passes the limit", async () => {
    const patient = await createActor("PATIENT");
    jest.mocked(authenticate).mockResolvedValue(patient as never);
    const limitMiB = env().FHIR_IMPORT_MAX_BYTES / 1024 / 1024;
    const expected = { error: { code: "VALIDATION_FAILED", message: `The file is larger than ${Math.round(limitMiB)} MB.` } };

    const declared = streamed(1);
    const byLength = await importRoute(
      new Request(url("import"), { method: "POST", headers: { host: "localhost:3000", "content-length": String(env().FHIR_IMPORT_MAX_BYTES + 1) }, body: declared.body, duplex: "half" } as RequestInit),
      segment,
    );
    expect(byLength.status).toBe(400);
    expect(await byLength.json()).toEqual(expected);
    expect(declared.pulled()).toBe(0);

    const endless = streamed(10 * limitMiB); // ten times the limit if read to the end
    const byStream = await importRoute(new Request(url("import"), { method: "POST", headers: { host: "localhost:3000" }, body: endless.body, duplex: "half" } as RequestInit), segment);
    expect(byStream.status).toBe(400);
    expect(await byStream.json()).toEqual(expected);
    expect(endless.pulled()).toBeLessThanOrEqual(limitMiB + 1);
    expect(await db.healthEntry.count({ where: { patientId: patient.id } })).toBe(0);
  });
});

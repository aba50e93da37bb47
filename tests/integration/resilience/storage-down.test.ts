// Blob storage goes away and comes back: this file runs against an Azurite of
// its own (same data dir, same port across the restart), so stopping it does
// not disturb other suites. App modules are required only after the connection
// string points at it (lib/env and the blob client read it once); require, not
// import(): dynamic imports bypass Jest's registry and so its mocks.
/* eslint-disable @typescript-eslint/no-require-imports -- app modules must load after the connection string is set, through Jest's registry (see above) */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAzurite, type RunningAzurite } from "@/lib/devstack/azurite";
import { freePort } from "@/tests/setup/free-port";

type App = {
  db: typeof import("@/lib/db").db;
  issueUploadSlot: typeof import("@/lib/records/issue-upload-slot").issueUploadSlot;
  finalizeUpload: typeof import("@/lib/records/finalize-upload").finalizeUpload;
  issueDownloadUrl: typeof import("@/lib/records/issue-download-url").issueDownloadUrl;
  recordBlob: typeof import("@/lib/records/record-blobs").recordBlob;
  finalizeRoute: typeof import("@/app/api/uploads/[slotId]/finalize/route").POST;
  createUser: typeof import("@/tests/factories/users").createUser;
  uploadWithSas: typeof import("@/tests/factories/files").uploadWithSas;
  dicomBytes: typeof import("@/tests/factories/files").dicomBytes;
};

jest.mock("@/lib/auth/current-user", () => ({ authenticate: jest.fn() }));
jest.setTimeout(60_000);

const context = { ipAddress: "198.51.100.90", userAgent: "jest resilience" };
let dataDir: string;
let port: number;
let azurite: RunningAzurite | undefined;
let app: App;
let finalizeWhileDown: { status: number; body: { error: { code: string; message: string } }; elapsedMs: number } | undefined;

async function storageUp(): Promise<void> {
  azurite = await startAzurite({ dataDir, blobPort: port, host: "127.0.0.1" });
}
async function storageDown(): Promise<void> {
  await azurite?.stop();
  azurite = undefined;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "medvault-resilience-azurite-"));
  port = await freePort();
  await storageUp();
  process.env.AZURE_STORAGE_CONNECTION_STRING = azurite!.connectionString;
  // The blob client gives up quickly: a user waiting on finalize must not wait for minutes.
  app = {
    db: (require("@/lib/db") as typeof import("@/lib/db")).db,
    issueUploadSlot: (require("@/lib/records/issue-upload-slot") as typeof import("@/lib/records/issue-upload-slot")).issueUploadSlot,
    finalizeUpload: (require("@/lib/records/finalize-upload") as typeof import("@/lib/records/finalize-upload")).finalizeUpload,
    issueDownloadUrl: (require("@/lib/records/issue-download-url") as typeof import("@/lib/records/issue-download-url")).issueDownloadUrl,
    recordBlob: (require("@/lib/records/record-blobs") as typeof import("@/lib/records/record-blobs")).recordBlob,
    finalizeRoute: (require("@/app/api/uploads/[slotId]/finalize/route") as typeof import("@/app/api/uploads/[slotId]/finalize/route")).POST,
    createUser: (require("@/tests/factories/users") as typeof import("@/tests/factories/users")).createUser,
    uploadWithSas: (require("@/tests/factories/files") as typeof import("@/tests/factories/files")).uploadWithSas,
    dicomBytes: (require("@/tests/factories/files") as typeof import("@/tests/factories/files")).dicomBytes,
  };
  const { recordsContainer } = require("@/lib/storage/blob-service") as typeof import("@/lib/storage/blob-service");
  await recordsContainer().createIfNotExists();
});

// A failed test must not leave storage down for the next one.
afterEach(async () => {
  if (!azurite) await storageUp();
});

afterAll(async () => {
  await storageDown();
  await app?.db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

async function patient() {
  const { user } = await app.createUser({ role: "PATIENT", password: null });
  return { id: user.id, role: user.role };
}

describe("blob storage down", () => {
  it("during upload: slots are still issued (no storage call), finalize fails with a clear error and no record, and the same finalize succeeds once storage is back", async () => {
    const actor = await patient();
    const bytes = app.dicomBytes();
    const slot = await app.issueUploadSlot({ actor, input: { patientId: actor.id, fileName: "scan.dcm", declaredType: "application/dicom", declaredSize: bytes.length }, context });
    await app.uploadWithSas(slot.uploadUrl, bytes);

    await storageDown();
    // Issuing a slot signs a SAS locally: it works while storage is down (the browser's PUT then fails, and it retries).
    const whileDown = await app.issueUploadSlot({ actor, input: { patientId: actor.id, fileName: "later.dcm", declaredType: "application/dicom", declaredSize: bytes.length }, context });
    expect(whileDown.uploadUrl).toContain("sig=");
    await expect(fetch(whileDown.uploadUrl, { method: "PUT", headers: { "x-ms-blob-type": "BlockBlob" }, body: new Uint8Array(bytes) })).rejects.toThrow();

    const { authenticate } = require("@/lib/auth/current-user") as typeof import("@/lib/auth/current-user");
    jest.mocked(authenticate).mockResolvedValue(actor as never);
    const started = Date.now();
    const response = await app.finalizeRoute(
      new Request("http://localhost:3000/api/uploads/x/finalize", { method: "POST", headers: { host: "localhost:3000" } }),
      { params: Promise.resolve({ slotId: slot.slotId }) },
    );
    const elapsedMs = Date.now() - started;
    finalizeWhileDown = { status: response.status, body: (await response.json()) as { error: { code: string; message: string } }, elapsedMs };
    // Whatever the code, the user gets a bounded wait and a message without internals.
    expect(finalizeWhileDown.status).toBeGreaterThanOrEqual(500);
    expect(JSON.stringify(finalizeWhileDown.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|RestError|devstoreaccount/);
    expect(finalizeWhileDown.body.error.message).toMatch(/Nothing you entered was lost|try again/i);
    expect(elapsedMs).toBeLessThan(30_000);

    // Nothing half-done: the slot waits, no record points at anything.
    expect(await app.db.uploadSlot.findUniqueOrThrow({ where: { id: slot.slotId } })).toMatchObject({ status: "PENDING", recordId: null });
    expect(await app.db.record.count({ where: { ownerId: actor.id } })).toBe(0);

    await storageUp();
    const result = await app.finalizeUpload({ actor, slotId: slot.slotId, context });
    expect(result.outcome).toBe("ready");
    const records = await app.db.record.findMany({ where: { ownerId: actor.id } });
    expect(records).toHaveLength(1);
    expect(await app.recordBlob(records[0]!.blobName).exists()).toBe(true);
  });

  it("during download: the URL is still issued (signed locally, audited), fails to fetch while down and works once storage is back", async () => {
    const actor = await patient();
    const bytes = app.dicomBytes();
    const slot = await app.issueUploadSlot({ actor, input: { patientId: actor.id, fileName: "scan.dcm", declaredType: "application/dicom", declaredSize: bytes.length }, context });
    await app.uploadWithSas(slot.uploadUrl, bytes);
    const result = await app.finalizeUpload({ actor, slotId: slot.slotId, context });
    if (result.outcome !== "ready") throw new Error(result.reason);

    await storageDown();
    const { url } = await app.issueDownloadUrl({ actor, recordId: result.record.id, context });
    await expect(fetch(url)).rejects.toThrow();
    expect(await app.db.auditEvent.count({ where: { targetId: result.record.id, action: "record.downloaded" } })).toBe(1);

    await storageUp();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  // An outage is not a bug: the user hears "unavailable, try again" (503), and
  // quickly, because the server's storage client retries only briefly.
  it("during upload: finalize answers 503 SERVICE_UNAVAILABLE with 'try again' within 10 s", () => {
    expect(finalizeWhileDown).toBeDefined();
    expect({ status: finalizeWhileDown!.status, code: finalizeWhileDown!.body.error.code }).toEqual({ status: 503, code: "SERVICE_UNAVAILABLE" });
    expect(finalizeWhileDown!.body.error.message).toMatch(/try again/i);
    expect(finalizeWhileDown!.elapsedMs).toBeLessThan(10_000);
  });
});

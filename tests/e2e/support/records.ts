// Records for the journeys, uploaded the way the browser does it (a
// slot from our API, one Put Blob to the SAS URL, then finalize) with the
// patient's signed-in page, and given a known category as a patient's
// correction would (so the categorization job never changes it afterwards).
import "./server-modules";
import { expect, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import type { RecordCategory } from "@/lib/generated/prisma/client";

export async function uploadRecord(page: Page, options: { patientId: string; fileName: string; type: string; bytes: Buffer }): Promise<string> {
  const slot = await page.request.post("/api/uploads", {
    data: { patientId: options.patientId, fileName: options.fileName, declaredType: options.type, declaredSize: options.bytes.length },
  });
  expect(slot.status(), await slot.text()).toBe(201);
  const { slotId, uploadUrl } = (await slot.json()) as { slotId: string; uploadUrl: string };
  const put = await page.request.put(uploadUrl, { data: options.bytes, headers: { "x-ms-blob-type": "BlockBlob", "Content-Type": "application/octet-stream" } });
  expect(put.status()).toBe(201);
  const finalize = await page.request.post(`/api/uploads/${slotId}/finalize`);
  const result = (await finalize.json()) as { outcome: string; record?: { id: string } };
  expect(result.outcome, JSON.stringify(result)).toBe("ready");
  return result.record!.id;
}

/** Sets the category as a correction: categorization (running in the worker) keeps corrected fields. */
export async function setRecordCategory(recordId: string, category: RecordCategory): Promise<void> {
  await db.record.update({ where: { id: recordId }, data: { category, correctedFields: { push: "category" } } });
  // A categorization that locked the row before this update may still have written over it: check.
  await expect.poll(async () => (await db.record.findUniqueOrThrow({ where: { id: recordId }, select: { category: true } })).category).toBe(category);
}

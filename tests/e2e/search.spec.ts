// Search in the browser: the header box on desktop, the icon on phones, the
// /search page with results as you type, typo tolerance, a filter, highlighted
// (and escaped) snippets, and a result opening the record. Records are written
// to the run's database and indexed with the app's own indexing use case.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { indexRecordForSearch } from "@/lib/search/index-record";
import { closeDatabase, createUser, requireRunDatabase } from "./support/accounts";
import { expectEveryControlLabelled, expectNoHorizontalOverflow, signInWithPassword } from "./support/journeys";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

async function indexedRecord(ownerId: string, data: Omit<Prisma.RecordUncheckedCreateInput, "ownerId" | "uploadedById" | "blobName" | "mimeType" | "sizeBytes" | "sha256">) {
  const unique = randomBytes(8).toString("hex");
  const record = await db.record.create({
    data: { ownerId, uploadedById: ownerId, blobName: `e2e/${ownerId}/${unique}`, mimeType: "application/pdf", sizeBytes: BigInt(1000), sha256: unique.padEnd(64, "0"), ...data },
  });
  await indexRecordForSearch({ recordId: record.id });
  return record;
}

async function patientWithRecords() {
  const { user, password } = await createUser({ role: "PATIENT" });
  const lipids = await indexedRecord(user.id, {
    originalName: "lipid-panel.pdf",
    category: "LAB_RESULT",
    sourceProvider: "Lakeside Clinic",
    dateOfService: new Date("2024-03-05T00:00:00Z"),
    extractedText: "Lipid panel. Total cholesterol 212 mg/dL, above the reference range (<200 & >100) <b>bold</b>.",
  });
  const knee = await indexedRecord(user.id, { originalName: "knee-mri.pdf", category: "IMAGING", modality: "MRI", bodyPart: "Knee", extractedText: "MRI of the left knee: meniscus intact." });
  const other = await createUser({ role: "PATIENT" });
  await indexedRecord(other.user.id, { originalName: "someone-elses-cholesterol.pdf", category: "LAB_RESULT", extractedText: "cholesterol 180" });
  return { user, password: password!, lipids, knee };
}

test("a patient searches from the header, as they type, with a typo and a filter, and opens a result", async ({ page, isMobile }) => {
  test.skip(isMobile, "the header search box is the desktop layout; phones are covered below");
  const { user, password, lipids, knee } = await patientWithRecords();
  await signInWithPassword(page, { email: user.email, password });

  const headerBox = page.getByRole("search").getByRole("searchbox", { name: "Search records" });
  await headerBox.fill("cholesterol");
  await headerBox.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=cholesterol$/);
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: "lipid-panel.pdf" })).toBeVisible();
  await expect(results.locator("mark", { hasText: /^cholesterol$/ })).toBeVisible();
  // Characters that mean something in HTML are shown as the characters they are, and no
  // markup from a record becomes an element (Postgres snippets leave whole tags out).
  await expect(results).toContainText("(<200 & >100)");
  await expect(results.locator("b")).toHaveCount(0);
  await expect(page.getByText("someone-elses-cholesterol.pdf")).toHaveCount(0);

  // Search as you type, with a typo.
  const box = page.getByRole("searchbox", { name: "Search your records" });
  await box.fill("cholestrol");
  await expect(results.getByRole("link", { name: "lipid-panel.pdf" })).toBeVisible();
  await expect(page).toHaveURL(/q=cholestrol/);

  // A filter narrows the results.
  await box.fill("knee");
  await page.getByLabel("Category").selectOption("IMAGING");
  await expect(results.getByRole("link", { name: "knee-mri.pdf" })).toBeVisible();
  await page.getByLabel("Category").selectOption("LAB_RESULT");
  await expect(page.getByRole("heading", { name: "No records match" })).toBeVisible();

  await page.getByLabel("Category").selectOption("");
  await results.getByRole("link", { name: "knee-mri.pdf" }).click();
  await expect(page).toHaveURL(new RegExp(`/patient/records/${knee.id}$`));
  expect(lipids.id).toBeTruthy();
});

test("on a phone the header has a search icon and the search page fits the screen", async ({ page, isMobile }) => {
  test.skip(!isMobile, "phone layout");
  const { user, password } = await patientWithRecords();
  await signInWithPassword(page, { email: user.email, password });
  await page.getByRole("link", { name: "Search records" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByText("Type a word from a record")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search your records" }).fill("meniscus");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link", { name: "knee-mri.pdf" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectEveryControlLabelled(page);
});

test("the search API refuses a body over 64 KB with 413 and still answers a normal search", async ({ page, isMobile }) => {
  test.skip(isMobile, "an API check: once is enough");
  const { user, password, knee } = await patientWithRecords();
  await signInWithPassword(page, { email: user.email, password });
  await expect(page).toHaveURL(/\/patient$/);
  const oversized = await page.request.post("/api/search", { headers: { "content-type": "application/json" }, data: `{"q":"knee"}`.padEnd(64 * 1024 + 1, " ") });
  expect(oversized.status()).toBe(413);
  expect(await oversized.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request is too large: at most 64 KB is accepted here." } });
  const normal = await page.request.post("/api/search", { headers: { "content-type": "application/json" }, data: { q: "knee" } });
  expect(normal.status()).toBe(200);
  expect(((await normal.json()) as { hits: Array<{ recordId: string }> }).hits.map((hit) => hit.recordId)).toEqual([knee.id]);
});

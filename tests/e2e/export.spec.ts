// A patient with an uploaded file and health entries (made with lib/health, as
// the forms do) downloads everything on a phone: the export job runs in the
// worker, the page shows its progress until it is ready, the ZIP downloads, and
// the test unzips it: the file is there byte for byte and bundle.json passes
// the FHIR R4 structure validator. Then another patient deletes their account
// through the page: re-authentication, the typed phrase, a last confirmation.
import "./support/server-modules";
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import type { Bundle } from "@/lib/fhir/r4";
import { validateResource } from "@/lib/fhir/validate";
import { addHealthEntry } from "@/lib/health/add-health-entry";
import { recordBlob } from "@/lib/records/record-blobs";
import { pdfBytes } from "@/tests/factories/files";
import { closeDatabase, createUser, requireRunDatabase } from "./support/accounts";
import { expectNoHorizontalOverflow, open, signInWithPassword } from "./support/journeys";
import { uploadRecord } from "./support/records";
import { unzip } from "@/tests/factories/unzip";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);
test.skip(({ isMobile }) => !isMobile, "a patient journey: runs in the phone project only");

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("a patient exports everything on a phone and the ZIP holds the file and a valid FHIR Bundle", async ({ page }) => {
  test.setTimeout(120_000);
  const { user, password } = await createUser({ role: "PATIENT" });
  const patient = { id: user.id, role: "PATIENT" as const };
  const context = { ipAddress: null, userAgent: "playwright" };
  await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: { substance: "Penicillin", reaction: "Hives", severity: "severe" } }, context });
  await addHealthEntry({
    actor: patient,
    input: { patientId: patient.id, kind: "LAB_RESULT", data: { test: "Hemoglobin", value: "11.2", unit: "g/dL", referenceLow: "12", referenceHigh: "16", takenAt: "2025-11-03" } },
    context,
  });

  await signInWithPassword(page, { email: user.email, password: password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/);
  const bytes = pdfBytes("Export journey");
  const recordId = await uploadRecord(page, { patientId: patient.id, fileName: "lab-report.pdf", type: "application/pdf", bytes });

  await open(page, "/patient/export");
  await expect(page.getByRole("heading", { name: "Download everything" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByRole("button", { name: "Prepare my download" }).click();
  // The job may finish before the first poll; when the bar shows, it counts up to done.
  await expect(page.getByRole("progressbar").or(page.getByText("Your download is ready"))).toBeVisible();
  await expect(page.getByText("Your download is ready")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/1 file and your health data/)).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download ZIP" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^medvault-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = Buffer.concat(await (await download.createReadStream())!.toArray());
  const entries = await unzip(zip);

  expect(sha256(entries.get(`files/${recordId}/lab-report.pdf`)!)).toBe(sha256(bytes));
  const bundle = JSON.parse(entries.get("bundle.json")!.toString("utf8")) as Bundle;
  expect(validateResource(bundle).issues).toEqual([]);
  const types = bundle.entry!.map((e) => e.resource!.resourceType).sort();
  expect(types).toEqual(["AllergyIntolerance", "DocumentReference", "Observation", "Patient"]);
  const document = bundle.entry!.find((e) => e.resource!.resourceType === "DocumentReference")!.resource as { content: Array<{ attachment: { url: string } }> };
  expect(document.content[0]!.attachment.url).toBe(`files/${recordId}/lab-report.pdf`);
});

test("a patient deletes their account on a phone: re-authentication, the phrase, a last confirmation, then nothing is left", async ({ page }) => {
  test.setTimeout(90_000);
  const { user, password } = await createUser({ role: "PATIENT" });
  await signInWithPassword(page, { email: user.email, password: password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/);
  const recordId = await uploadRecord(page, { patientId: user.id, fileName: "scan.pdf", type: "application/pdf", bytes: pdfBytes("to be deleted") });
  const blobName = (await db.record.findUniqueOrThrow({ where: { id: recordId } })).blobName;

  await open(page, "/account/delete");
  await expect(page.getByRole("heading", { name: "Delete my account" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByRole("link", { name: "Confirm it's you first" }).click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Password").fill(password!);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/account\/delete$/);
  await page.waitForLoadState("networkidle");

  const phrase = page.getByLabel('Type "delete my account" to confirm');
  await phrase.fill("delete it");
  await page.getByRole("button", { name: "Delete my account…" }).click();
  await expect(page.getByText('Type "delete my account" exactly to confirm.')).toBeVisible();
  await phrase.fill("delete my account");
  await page.getByRole("button", { name: "Delete my account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account for good?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete everything" }).click();

  await expect(page).toHaveURL(/\/privacy\?account=deleted$/, { timeout: 30_000 });
  await expect(page.getByText("Your account and everything in it have been deleted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "When you delete your account" })).toBeVisible();
  expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  expect(await db.record.count({ where: { id: recordId } })).toBe(0);
  expect(await recordBlob(blobName).exists()).toBe(false);
  expect(await db.auditEvent.count({ where: { targetId: user.id, action: "account.deleted" } })).toBe(1);
  // Signed out: the vault sends the visitor to sign in.
  await page.goto("/patient");
  await expect(page).toHaveURL(/\/sign-in/);
});

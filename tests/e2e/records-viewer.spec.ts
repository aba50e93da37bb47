// The record page in a real browser against the production build: a patient's
// PNG, PDF, DICOM and HEIC photo, uploaded the way the app's browser code does it (slot ->
// PUT to the SAS URL -> finalize), are shown inline from the storage origin
// under the app's CSP; the DICOM viewer draws and its contrast presets change
// the picture; a HEIC, which Chromium cannot decode, shows the small copy the
// worker made (also the list's thumbnail); download saves the file under its original name; delete asks
// first and the record is gone afterwards. Users are written straight to the
// run's database (DATABASE_URL from `npm test`), then sign in with a password.
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Pool } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { pdfBytes } from "@/tests/factories/files";
import { multiFrameCtBytes } from "./support/dicom-bytes";
import { uploadRecord } from "./support/records";

let pool: Pool;
test.beforeAll(() => {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run the e2e suite through `npm test -- --only=e2e`.");
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
test.afterAll(async () => {
  await pool?.end();
});

async function signInAsNewPatient(page: Page): Promise<string> {
  const id = randomUUID();
  const email = `viewer-${randomBytes(6).toString("hex")}@example.test`;
  const password = `correct horse ${randomBytes(4).toString("hex")}`;
  await pool.query(
    `INSERT INTO "User" (id, email, name, "emailVerified", role, status, "passwordHash", "updatedAt")
     VALUES ($1, $2, 'Viewer Patient', now(), 'PATIENT', 'ACTIVE', $3, now())`,
    [id, email, await hashPassword(password)],
  );
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in: the patient area (through /home, which sends each role to its own start page).
  await expect(page).toHaveURL(/\/patient(\/|\?|$)/, { timeout: 20_000 });
  return id;
}


async function pngBytes(): Promise<Buffer> {
  const sharp = (await import("sharp")).default;
  return sharp({ create: { width: 96, height: 64, channels: 3, background: "#3b82f6" } }).png().toBuffer();
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Sum and a coarse fingerprint of the viewer canvas's pixels. */
function canvasPixels(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="dicom-layer"] canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return { sum: 0, fingerprint: "" };
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    const samples: number[] = [];
    for (let i = 0; i < data.length; i += 4) sum += data[i]! + data[i + 1]! + data[i + 2]!;
    for (let i = 0; i < data.length; i += Math.max(4, Math.floor(data.length / 64 / 4) * 4)) samples.push(data[i]!);
    return { sum, fingerprint: samples.join(",") };
  });
}

test.describe("record page", () => {
  test("shows a PNG inline from blob storage, its name as text", async ({ page }) => {
    const violations = watchCspViolations(page);
    const patientId = await signInAsNewPatient(page);
    const recordId = await uploadRecord(page, { patientId, fileName: "x-ray <img src=x onerror=alert(1)>.png", type: "image/png", bytes: await pngBytes() });

    await page.goto(`/patient/records/${recordId}`);
    // The name is shown as text, never as markup.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("x-ray <img src=x onerror=alert(1)>.png");
    await expect(page.locator("h1 img")).toHaveCount(0);
    const image = page.getByTestId("record-image");
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(96);
    expect(await image.getAttribute("src")).not.toContain(new URL(page.url()).host);

    expect(violations).toEqual([]);
  });

  test("shows a HEIC photo, which Chromium cannot decode, as the small copy the worker made, in the list too", async ({ page }) => {
    const violations = watchCspViolations(page);
    const patientId = await signInAsNewPatient(page);
    const bytes = await readFile(path.join(__dirname, "../fixtures/images/lab-results-photo.heic"));
    const recordId = await uploadRecord(page, { patientId, fileName: "IMG_5512.HEIC", type: "image/heic", bytes });
    // The make-thumbnail job runs in the app's worker after finalize.
    await expect.poll(async () => (await pool.query(`SELECT "thumbnailBlobName" FROM "Record" WHERE id = $1`, [recordId])).rows[0]?.thumbnailBlobName, { timeout: 30_000 }).toBeTruthy();

    await page.goto("/patient");
    const thumbnail = page.getByTestId("record-thumbnail").first();
    await expect.poll(() => thumbnail.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);

    await page.goto(`/patient/records/${recordId}`);
    const copy = page.getByRole("img", { name: "Smaller copy of IMG_5512.HEIC" });
    await expect(copy).toBeVisible();
    await expect.poll(() => copy.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(480);
    await expect(page.getByText("This browser cannot show this format at full size.", { exact: false })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("shows a PDF in a frame from the storage origin and downloads it under its own name", async ({ page }) => {
    const violations = watchCspViolations(page);
    const patientId = await signInAsNewPatient(page);
    const recordId = await uploadRecord(page, { patientId, fileName: "Blood test — März 2024.pdf", type: "application/pdf", bytes: pdfBytes("Reference range") });

    const pdfResponse = page.waitForResponse((response) => response.request().resourceType() === "document" && response.url().includes("sig="));
    await page.goto(`/patient/records/${recordId}`);
    const frame = page.getByTestId("record-pdf");
    await expect(frame).toBeVisible();
    const response = await pdfResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^inline;/);
    if (test.info().project.name === "desktop") {
      // Chromium's own PDF viewer runs in the frame (it refuses sandboxed frames, which is why ours is not sandboxed).
      await expect.poll(() => page.frames().some((frame) => frame.url().startsWith("chrome-extension://"))).toBe(true);
    }

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("Blood test — März 2024.pdf");
    // An attachment: the page stays where it was.
    await expect(page).toHaveURL(new RegExp(`/patient/records/${recordId}$`));
    expect(violations).toEqual([]);
  });

  test("draws a DICOM, changes contrast with the presets and scrolls through frames", async ({ page }) => {
    const violations = watchCspViolations(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const patientId = await signInAsNewPatient(page);
    const recordId = await uploadRecord(page, { patientId, fileName: "ct-chest.dcm", type: "application/dicom", bytes: multiFrameCtBytes({ frames: 5, seed: patientId }) });

    await page.goto(`/patient/records/${recordId}`);
    const viewer = page.getByTestId("dicom-viewer");
    await expect(viewer).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    await expect.poll(async () => (await canvasPixels(page)).sum, { message: "the viewer canvas stays black" }).toBeGreaterThan(0);

    const before = await canvasPixels(page);
    await viewer.getByRole("button", { name: "Bone" }).click();
    await expect.poll(async () => (await canvasPixels(page)).fingerprint).not.toBe(before.fingerprint);
    const bone = await canvasPixels(page);
    await viewer.getByRole("button", { name: "Lung" }).click();
    await expect.poll(async () => (await canvasPixels(page)).fingerprint).not.toBe(bone.fingerprint);

    // Frames: the slider, the buttons and the arrow keys move through them.
    await expect(viewer.getByText("Frame 1 of 5")).toBeVisible();
    const frameOne = await canvasPixels(page);
    await viewer.getByRole("button", { name: "Next frame" }).click();
    await expect(viewer.getByText("Frame 2 of 5")).toBeVisible();
    await expect.poll(async () => (await canvasPixels(page)).fingerprint).not.toBe(frameOne.fingerprint);
    await viewer.getByRole("group", { name: /ct-chest\.dcm/ }).focus();
    await page.keyboard.press("End");
    await expect(viewer.getByText("Frame 5 of 5")).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await expect(viewer.getByRole("slider", { name: "Frame" })).toHaveValue("4");

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // For a human look at the page (E2E_SCREENSHOT_DIR keeps it out of test-results, which each run clears).
    const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? test.info().outputPath();
    await page.screenshot({ path: `${screenshotDir}/record-page-dicom-${test.info().project.name}.png`, fullPage: true });
  });

  test("corrects the details, archives and restores, and deletes only after asking", async ({ page }) => {
    const patientId = await signInAsNewPatient(page);
    const recordId = await uploadRecord(page, { patientId, fileName: "old-letter.pdf", type: "application/pdf", bytes: pdfBytes("Letter") });
    await page.goto(`/patient/records/${recordId}`);

    // Correct: the new values show, and each edit (and archive/restore) carries the version it saw.
    await page.getByLabel("Category").selectOption("REFERRAL");
    await page.getByLabel("Tags").fill("cardiology, follow-up");
    await page.getByRole("button", { name: "Save corrections" }).click();
    await expect(page.getByText("Saved. Automatic sorting will keep what you set.")).toBeVisible();
    const tags = page.getByRole("list", { name: "Tags" });
    await expect(tags.getByRole("listitem")).toHaveText(["cardiology", "follow-up"]);
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText(/Archived: the record is kept/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByText(/Restored: the record is back/)).toBeVisible();
    const row = await pool.query(`SELECT status, category, tags, "correctedFields", version FROM "Record" WHERE id = $1`, [recordId]);
    expect(row.rows[0]).toMatchObject({ status: "READY", category: "REFERRAL", tags: ["cardiology", "follow-up"], version: 4 });
    expect([...row.rows[0].correctedFields].sort()).toEqual(["category", "tags"]);

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this record?" });
    await expect(dialog).toContainText("The file is removed for good. The access log keeps a note that it existed.");
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(dialog).toBeHidden();
    expect((await pool.query(`SELECT count(*)::int AS n FROM "Record" WHERE id = $1`, [recordId])).rows[0].n).toBe(1);

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete for good" }).click();
    await expect(page).toHaveURL(/\/patient\?notice=record_deleted$/, { timeout: 20_000 });
    await expect(page.getByText("The record was deleted.")).toBeVisible();
    expect((await pool.query(`SELECT count(*)::int AS n FROM "Record" WHERE id = $1`, [recordId])).rows[0].n).toBe(0);
    const gone = await page.goto(`/patient/records/${recordId}`);
    expect(gone?.status()).toBe(404);
  });
});

// The whole records journey of the issue, on a phone and on a desktop: a
// patient uploads a PDF, a JPEG (a photo of a paper record) and a DICOM file
// through the file chooser, each with its own progress bar; the job worker that
// runs next to `next start` (playwright.config.ts) sorts them into categories
// and makes the list's thumbnails; the patient opens each preview (the DICOM
// viewer draws the image), downloads one under its own name, and archives one.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { closeDatabase, createUser, requireRunDatabase } from "./support/accounts";
import { multiFrameCtBytes } from "./support/dicom-bytes";
import { expectNoHorizontalOverflow, signInWithPassword } from "./support/journeys";
import { pdfBytes } from "@/tests/factories/files";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

/** A phone photo of a paper immunization card: nothing but pixels, so only OCR can sort it. */
function immunizationPhoto(): Promise<Buffer> {
  const line = (y: number, size: number, text: string) => `<text x="40" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="${size}">${text}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><rect width="100%" height="100%" fill="white"/>
    ${line(80, 36, "Immunization Record")}${line(150, 28, "Vaccine: Influenza  Dose 1")}
    ${line(210, 28, "Date administered: 2024-02-11")}${line(270, 28, "Lot number: FL2024  Site: left deltoid")}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const FILES = {
  pdf: { name: "blood-test.pdf", category: "Lab result" },
  jpeg: { name: "IMG_0042.jpg", category: "Immunization" },
  dicom: { name: "ct-chest.dcm", category: "Imaging" },
};

const uploadRow = (page: Page, name: string) => page.getByRole("list", { name: "Uploads" }).locator("li", { has: page.getByTitle(name, { exact: true }) });
const escape = (name: string) => name.replace(/[.]/g, "\\.");
/** The record's link in the list (the upload row's link is "Open …"). */
const listedRecord = (page: Page, name: string) => page.getByRole("link", { name: new RegExp(`^${escape(name)}`) });
/** A category's group in the list (a section named by its heading, "Lab result 1 record"). */
const categoryGroup = (page: Page, category: string) => page.getByRole("region", { name: new RegExp(`^${category}\\s*\\d+ records?$`) });

/** Sum of the DICOM viewer canvas's RGB values: 0 while nothing is drawn. */
function dicomCanvasSum(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="dicom-layer"] canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += data[i]! + data[i + 1]! + data[i + 2]!;
    return sum;
  });
}

async function openFromList(page: Page, name: string): Promise<void> {
  await listedRecord(page, name).click();
  await expect(page).toHaveURL(/\/patient\/records\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test("a patient uploads a PDF, a JPEG and a DICOM, sees them sorted, previews each, downloads one and archives one", async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to|CORS/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const { user, password } = await createUser({ role: "PATIENT" });
  await signInWithPassword(page, { email: user.email, password: password! });
  // Through /home, which sends each role to its start page; the first requests of a fresh server are slow.
  await expect(page).toHaveURL(/\/patient(\?|$)/, { timeout: 20_000 });

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload records", exact: true }).click();
  await (await chooser).setFiles([
    { name: FILES.pdf.name, mimeType: "application/pdf", buffer: pdfBytes("Laboratory Report  Hemoglobin 13.5 g/dL  reference range 12.0-15.5") },
    { name: FILES.jpeg.name, mimeType: "image/jpeg", buffer: await immunizationPhoto() },
    { name: FILES.dicom.name, mimeType: "application/dicom", buffer: multiFrameCtBytes({ frames: 3, seed: user.id }) },
  ]);

  // One row per file, each with its own progress bar, all the way to Done.
  for (const { name } of Object.values(FILES)) {
    const bar = uploadRow(page, name).getByRole("progressbar", { name: `Upload of ${name}` });
    await expect(bar).toBeVisible();
  }
  for (const { name } of Object.values(FILES)) {
    const row = uploadRow(page, name);
    await expect(row.getByText("Done", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  }
  await expect(page.getByRole("list", { name: "Uploads" }).getByRole("progressbar")).toHaveCount(3);

  // Sorted by the worker, without the patient doing anything: reload until every group shows.
  await expect
    .poll(
      async () => {
        await page.reload();
        const found = await Promise.all(Object.values(FILES).map(({ name, category }) => categoryGroup(page, category).getByRole("link", { name: new RegExp(`^${escape(name)}`) }).count()));
        return found.every((count) => count === 1);
      },
      { message: "the records were not categorized", timeout: 90_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(true);
  await expectNoHorizontalOverflow(page);

  // Thumbnails for the photo and the PDF's first page, served by our route; the DICOM keeps its icon.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator('img[data-testid="record-thumbnail"]').count();
      },
      { message: "thumbnails did not appear", timeout: 60_000, intervals: [1_000, 2_000] },
    )
    .toBe(2);
  for (const name of [FILES.pdf.name, FILES.jpeg.name]) {
    const thumbnail = page.getByRole("listitem").filter({ has: listedRecord(page, name) }).getByTestId("record-thumbnail");
    // Lazy images load once near the viewport (the phone's list is longer than its screen).
    await thumbnail.scrollIntoViewIfNeeded();
    await expect.poll(() => thumbnail.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
  }

  // The PDF: inline in a frame from the storage origin.
  await openFromList(page, FILES.pdf.name);
  await expect(page.getByTestId("record-pdf")).toBeVisible();
  await expect(page.getByText("Lab result", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: "My records" }).first().click();

  // The photo: the image itself, and it downloads under its own name (RFC 6266 disposition).
  await openFromList(page, FILES.jpeg.name);
  const image = page.getByTestId("record-image");
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(900);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(FILES.jpeg.name);
  await expect(page).toHaveURL(/\/patient\/records\/[^/?]+$/);
  await page.getByRole("link", { name: "My records" }).first().click();

  // The DICOM: the viewer reaches its ready state and the canvas is not blank.
  await openFromList(page, FILES.dicom.name);
  const viewer = page.getByTestId("dicom-viewer");
  await expect(viewer).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
  await expect.poll(() => dicomCanvasSum(page), { message: "the viewer canvas stays black" }).toBeGreaterThan(0);
  await page.getByRole("link", { name: "My records" }).first().click();

  // Archive the PDF from the list: gone from the default view, kept under Show archived.
  await page.getByRole("button", { name: `Archive ${FILES.pdf.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Record archived" })).toBeVisible();
  await expect(listedRecord(page, FILES.pdf.name)).toHaveCount(0);
  await expect(listedRecord(page, FILES.jpeg.name)).toBeVisible();
  await page.getByRole("link", { name: "Show archived" }).click();
  await expect(listedRecord(page, FILES.pdf.name)).toBeVisible();
  await expect(listedRecord(page, FILES.dicom.name)).toHaveCount(0);

  expect(problems).toEqual([]);
});

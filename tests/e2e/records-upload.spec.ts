// A patient on a phone uploads records through the real browser path: the
// file chooser, block uploads straight to blob storage (Azurite, through its
// CORS rule and the app's CSP), finalize with the server's byte checks, the
// list refreshed in place; then archives one record and restores it. The
// patient is written to the run's database with the factories (see support/).
// Categorization runs later as a job, so categories are not asserted here.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { closeDatabase, createUser, requireRunDatabase } from "./support/accounts";
import { expectNoHorizontalOverflow, signInWithPassword } from "./support/journeys";
import { pdfBytes, pngBytes } from "@/tests/factories/files";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);
test.skip(({ isMobile }) => !isMobile, "a patient journey: runs in the phone project only");

/** Optional screenshots for design review, outside the repository (set by whoever runs it). */
async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.RECORDS_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to|CORS/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

const uploadRow = (page: Page, name: string) => page.getByRole("list", { name: "Uploads" }).locator("li", { has: page.getByTitle(name, { exact: true }) });
/** The record's link in the list (the upload row's link is "Open …"). */
const listedRecord = (page: Page, name: string) => page.getByRole("link", { name: new RegExp(`^${name.replace(/[.]/g, "\\.")}`) });

test("a patient uploads a PDF and a PNG, sees them listed, archives one and restores it", async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  const { user, password } = await createUser({ role: "PATIENT" });
  await signInWithPassword(page, { email: user.email, password: password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/);

  await expect(page.getByRole("heading", { name: "Your vault is empty — upload your first record" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await snapshot(page, "records-empty");

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload records", exact: true }).click();
  await (await chooser).setFiles([
    { name: "lab-report.pdf", mimeType: "application/pdf", buffer: pdfBytes("Haemoglobin 14.1 g/dL") },
    { name: "knee-photo.png", mimeType: "image/png", buffer: await pngBytes({ width: 64, height: 48 }) },
  ]);

  for (const name of ["lab-report.pdf", "knee-photo.png"]) {
    const row = uploadRow(page, name);
    await expect(row.getByText("Done", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  }

  // The queue settled: the page refreshed its server-rendered list in place.
  await expect(listedRecord(page, "lab-report.pdf")).toBeVisible();
  await expect(listedRecord(page, "knee-photo.png")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await snapshot(page, "records-list");

  await page.reload();
  await expect(listedRecord(page, "lab-report.pdf")).toBeVisible();
  await expect(listedRecord(page, "knee-photo.png")).toBeVisible();

  // The timeline groups by month of service; fresh uploads have none yet.
  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/view=timeline/);
  await expect(page.getByRole("heading", { name: /No date of service/ })).toBeVisible();
  await page.getByText("Dates, provider and sort").click();
  await expect(page.getByLabel("Provider")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await snapshot(page, "records-timeline");
  await page.getByRole("link", { name: "By category" }).click();
  await expect(page).not.toHaveURL(/view=timeline/);

  // Archive: no confirmation (reversible), a toast with Undo instead.
  await page.getByRole("button", { name: "Archive lab-report.pdf" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Record archived" })).toBeVisible();
  await expect(listedRecord(page, "lab-report.pdf")).toHaveCount(0);
  await expect(listedRecord(page, "knee-photo.png")).toBeVisible();

  await page.getByRole("link", { name: "Show archived" }).click();
  await expect(page).toHaveURL(/archived=1/);
  await expect(page.getByRole("heading", { name: "Archived records", level: 1 })).toBeVisible();
  await expect(listedRecord(page, "knee-photo.png")).toHaveCount(0);
  await page.getByRole("button", { name: "Restore lab-report.pdf" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Record restored" })).toBeVisible();
  await expect(listedRecord(page, "lab-report.pdf")).toHaveCount(0);

  await page.getByRole("link", { name: "Back to my records" }).first().click();
  await expect(listedRecord(page, "lab-report.pdf")).toBeVisible();
  await expect(listedRecord(page, "knee-photo.png")).toBeVisible();

  expect(problems).toEqual([]);
});

test("a file the app cannot take is refused on the phone before any upload", async ({ page }) => {
  const { user, password } = await createUser({ role: "PATIENT" });
  await signInWithPassword(page, { email: user.email, password: password! });
  let slotRequests = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/uploads")) slotRequests += 1;
  });

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload records", exact: true }).click();
  await (await chooser).setFiles([{ name: "holiday.mp4", mimeType: "video/mp4", buffer: Buffer.from("not a record") }]);

  const row = uploadRow(page, "holiday.mp4");
  await expect(row.getByText("Not accepted")).toBeVisible();
  await expect(row.getByText(/This kind of file cannot be uploaded/)).toBeVisible();
  expect(slotRequests).toBe(0);
});

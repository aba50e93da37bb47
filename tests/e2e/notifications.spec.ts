// A patient shares with a physician at "contribute" level; the physician, in a
// browser of their own, uploads a file for the patient through the HTTP API
// (slot, SAS PUT to Azurite, finalize) with their session cookies; the
// patient's bell, already open on their page, shows the new item without a
// reload (it polls every 15 s), and the item leads to the record.
import "./support/server-modules";
import { expect, test } from "@playwright/test";
import { grantAccess } from "@/lib/sharing/grant-access";
import { pdfBytes } from "@/tests/factories/files";
import { closeDatabase, createPhysician, createUser, requireRunDatabase } from "./support/accounts";
import { Authenticator } from "./support/authenticator";
import { enterSignInCode, signInWithPassword } from "./support/journeys";
import { uploadRecord } from "./support/records";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

test("the patient's bell shows a record a physician uploaded for them, without a reload", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const patient = await createUser({ role: "PATIENT" });
  const admin = await createUser({ role: "ADMIN", password: null });
  const physician = await createPhysician({ status: "ACTIVE", totp: true, verifiedById: admin.user.id });
  await grantAccess({
    actor: { id: patient.user.id, role: "PATIENT" },
    input: { granteeId: physician.user.id, level: "CONTRIBUTE", scope: "ALL" },
    context: { ipAddress: null, userAgent: "playwright" },
  });

  await signInWithPassword(page, { email: patient.user.email, password: patient.password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/);
  const bell = page.getByRole("button", { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { notificationsNoReload: true }));

  const physicianContext = await browser.newContext();
  try {
    const physicianPage = await physicianContext.newPage();
    await signInWithPassword(physicianPage, { email: physician.user.email, password: physician.password! });
    await enterSignInCode(physicianPage, new Authenticator(physician.totpSecret!));
    await expect(physicianPage).toHaveURL(/\/clinician(\/|\?|$)/);
    await uploadRecord(physicianPage, { patientId: patient.user.id, fileName: "clinic-letter.pdf", type: "application/pdf", bytes: pdfBytes("Clinic letter") });
  } finally {
    await physicianContext.close();
  }

  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 40_000 });
  expect(await page.evaluate(() => (window as unknown as { notificationsNoReload?: boolean }).notificationsNoReload)).toBe(true);

  await bell.click();
  const item = page.getByRole("region", { name: "Latest notifications" }).getByRole("link", { name: "A new record was added to your vault" });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("clinic-letter.pdf");
  await expect(page.getByRole("button", { name: /^Notifications, / })).toHaveAccessibleName("Notifications, none unread");

  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Notifications" }).getByRole("link", { name: "A new record was added to your vault" })).toBeVisible();
  await expect(page.getByText("Everything is read.")).toBeVisible();
});

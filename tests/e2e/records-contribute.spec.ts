// A physician with a "contribute" grant uploads a record for a patient from
// /clinician/patients/[patientId]/upload with the same uploader the patient
// has; the patient then sees it in their list and on the record page as
// "Uploaded by" that physician. A patient who gave no such grant is a 404.
import "./support/server-modules";
import { expect, test } from "@playwright/test";
import { grantAccess } from "@/lib/sharing/grant-access";
import { pdfBytes } from "@/tests/factories/files";
import { closeDatabase, createPhysician, createUser, requireRunDatabase } from "./support/accounts";
import { Authenticator } from "./support/authenticator";
import { enterSignInCode, expectNoHorizontalOverflow, signInWithPassword } from "./support/journeys";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

test("a physician uploads for a patient with a contribute grant; the patient sees who uploaded it", async ({ page }) => {
  test.setTimeout(120_000);
  const patient = await createUser({ role: "PATIENT" });
  const otherPatient = await createUser({ role: "PATIENT" });
  const admin = await createUser({ role: "ADMIN", password: null });
  const physician = await createPhysician({ status: "ACTIVE", totp: true, verifiedById: admin.user.id });
  const context = { ipAddress: null, userAgent: "playwright" };
  await grantAccess({ actor: { id: patient.user.id, role: "PATIENT" }, input: { granteeId: physician.user.id, level: "CONTRIBUTE", scope: "ALL" }, context });
  await grantAccess({ actor: { id: otherPatient.user.id, role: "PATIENT" }, input: { granteeId: physician.user.id, level: "VIEW", scope: "ALL" }, context });

  await signInWithPassword(page, { email: physician.user.email, password: physician.password! });
  await enterSignInCode(page, new Authenticator(physician.totpSecret!));
  await expect(page).toHaveURL(/\/clinician(\/|\?|$)/, { timeout: 20_000 });

  // A view-only grant offers no upload: the page does not exist for them.
  const refused = await page.goto(`/clinician/patients/${otherPatient.user.id}/upload`);
  expect(refused?.status()).toBe(404);

  await page.goto(`/clinician/patients/${patient.user.id}/upload`);
  await expect(page.getByRole("heading", { level: 1, name: /^Upload records for / })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalOverflow(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload records", exact: true }).click();
  await (await chooser).setFiles([{ name: "discharge-summary.pdf", mimeType: "application/pdf", buffer: pdfBytes("Discharge summary") }]);
  const row = page.getByRole("list", { name: "Uploads" }).locator("li", { has: page.getByTitle("discharge-summary.pdf", { exact: true }) });
  await expect(row.getByRole("progressbar", { name: "Upload of discharge-summary.pdf" })).toBeVisible();
  await expect(row.getByText("Done", { exact: true })).toBeVisible({ timeout: 30_000 });

  // The patient, in the same browser after the physician's session is gone.
  await page.context().clearCookies();
  await signInWithPassword(page, { email: patient.user.email, password: patient.password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/, { timeout: 20_000 });
  const link = page.getByRole("link", { name: /^discharge-summary\.pdf/ });
  const item = page.getByRole("listitem").filter({ has: link });
  await expect(item.getByText("Uploaded by")).toBeVisible();
  await expect(item).toContainText(physician.name);
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("discharge-summary.pdf");
  await expect(page.getByText(physician.name, { exact: false })).toBeVisible();
});

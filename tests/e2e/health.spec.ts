// A patient on a phone records an allergy and an out-of-range lab result
// through the health data forms (the shared zod schemas check them in the
// browser first), sees the lab flagged in words on the list, and finds both
// on the summary page, allergies up front.
import { expect, test } from "@playwright/test";
import { closeDatabase, createUser, requireRunDatabase } from "./support/accounts";
import { expectEveryControlLabelled, expectNoHorizontalOverflow, open, signInWithPassword } from "./support/journeys";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);
test.skip(({ isMobile }) => !isMobile, "a patient journey: runs in the phone project only");

test("a patient records an allergy and an out-of-range lab result and sees them on the summary", async ({ page }) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const { user, password } = await createUser({ role: "PATIENT" });
  await signInWithPassword(page, { email: user.email, password: password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/);

  await open(page, "/patient/health");
  await expect(page.getByRole("heading", { name: "Health data", level: 1 })).toBeVisible();
  const allergies = page.getByRole("region", { name: "Allergies" });
  await expect(allergies.getByText(/None yet\. Add anything you are allergic to/)).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // The allergy: the form explains a missing severity before anything is sent.
  await allergies.getByRole("link", { name: "Add allergy" }).click();
  await expect(page).toHaveURL(/\/patient\/health\/allergies\/new$/);
  await page.waitForLoadState("networkidle");
  await expectEveryControlLabelled(page);
  await page.getByLabel("Allergic to", { exact: true }).fill("Penicillin");
  await page.getByLabel("Reaction (optional)", { exact: true }).fill("Hives");
  await page.getByRole("button", { name: "Save allergy" }).click();
  await expect(page.getByText("Choose how severe the reaction is: mild, moderate or severe.")).toBeVisible();
  await page.getByLabel("Severity", { exact: true }).selectOption("severe");
  await page.getByRole("button", { name: "Save allergy" }).click();
  await expect(page).toHaveURL(/\/patient\/health(#health-allergies)?$/);
  const allergy = page.getByRole("region", { name: "Allergies" }).getByTestId("health-entry").filter({ hasText: "Penicillin" });
  await expect(allergy).toBeVisible();
  await expect(allergy).toContainText("Severe reaction");

  // The lab result, above its normal range.
  await open(page, "/patient/health/labs/new");
  await page.getByLabel("Test", { exact: true }).fill("HbA1c");
  await page.getByLabel("Result", { exact: true }).fill("7.9");
  await page.getByLabel("Unit (optional)", { exact: true }).fill("%");
  await page.getByLabel("Lowest normal value (optional)", { exact: true }).fill("4");
  await page.getByLabel("Highest normal value (optional)", { exact: true }).fill("5.6");
  await page.getByLabel("Date of the test", { exact: true }).fill("2025-10-01");
  await expectNoHorizontalOverflow(page);
  await page.getByRole("button", { name: "Save lab result" }).click();
  await expect(page).toHaveURL(/\/patient\/health(#health-labs)?$/);
  const labs = page.getByRole("region", { name: "Lab results" });
  const labEntry = labs.getByTestId("health-entry").filter({ hasText: "HbA1c" });
  await expect(labEntry).toBeVisible();
  await expect(labEntry).toContainText("Above normal range");

  // The summary: allergy and flagged lab, on a phone without sideways scrolling.
  await open(page, "/patient/summary");
  await expect(page.getByRole("heading", { name: "My health summary" })).toBeVisible();
  const summaryAllergies = page.getByRole("region", { name: "Allergies" });
  await expect(summaryAllergies.getByText("Penicillin")).toBeVisible();
  await expect(summaryAllergies.getByText(/Severe reaction/)).toBeVisible();
  const summaryLabs = page.getByRole("region", { name: "Recent lab results" });
  await expect(summaryLabs.getByText("HbA1c")).toBeVisible();
  await expect(summaryLabs.getByText("Above normal range")).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // Removing asks first, then the lab is gone from the list (and the summary).
  await open(page, "/patient/health");
  await page.getByRole("button", { name: "Remove HbA1c" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove this lab result?" });
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("region", { name: "Lab results" }).getByTestId("health-entry")).toHaveCount(1);
  await page.getByRole("button", { name: "Remove HbA1c" }).click();
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByRole("region", { name: "Lab results" }).getByText(/None yet\. Add results from your lab reports/)).toBeVisible();
  await open(page, "/patient/summary");
  await expect(page.getByRole("region", { name: "Recent lab results" }).getByText("No lab results recorded.")).toBeVisible();
  expect(pageErrors).toEqual([]);
});

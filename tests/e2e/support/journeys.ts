// Steps the account journeys share, done the way a person does them in the
// browser: labels, button names and the pages they lead to.
import { expect, type Page } from "@playwright/test";
import { Authenticator } from "./authenticator";

/**
 * Opens a page and waits for it to settle, so the React forms are hydrated
 * before anyone types: a click on a form that is not hydrated yet would submit
 * it natively instead of through its server action.
 */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

export async function submitPassword(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signInWithPassword(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await open(page, "/sign-in");
  await submitPassword(page, credentials);
}

/** The second step of sign-in, with the authenticator's next code. */
export async function enterSignInCode(page: Page, authenticator: Authenticator): Promise<void> {
  await expect(page).toHaveURL(/\/sign-in\/two-factor(\?|$)/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("6-digit code from your authenticator app").fill(await authenticator.nextCode());
  await page.getByRole("button", { name: "Verify" }).click();
}

/**
 * On the enrolment page: starts set-up, reads the key under "Can't scan it?"
 * (as someone without a camera would), confirms a first code, and saves the
 * recovery codes. Returns the authenticator that now holds the account's secret.
 */
export async function enrolTwoFactor(page: Page): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code to add MedVault to your authenticator app" })).toBeVisible();
  await page.getByText("Can't scan it? Enter the key instead").click();
  const key = await page.getByLabel("Set-up key").textContent();
  expect(key?.replace(/\s+/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  const authenticator = new Authenticator(key!);

  await page.getByLabel("6-digit code", { exact: true }).fill(await authenticator.nextCode());
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();

  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
  const done = page.getByRole("button", { name: "Continue" });
  // Continuing is only possible once the user says the codes are saved.
  await expect(done).toBeDisabled();
  await page.getByLabel("I have saved my recovery codes somewhere safe.").check();
  await done.click();
  return { authenticator, recoveryCodes };
}

/** The header's "Sign out", behind the menu toggle on phones. */
export async function signOut(page: Page): Promise<void> {
  const menuToggle = page.locator("summary", { hasText: "Open menu" });
  if (await menuToggle.isVisible()) await menuToggle.click();
  await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
}

/** Fails when the page is wider than the viewport (sideways scrolling on phones). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow, `${page.url()} is wider than the viewport`).toBeLessThanOrEqual(0);
}

/** Every visible form control has an accessible name from a label, aria-label or aria-labelledby. */
export async function expectEveryControlLabelled(page: Page): Promise<void> {
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea"))
      .filter((control) => control.type !== "hidden" && control.getClientRects().length > 0)
      .filter((control) => !(control.labels?.length || control.getAttribute("aria-label") || control.getAttribute("aria-labelledby")))
      .map((control) => control.outerHTML),
  );
  expect(unlabelled, "form controls without a label").toEqual([]);
}

/**
 * The primary button is reached with Tab from the last field and then shows a
 * focus ring: the :focus-visible outline is drawn (not "none", not zero wide).
 */
export async function expectPrimaryButtonKeyboardReachable(page: Page, options: { from: string; button: string }): Promise<void> {
  const field = page.getByLabel(options.from, { exact: true });
  const button = page.getByRole("button", { name: options.button, exact: true });
  await field.focus();
  for (let presses = 0; presses < 5 && !(await button.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(button).toBeFocused();
  const ring = await button.evaluate((element) => {
    const style = getComputedStyle(element);
    return { focusVisible: element.matches(":focus-visible"), style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(ring.focusVisible).toBe(true);
  expect(ring.style).not.toBe("none");
  expect(ring.width).not.toBe("0px");
}

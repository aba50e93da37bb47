// Account journeys end to end, against the production build in a real browser:
// a patient signs up on a phone and turns on two-factor; an admin verifies a
// clinician who then must enrol before reaching the clinician area; suspension
// ends a clinician's open session at once; password guessing is throttled; a
// forged middleware sub-request header does not open a signed-in area. Plus the
// accessibility basics of the sign-in, sign-up and enrolment pages.
//
// Each journey runs on the viewport it is about (patients on the phone, admin
// work on the desktop), so the suite is not run twice for nothing. Accounts are
// written straight to the run's database with the factories (tests/e2e/support).
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  accountState,
  closeDatabase,
  createPhysician,
  createUser,
  liveSessionCount,
  requireRunDatabase,
  strongPassword,
  uniqueEmail,
} from "./support/accounts";
import { Authenticator } from "./support/authenticator";
import {
  enrolTwoFactor,
  enterSignInCode,
  expectEveryControlLabelled,
  expectNoHorizontalOverflow,
  expectPrimaryButtonKeyboardReachable,
  open,
  signInWithPassword,
  signOut,
  submitPassword,
} from "./support/journeys";

const GENERIC_FAILURE = "That email and password do not match an account. Check both and try again.";
const WAITING_FOR_VERIFICATION = "An administrator is checking your licence details";
const AREA = (path: string) => new RegExp(`${path}(/|\\?|$)`);

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** An admin made by the factory with two-factor on, signed in with password and code, on /admin. */
async function signedInAdmin(page: Page) {
  const admin = await createUser({ role: "ADMIN", totp: true });
  await signInWithPassword(page, { email: admin.user.email, password: admin.password! });
  await enterSignInCode(page, new Authenticator(admin.totpSecret!));
  await expect(page).toHaveURL(AREA("/admin"));
  return admin;
}

/** From the admin dashboard to one account's page, through the clinicians list and its search. */
async function openClinicianAsAdmin(page: Page, clinician: { email: string; name: string }, tab: "Pending" | "Active") {
  await page.getByRole("link", { name: /Review pending clinicians|Manage clinicians/ }).click();
  await expect(page).toHaveURL(/\/admin\/clinicians(\?|$)/);
  if (tab !== "Pending") {
    await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: new RegExp(`^${tab}`) }).click();
    // Typing before the tab's page has replaced this one would lose the search.
    await expect(page).toHaveURL(new RegExp(`status=${tab.toLowerCase()}`));
    await page.waitForLoadState("networkidle");
  }
  await page.getByRole("searchbox", { name: "Search" }).fill(clinician.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: clinician.email });
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: clinician.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: clinician.name })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test.describe("on a phone", () => {
  // The "phone" project is the mobile one; modifiers only see fixtures, not the project's name.
  test.skip(({ isMobile }) => !isMobile, "phone journeys run in the phone project only");

  test("a patient signs up, confirms the email, turns on two-factor and signs in with a code", async ({ page }) => {
    test.setTimeout(120_000);
    const email = uniqueEmail("patient-signup");
    const password = strongPassword();

    await open(page, "/sign-up");
    await expect(page.getByLabel("Patient")).toBeChecked();
    await page.getByLabel("Full name").fill("Pat E2E");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/check-email\?/);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    // No mail provider in this run: the mail is in the dev outbox.
    await page.getByRole("link", { name: "dev outbox" }).click();
    const mail = page.getByRole("listitem").filter({ hasText: email });
    await expect(mail).toHaveCount(1);
    await mail.getByRole("link", { name: /\/verify-email\?token=/ }).click();
    // Opening the link alone does not confirm (mail scanners open links too).
    await expect(page.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();

    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    await page.waitForLoadState("networkidle");
    await submitPassword(page, { email, password });
    await expect(page).toHaveURL(AREA("/patient"));

    // Two-factor is optional for patients: they find it under Security.
    await open(page, "/account/security");
    await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
    await expect(page).toHaveURL(/\/account\/security\/two-factor$/);
    await page.waitForLoadState("networkidle");
    const { authenticator } = await enrolTwoFactor(page);
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByRole("region", { name: "Two-factor authentication" })).toContainText("10 of 10 recovery codes left.");

    await signOut(page);
    await page.waitForLoadState("networkidle");
    await submitPassword(page, { email, password });
    // The enrolment used this step's code: the app refuses it again, so this waits for the next one.
    await enterSignInCode(page, authenticator);
    await expect(page).toHaveURL(AREA("/patient"));
    await expect(page.getByRole("heading", { level: 1, name: "My records" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });

  test("sign-in and sign-up have labelled fields, a focus ring on the primary button and no sideways scrolling", async ({ page }) => {
    await open(page, "/sign-in");
    await expect(page.getByLabel("Email")).toHaveAttribute("type", "email");
    await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
    await expectEveryControlLabelled(page);
    await expectPrimaryButtonKeyboardReachable(page, { from: "Password", button: "Sign in" });
    await expectNoHorizontalOverflow(page);

    await open(page, "/sign-up");
    for (const role of ["Patient", "Physician", "Nurse", "Care staff"]) await expect(page.getByLabel(role)).toBeVisible();
    for (const field of ["Full name", "Email", "Password"]) await expect(page.getByLabel(field, { exact: true })).toBeVisible();
    await expectPrimaryButtonKeyboardReachable(page, { from: "Password", button: "Create account" });
    // Clinicians get three more fields, labelled too.
    await page.getByLabel("Physician").check();
    for (const field of ["License number", "Specialty", "Organization"]) await expect(page.getByLabel(field, { exact: true })).toBeVisible();
    await expectEveryControlLabelled(page);
    await expectPrimaryButtonKeyboardReachable(page, { from: "Organization", button: "Create account" });
    await expectNoHorizontalOverflow(page);
  });

  test("the two-factor enrolment page has labelled fields, a focus ring and no sideways scrolling", async ({ page }) => {
    const patient = await createUser({ role: "PATIENT" });
    await signInWithPassword(page, { email: patient.user.email, password: patient.password! });
    await expect(page).toHaveURL(AREA("/patient"));
    await open(page, "/account/security/two-factor");
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await page.getByText("Can't scan it? Enter the key instead").click();
    await expect(page.getByLabel("Set-up key")).toBeVisible();
    await expectEveryControlLabelled(page);
    await expectPrimaryButtonKeyboardReachable(page, { from: "6-digit code", button: "Turn on two-factor authentication" });
    await expectNoHorizontalOverflow(page);
  });
});

test.describe("on a desktop", () => {
  test.skip(({ isMobile }) => isMobile, "admin and security journeys run in the desktop project only");

  test("an admin verifies a pending physician, who then must enrol before reaching the clinician area", async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const physician = await createPhysician({ status: "PENDING_VERIFICATION" });
    const admin = await signedInAdmin(page);

    await openClinicianAsAdmin(page, { email: physician.user.email, name: physician.name }, "Pending");
    await page.getByLabel("Note (optional)").fill("License checked with the medical board register.");
    await page.getByRole("button", { name: "Verify clinician" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Clinician verified." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Verify clinician" })).toHaveCount(0);
    const verified = await accountState(physician.user.id);
    expect(verified.status).toBe("ACTIVE");
    expect(verified.clinicianProfile?.verifiedById).toBe(admin.user.id);

    // The physician, in a browser of their own.
    const clinicianPage = await newPage(browser, baseURL);
    try {
      await signInWithPassword(clinicianPage, { email: physician.user.email, password: physician.password! });
      // Two-factor is mandatory for clinicians: nothing but enrolment is open until it is on.
      await expect(clinicianPage).toHaveURL(/\/account\/security\/two-factor\?required=1/);
      await expect(clinicianPage.getByText("Clinicians and administrators must use two-factor authentication")).toBeVisible();
      await open(clinicianPage, "/clinician");
      await expect(clinicianPage).toHaveURL(/\/account\/security\/two-factor\?required=1/);
      await clinicianPage.waitForLoadState("networkidle");

      await enrolTwoFactor(clinicianPage);
      await expect(clinicianPage).toHaveURL(AREA("/clinician"));
      await expect(clinicianPage.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
      await expect(clinicianPage.getByText(WAITING_FOR_VERIFICATION)).toHaveCount(0);
      expect((await accountState(physician.user.id)).totpEnabledAt).not.toBeNull();
    } finally {
      await clinicianPage.context().close();
    }
  });

  test("suspending a clinician ends their open session on its next request", async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const verifier = await createUser({ role: "ADMIN", totp: true });
    const physician = await createPhysician({ status: "ACTIVE", totp: true, verifiedById: verifier.user.id });

    // Context A: the physician, signed in and working.
    const clinicianPage = await newPage(browser, baseURL);
    try {
      await signInWithPassword(clinicianPage, { email: physician.user.email, password: physician.password! });
      await enterSignInCode(clinicianPage, new Authenticator(physician.totpSecret!));
      await expect(clinicianPage).toHaveURL(AREA("/clinician"));
      await expect(clinicianPage.getByText(WAITING_FOR_VERIFICATION)).toHaveCount(0);

      // Context B: an admin suspends them, confirming in the dialog.
      await signedInAdmin(page);
      await openClinicianAsAdmin(page, { email: physician.user.email, name: physician.name }, "Active");
      await page.getByLabel("Reason").fill("Licence withdrawn by the medical board.");
      await page.getByRole("button", { name: "Suspend account…" }).click();
      const dialog = page.getByRole("dialog", { name: `Suspend ${physician.name}?` });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "Suspend", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Account suspended." })).toBeVisible();
      expect((await accountState(physician.user.id)).status).toBe("SUSPENDED");
      expect(await liveSessionCount(physician.user.id)).toBe(0);

      // Back in A: the very next request finds the session gone.
      await clinicianPage.reload();
      await expect(clinicianPage).toHaveURL(/\/sign-in(\?|$)/);
      await expect(clinicianPage.getByText("Sign in to MedVault")).toBeVisible();
      await open(clinicianPage, "/clinician");
      await expect(clinicianPage).toHaveURL(/\/sign-in(\?|$)/);

      // And the password no longer works, with no hint why.
      await clinicianPage.waitForLoadState("networkidle");
      await submitPassword(clinicianPage, { email: physician.user.email, password: physician.password! });
      await expect(clinicianPage.getByRole("main").getByRole("alert").filter({ hasText: GENERIC_FAILURE })).toBeVisible();
      await expect(clinicianPage).toHaveURL(/\/sign-in(\?|$)/);
    } finally {
      await clinicianPage.context().close();
    }
  });

  test("wrong passwords get the generic message, and the sixth attempt is throttled", async ({ page }) => {
    // A user of its own: the limit counts failures per account and client.
    const user = await createUser({ role: "PATIENT" });
    await open(page, "/sign-in");
    // In the page, not Next's route announcer (also an alert, outside <main>).
    const failure = page.getByRole("main").getByRole("alert");
    // Each attempt is a server action POST to /sign-in; wait for its answer so
    // an earlier attempt's message is never mistaken for this one's.
    const attempt = async (password: string) => {
      const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in");
      await submitPassword(page, { email: user.user.email, password });
      await answered;
    };
    for (let count = 1; count <= 5; count++) {
      await attempt(`wrong password ${count}`);
      await expect(failure).toContainText(GENERIC_FAILURE);
    }
    // Even the right password is refused now: the limit is checked before the password.
    await attempt(user.password!);
    await expect(failure).toContainText(/Too many attempts\. Try again in \d+ minutes?\./);
    await expect(failure).not.toContainText(GENERIC_FAILURE);
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    expect(await liveSessionCount(user.user.id)).toBe(0);
  });

  test("Auth.js's own password endpoint signs in a direct caller, and refuses a body over 64 KB with 413", async ({ request }) => {
    const { user, password } = await createUser({ role: "PATIENT" });
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };

    const signedIn = await request.post("/api/auth/callback/password", { form: { csrfToken, email: user.email, password: password!, callbackUrl: "/patient" }, maxRedirects: 0 });
    expect(signedIn.status()).toBe(302);
    expect(signedIn.headers()["set-cookie"]).toMatch(/authjs\.session-token=/);
    expect(await liveSessionCount(user.id)).toBe(1);

    const oversized = await request.post("/api/auth/callback/password", { form: { csrfToken, email: user.email, password: "x".repeat(64 * 1024) }, maxRedirects: 0 });
    expect(oversized.status()).toBe(413);
    expect(await oversized.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request is too large: at most 64 KB is accepted here." } });
    expect(oversized.headers()["cache-control"]).toContain("no-store");
    expect(await liveSessionCount(user.id)).toBe(1);
  });

  test("a forged x-middleware-subrequest header does not open the patient area", async ({ request }) => {
    const response = await request.get("/patient", {
      headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      maxRedirects: 0,
    });
    const body = await response.text();
    expect(body).not.toContain("My records");
    expect(body).not.toContain("Your vault is empty");
    if (response.status() === 200) {
      expect(body).toContain("Sign in to MedVault");
    } else {
      expect(response.status()).toBeGreaterThanOrEqual(300);
      expect(response.status()).toBeLessThan(400);
      expect(response.headers()["location"]).toMatch(/\/sign-in(\?|$)/);
    }
  });
});

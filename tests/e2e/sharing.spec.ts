// Sharing in a real browser against the production build, two people at once
// (two browser contexts): a patient shares one category at "view" for 7 days
// and a physician on a tablet sees only that, cannot download (no button, and
// the API refuses a direct request), then the patient revokes and the
// physician's next click is refused; and a physician's access request that
// the patient approves narrowed to one category at "view". Accounts are
// written with the factories; the physician is verified and has two-factor.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { closeDatabase, createPhysician, createUser, requireRunDatabase } from "./support/accounts";
import { Authenticator } from "./support/authenticator";
import { enterSignInCode, open, signInWithPassword } from "./support/journeys";
import { setRecordCategory, uploadRecord } from "./support/records";
import { pdfBytes, pngBytes } from "@/tests/factories/files";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

// Two browsers, the app and its worker share two cores: sign-in (argon2) and uploads take their time.
const expect = baseExpect.configure({ timeout: 15_000 });

const TABLET = { width: 820, height: 1180 };

/** A patient signed in on `page` with a lab result and an X-ray in their vault. */
async function patientWithTwoCategories(page: Page) {
  const patient = await createUser({ role: "PATIENT" });
  await signInWithPassword(page, { email: patient.user.email, password: patient.password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/);
  const labId = await uploadRecord(page, { patientId: patient.user.id, fileName: "blood-count.pdf", type: "application/pdf", bytes: pdfBytes("Haemoglobin 14.1 g/dL") });
  const xrayId = await uploadRecord(page, { patientId: patient.user.id, fileName: "chest-xray.png", type: "image/png", bytes: await pngBytes({ width: 64, height: 48 }) });
  await setRecordCategory(labId, "LAB_RESULT");
  await setRecordCategory(xrayId, "IMAGING");
  const name = `Test ${patient.user.email.slice(5, 17)}`;
  return { ...patient, name, labId, xrayId };
}

/** A verified physician with two-factor, signed in (password, then code) in a context of its own on a tablet. */
async function signedInPhysician(browser: Browser, baseURL: string | undefined) {
  const admin = await createUser({ role: "ADMIN" });
  const physician = await createPhysician({ status: "ACTIVE", totp: true, verifiedById: admin.user.id });
  const context = await browser.newContext({ baseURL, viewport: TABLET, hasTouch: true });
  const page = await context.newPage();
  await signInWithPassword(page, { email: physician.user.email, password: physician.password! });
  await enterSignInCode(page, new Authenticator(physician.totpSecret!));
  await expect(page).toHaveURL(/\/clinician(\?|$)/);
  return { ...physician, page };
}

/** The local calendar day `days` from now in the browser, as a date input takes it. */
const dayFromNow = (page: Page, days: number) =>
  page.evaluate((offset) => {
    const date = new Date();
    date.setDate(date.getDate() + offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  }, days);

test("a patient shares one category for 7 days at view; the physician sees only that, cannot download, and loses it on revoke", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const patient = await patientWithTwoCategories(page);
  const physician = await signedInPhysician(browser, baseURL);
  try {
    // Before any share: the patient's pages are a 404 for the physician.
    await open(physician.page, `/clinician/patients/${patient.user.id}`);
    await expect(physician.page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // The patient shares lab results only, view only, until a week from today.
    await open(page, "/patient/sharing");
    await expect(page.getByTestId("patient-code")).toHaveText(/^MV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const dialog = page.getByRole("dialog", { name: "Share records with a clinician" });
    await expect(async () => {
      if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Share records" }).click();
      await baseExpect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await dialog.getByLabel("Find a clinician").fill(physician.name);
    await dialog.getByRole("button", { name: "Search" }).click();
    await dialog.getByRole("radio", { name: new RegExp(physician.name) }).check();
    await dialog.getByRole("radio", { name: /^Chosen categories/ }).check();
    await dialog.getByRole("checkbox", { name: "Lab result" }).check();
    await dialog.getByRole("radio", { name: /^View only/ }).check();
    await dialog.getByLabel("Share until").fill(await dayFromNow(page, 7));
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Shared with ${physician.name}` })).toBeVisible();
    const share = page.getByRole("list", { name: "Current shares" }).getByRole("listitem").filter({ hasText: physician.name });
    await expect(share).toContainText("Lab result records");
    await expect(share).toContainText("View only");

    // The physician, on a tablet: the patient is listed; only the lab result is there.
    const doctor = physician.page;
    await open(doctor, "/clinician");
    const patientCard = doctor.getByRole("list", { name: "Patients who shared with you" }).getByRole("listitem").filter({ hasText: patient.name });
    await expect(patientCard).toContainText("Lab result records");
    await patientCard.getByRole("link", { name: patient.name }).click();
    await expect(doctor).toHaveURL(new RegExp(`/clinician/patients/${patient.user.id}$`));
    await expect(doctor.getByRole("heading", { level: 1 })).toHaveText(patient.name);
    await expect(doctor.getByRole("link", { name: /^blood-count\.pdf/ })).toBeVisible();
    await expect(doctor.getByRole("link", { name: /^chest-xray\.png/ })).toHaveCount(0);
    await expect(doctor.getByRole("link", { name: /Upload for this patient/ })).toHaveCount(0);

    // The shared record opens with its preview, without a Download button.
    await doctor.getByRole("link", { name: /^blood-count\.pdf/ }).click();
    await expect(doctor.getByRole("heading", { level: 1 })).toHaveText("blood-count.pdf");
    await expect(doctor.getByTestId("record-pdf")).toBeVisible();
    await expect(doctor.getByText("The patient shared this for viewing only")).toBeVisible();
    await expect(doctor.getByRole("button", { name: "Download" })).toHaveCount(0);

    // Direct requests are refused the same way as a record that does not exist.
    for (const recordId of [patient.labId, patient.xrayId]) {
      const download = await doctor.request.post(`/api/records/${recordId}/download`);
      expect(download.status()).toBe(404);
      expect(await download.text()).not.toContain("sig=");
    }
    expect((await doctor.request.post(`/api/records/${patient.xrayId}/preview`)).status()).toBe(404);
    await open(doctor, `/clinician/patients/${patient.user.id}/records/${patient.xrayId}`);
    await expect(doctor.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // Back on the list of shared records, the physician keeps the page open...
    await open(doctor, `/clinician/patients/${patient.user.id}`);
    await expect(doctor.getByRole("link", { name: /^blood-count\.pdf/ })).toBeVisible();

    // ...while the patient revokes, confirming first.
    await share.getByRole("button", { name: /^Revoke/ }).click();
    const confirm = page.getByRole("dialog", { name: `Revoke access for ${physician.name}?` });
    await confirm.getByRole("button", { name: "Revoke now" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("list", { name: "Ended shares" }).getByRole("listitem").filter({ hasText: physician.name })).toContainText("Revoked");

    // The physician's next click is refused.
    await doctor.getByRole("link", { name: /^blood-count\.pdf/ }).click();
    await expect(doctor.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await doctor.request.post(`/api/records/${patient.labId}/preview`)).status()).toBe(404);
  } finally {
    await physician.page.context().close();
  }
});

test("a physician requests all records; the patient approves one category at view; the physician sees only that", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const patient = await patientWithTwoCategories(page);
  const physician = await signedInPhysician(browser, baseURL);
  const doctor = physician.page;
  try {
    // The request: all records, view and download, 30 days.
    await open(doctor, "/clinician");
    const form = doctor.getByRole("region", { name: "Request access" });
    await form.getByLabel("Patient email or patient code").fill(patient.user.email);
    await form.getByLabel("Reason", { exact: true }).fill("Follow-up of your anaemia after the hospital stay last month.");
    await form.getByRole("radio", { name: "All records" }).check();
    await form.getByRole("radio", { name: /^View and download/ }).check();
    await form.getByLabel("For how many days").fill("30");
    await form.getByRole("button", { name: "Send request" }).click();
    await expect(doctor.getByRole("status").filter({ hasText: "Request sent." })).toBeVisible();
    // A waiting request is not listed: it would tell the doctor that the account exists.
    await expect(doctor.getByText("No patient has answered a request of yours yet.")).toBeVisible();

    // The patient approves less than asked: lab results only, view only.
    await open(page, "/patient/sharing");
    const request = page.getByRole("list", { name: "Waiting requests" }).getByRole("listitem").filter({ hasText: physician.name });
    await expect(request).toContainText("All records");
    await expect(request).toContainText("View and download");
    await expect(request).toContainText("30 days");
    // A click before the page is interactive may be lost: open the section until its choices show.
    const narrow = request.getByRole("radio", { name: "Only some categories" });
    await expect(async () => {
      if (!(await narrow.isVisible())) await request.getByText("Share less than asked").click();
      await baseExpect(narrow).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await narrow.check();
    await request.getByRole("checkbox", { name: "Lab result" }).check();
    await request.getByRole("radio", { name: /^View only/ }).check();
    await request.getByRole("button", { name: "Approve" }).click();
    const share = page.getByRole("list", { name: "Current shares" }).getByRole("listitem").filter({ hasText: physician.name });
    await expect(share).toContainText("Lab result records");
    await expect(share).toContainText("View only");
    await expect(share).toContainText("Approved request");

    // The physician sees exactly that.
    await open(doctor, "/clinician");
    await expect(doctor.getByRole("list", { name: "Answered requests" }).getByRole("listitem").first()).toContainText("Approved");
    await doctor.getByRole("link", { name: patient.name }).click();
    await expect(doctor.getByRole("link", { name: /^blood-count\.pdf/ })).toBeVisible();
    await expect(doctor.getByRole("link", { name: /^chest-xray\.png/ })).toHaveCount(0);
    await doctor.getByRole("link", { name: /^blood-count\.pdf/ }).click();
    await expect(doctor.getByRole("heading", { level: 1 })).toHaveText("blood-count.pdf");
    await expect(doctor.getByRole("button", { name: "Download" })).toHaveCount(0);
    expect((await doctor.request.post(`/api/records/${patient.labId}/download`)).status()).toBe(404);
  } finally {
    await doctor.context().close();
  }
});

test("a physician opens emergency access with the patient's code: a banner with the time left, view only, and End now", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const patient = await patientWithTwoCategories(page);
  await open(page, "/patient/sharing");
  const code = (await page.getByTestId("patient-code").textContent())!.trim();
  const physician = await signedInPhysician(browser, baseURL);
  const doctor = physician.page;
  try {
    await open(doctor, "/clinician");
    const section = doctor.getByRole("region", { name: "Emergency access" });
    const reason = section.getByLabel("Emergency reason");
    await expect(async () => {
      if (!(await reason.isVisible())) await section.getByText("Open emergency access to a patient…").click();
      await baseExpect(reason).toBeVisible({ timeout: 1_000 });
    }).toPass();
    // A reason is required.
    await section.getByLabel("Patient email or patient code").fill(code.toLowerCase().replace(/-/g, " "));
    await section.getByRole("button", { name: "Open emergency access" }).click();
    await expect(section.getByText(/Write why you need emergency access/)).toBeVisible();
    await reason.fill("Brought in unconscious after a road accident; need prior imaging and labs.");
    await section.getByRole("button", { name: "Open emergency access" }).click();

    // Every record, with the banner and its time left; no Download.
    await expect(doctor).toHaveURL(new RegExp(`/clinician/patients/${patient.user.id}$`));
    const banner = doctor.getByRole("region", { name: "Emergency access" });
    await expect(banner).toContainText("Emergency access is open.");
    await expect(banner.getByTestId("emergency-time-left")).toHaveText(/^(4 h|3 h \d+ min) left$/);
    await expect(doctor.getByRole("link", { name: /^blood-count\.pdf/ })).toBeVisible();
    await expect(doctor.getByRole("link", { name: /^chest-xray\.png/ })).toBeVisible();
    await doctor.getByRole("link", { name: /^chest-xray\.png/ }).click();
    await expect(doctor.getByRole("heading", { level: 1 })).toHaveText("chest-xray.png");
    await expect(banner).toBeVisible();
    await expect(doctor.getByText("Emergency access is view only.")).toBeVisible();
    expect((await doctor.request.post(`/api/records/${patient.xrayId}/download`)).status()).toBe(404);

    // The patient sees it among their shares, marked as emergency, with the reason.
    await open(page, "/patient/sharing");
    await expect(page.getByRole("list", { name: "Current shares" }).getByRole("listitem").filter({ hasText: physician.name })).toContainText("Brought in unconscious");

    // End now: back to the start page, and the patient's pages are closed again.
    await banner.getByRole("button", { name: "End now" }).click();
    await expect(doctor).toHaveURL(/\/clinician\?notice=emergency_ended$/);
    await expect(doctor.getByText("Emergency access ended.")).toBeVisible();
    await open(doctor, `/clinician/patients/${patient.user.id}`);
    await expect(doctor.getByRole("heading", { name: "Page not found" })).toBeVisible();
  } finally {
    await doctor.context().close();
  }
});

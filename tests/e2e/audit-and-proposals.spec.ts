// "Who saw my data", proposed changes and the admin audit dashboard in a real
// browser against the production build. The data behind them (a record row, a
// PROPOSE_EDITS grant, the clinician's accesses and proposal) is written with
// the same lib use cases the app runs, so the trail is real and hash-chained.
import { expect, test, type Page } from "@playwright/test";
import { closeDatabase, createPhysician, createUser, requireRunDatabase } from "./support/accounts";
import { Authenticator } from "./support/authenticator";
import { enterSignInCode, expectEveryControlLabelled, expectNoHorizontalOverflow, open, signInWithPassword } from "./support/journeys";
import "./support/server-modules";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createRecordMetadataProposal } from "@/lib/proposals/create-record-metadata-proposal";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";

test.beforeAll(requireRunDatabase);
test.afterAll(closeDatabase);

const context = { ipAddress: "198.51.100.9", userAgent: "e2e" };

/**
 * Loads a patient page without waiting for the network to go quiet: the
 * patient area keeps background requests going (unread-notification polling,
 * link prefetches), so "networkidle" may never come. Clicks that need React
 * are retried until the page has hydrated.
 */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("load");
}

async function patientWithSharedRecord() {
  const patient = await createUser({ role: "PATIENT" });
  const admin = await createUser({ role: "ADMIN", totp: true });
  const physician = await createPhysician({ status: "ACTIVE", verifiedById: admin.user.id });
  const nurse = await createPhysician({ status: "ACTIVE", verifiedById: admin.user.id });
  const unique = randomBytes(6).toString("hex");
  const record = await db.record.create({
    data: {
      ownerId: patient.user.id,
      uploadedById: patient.user.id,
      blobName: `e2e/${patient.user.id}/${unique}`,
      originalName: "MRI knee",
      mimeType: "application/pdf",
      sizeBytes: BigInt(1024),
      sha256: unique.padEnd(64, "0"),
      category: "OTHER",
      correctedFields: ["category"],
    },
  });
  await db.grant.create({ data: { patientId: patient.user.id, granteeId: physician.user.id, scope: "ALL", level: "PROPOSE_EDITS", expiresAt: new Date(Date.now() + 7 * 86_400_000) } });
  const physicianActor = { id: physician.user.id, role: physician.user.role };
  await issueDownloadUrl({ actor: physicianActor, recordId: record.id, context });
  await createRecordMetadataProposal({ actor: physicianActor, input: { recordId: record.id, baseVersion: 1, changes: { category: "IMAGING", bodyPart: "Left knee" }, note: "The report is an MRI of the left knee." }, context });
  await openEmergencyAccess({ actor: { id: nurse.user.id, role: nurse.user.role }, input: { patient: patient.user.email, reason: "Unconscious on arrival, need the medication list." }, context });
  return { patient, admin, physician, nurse, record };
}

test("a patient sees who saw their data in plain words, filters it, and approves a proposed change", async ({ page }) => {
  test.setTimeout(120_000);
  const { patient, physician, nurse, record } = await patientWithSharedRecord();
  await signInWithPassword(page, { email: patient.user.email, password: patient.password! });
  await expect(page).toHaveURL(/\/patient(\?|$)/, { timeout: 30_000 });

  await visit(page, "/patient/activity");
  await expect(page.getByRole("heading", { name: "Who saw my data" })).toBeVisible();
  const activity = page.getByRole("list", { name: "Activity, newest first" });
  await expect(activity.getByRole("listitem").first()).toContainText(`${nurse.name} opened your records with emergency access`);
  await expect(activity.getByRole("listitem").first()).toContainText("Emergency access");
  await expect(activity.getByText(new RegExp(`^${physician.name} downloaded “MRI knee” on \\d{1,2} \\w{3} at \\d\\d:\\d\\d`))).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectEveryControlLabelled(page);

  await page.getByLabel("What").selectOption("downloads");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/what=downloads/);
  await expect(activity.getByRole("listitem")).toHaveCount(1);
  await expect(activity).not.toContainText("emergency");

  await visit(page, "/patient/proposals");
  const proposal = page.getByRole("article");
  await expect(proposal.getByRole("heading", { name: `${physician.name} proposed a change to the record “MRI knee”` })).toBeVisible();
  await expect(proposal.getByRole("row", { name: /Category/ })).toContainText("Other");
  await expect(proposal.getByRole("row", { name: /Category/ })).toContainText("Imaging");
  await expect(proposal.getByRole("row", { name: /Body part/ })).toContainText("Left knee");
  await expect(proposal).toContainText("The report is an MRI of the left knee.");
  await expectNoHorizontalOverflow(page);

  // Nothing changes before approval; the dialog asks first.
  expect((await db.record.findUniqueOrThrow({ where: { id: record.id } })).category).toBe("OTHER");
  const dialog = page.getByRole("dialog", { name: "Approve this change?" });
  await expect(async () => {
    await proposal.getByRole("button", { name: "Approve" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "Approve and apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved. The change is applied" })).toBeVisible();
  await expect.poll(async () => (await db.record.findUniqueOrThrow({ where: { id: record.id } })).category).toBe("IMAGING");
  expect(await db.recordVersion.count({ where: { recordId: record.id } })).toBe(1);
  await visit(page, "/patient/proposals");
  await expect(page.getByText("Nothing is waiting for you")).toBeVisible();
});

test("an admin searches the audit trail, exports it as CSV, and ends an emergency access", async ({ page }) => {
  test.setTimeout(120_000);
  const { admin, patient, nurse } = await patientWithSharedRecord();
  await signInWithPassword(page, { email: admin.user.email, password: admin.password! });
  await enterSignInCode(page, new Authenticator(admin.totpSecret!));
  await expect(page).toHaveURL(/\/admin(\?|$)/);

  await open(page, "/admin/audit");
  await page.getByLabel("Patient").fill(patient.user.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/patient=/);
  await expect(page.getByText("record.downloaded").first()).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const exportButton = page.getByRole("button", { name: /^Export \d+ events as CSV$/ });
  const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(/^medvault-audit-.*\.csv$/);
  const csv = await (await download.createReadStream())!.toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv.split("\r\n")[0]).toContain("id,occurred_at,action,outcome");
  expect(csv).toContain("record.downloaded");
  expect(csv).toContain("emergency.opened");
  await expect.poll(() => db.auditEvent.count({ where: { actorId: admin.user.id, action: "admin.audit_exported" } })).toBe(1);

  await page.getByRole("button", { name: "Verify now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: /Chain status: intact/ })).toBeVisible();

  await open(page, "/admin/emergency");
  const open_ = page.getByRole("listitem").filter({ hasText: nurse.name });
  await expect(open_).toContainText("Unconscious on arrival, need the medication list.");
  await open_.getByRole("button", { name: "End now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End access" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Emergency access ended" })).toBeVisible();
  await expect.poll(async () => (await db.grant.findFirstOrThrow({ where: { patientId: patient.user.id, origin: "EMERGENCY" } })).revokedAt).not.toBeNull();
});

// "Continue with Google" end to end, against a real OpenID provider on loopback
// (tests/setup/oidc-provider.ts) that the app is configured for the way a
// deployment is configured for Google (plus GOOGLE_ISSUER). Every step of the
// OAuth code path runs for real: discovery, state + PKCE, the code exchange, ID
// token validation, the adapter and our callbacks. Rows the tests need are
// written straight to the run's database, which `npm test` passes in DATABASE_URL.
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { Pool } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { oidcSubjectFor } from "@/tests/setup/oidc-provider";

let pool: Pool;
test.beforeAll(() => {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run the e2e suite through `npm test -- --only=e2e`.");
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
test.afterAll(async () => {
  await pool?.end();
});

const uniqueEmail = (label: string) => `${label}-${randomBytes(6).toString("hex")}@example.test`;

async function insertUser(options: { email: string; password?: string; status?: "ACTIVE" | "SUSPENDED"; twoFactor?: boolean }): Promise<string> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO "User" (id, email, name, "emailVerified", role, status, "passwordHash", "totpSecretEncrypted", "totpEnabledAt", "updatedAt")
     VALUES ($1, $2, 'E2E user', now(), 'PATIENT', $3, $4, $5, $6, now())`,
    [
      id,
      options.email,
      options.status ?? "ACTIVE",
      options.password ? await hashPassword(options.password) : null,
      // resolveSession only asks whether two-factor is on; the code is never checked here.
      options.twoFactor ? "not-a-real-secret" : null,
      options.twoFactor ? new Date() : null,
    ],
  );
  return id;
}

async function linkGoogle(userId: string, providerEmail: string) {
  await pool.query(`INSERT INTO "Account" ("userId", type, provider, "providerAccountId", "updatedAt") VALUES ($1, 'oidc', 'google', $2, now())`, [
    userId,
    oidcSubjectFor(providerEmail),
  ]);
}

async function googleAccountOwner(providerEmail: string): Promise<string | null> {
  const { rows } = await pool.query<{ userId: string }>(`SELECT "userId" FROM "Account" WHERE provider = 'google' AND "providerAccountId" = $1`, [
    oidcSubjectFor(providerEmail),
  ]);
  return rows[0]?.userId ?? null;
}

/** On the local provider's page: signs in there as `email` (consent is implied). */
async function approveAtProvider(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Test OpenID provider" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function continueWithGoogle(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await approveAtProvider(page, email);
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("OAuth sign-in", () => {
  test("a new user signs in with Google and lands in the patient area", async ({ page }) => {
    const violations = watchCspViolations(page);
    const email = uniqueEmail("oauth-new");
    await continueWithGoogle(page, email);

    await expect(page).toHaveURL(/\/patient(\/|\?|$)/);
    const owner = await googleAccountOwner(email);
    expect(owner).not.toBeNull();
    const { rows } = await pool.query(`SELECT email, role, status, "passwordHash" FROM "User" WHERE id = $1`, [owner]);
    expect(rows[0]).toMatchObject({ email, role: "PATIENT", status: "ACTIVE", passwordHash: null });
    expect(violations).toEqual([]);
  });

  test("never joins an existing account by matching email", async ({ page }) => {
    const email = uniqueEmail("oauth-existing");
    const userId = await insertUser({ email, password: `correct horse ${randomBytes(4).toString("hex")}` });
    await continueWithGoogle(page, email.toUpperCase());

    await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthAccountNotLinked/);
    await expect(page.getByRole("alert").filter({ hasText: "That email already has a MedVault account" })).toBeVisible();
    expect(await googleAccountOwner(email)).toBeNull();
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "Account" WHERE "userId" = $1`, [userId]);
    expect(rows[0].n).toBe(0);
    const users = await pool.query(`SELECT count(*)::int AS n FROM "User" WHERE lower(email) = $1`, [email]);
    expect(users.rows[0].n).toBe(1);
  });

  test("still asks a user with two-factor for the second factor", async ({ page }) => {
    const email = uniqueEmail("oauth-2fa");
    const userId = await insertUser({ email, twoFactor: true });
    await linkGoogle(userId, email);
    await continueWithGoogle(page, email);

    await expect(page).toHaveURL(/\/sign-in\/two-factor/);
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  });

  test("refuses a suspended user", async ({ page }) => {
    const email = uniqueEmail("oauth-suspended");
    const userId = await insertUser({ email, status: "SUSPENDED" });
    await linkGoogle(userId, email);
    await continueWithGoogle(page, email);

    await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in was refused" })).toBeVisible();
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1`, [userId]);
    expect(rows[0].n).toBe(0);
  });
});

test.describe("linking a provider", () => {
  test("a signed-in password user links Google, then signs in with it into the same account", async ({ page }) => {
    const email = uniqueEmail("link-owner");
    const password = `correct horse ${randomBytes(4).toString("hex")}`;
    const userId = await insertUser({ email, password });
    // The Google account may have another address than the MedVault one.
    const googleEmail = uniqueEmail("link-google");

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/patient(\/|\?|$)/);

    await page.goto("/account/security");
    const section = page.getByRole("region", { name: "Linked sign-in providers" });
    await expect(section).toContainText("Not linked");
    await section.getByRole("button", { name: "Link Google" }).click();

    // Linking adds a way into the account: confirm it's you first.
    await expect(page).toHaveURL(/\/account\/reauthenticate/);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL(/\/account\/security/);
    await page.getByRole("region", { name: "Linked sign-in providers" }).getByRole("button", { name: "Link Google" }).click();

    await approveAtProvider(page, googleEmail);
    await expect(page).toHaveURL(/\/account\/security\?linked=google/);
    await expect(page.getByRole("status").filter({ hasText: "Google is now linked" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Linked sign-in providers" })).toContainText("Linked since");
    expect(await googleAccountOwner(googleEmail)).toBe(userId);
    // Still the same session: linking did not sign the user in afresh.
    const sessions = await pool.query(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1`, [userId]);
    expect(sessions.rows[0].n).toBe(1);

    // A new browser session: Google now opens the same account.
    await page.context().clearCookies();
    await continueWithGoogle(page, googleEmail);
    await expect(page).toHaveURL(/\/patient(\/|\?|$)/);
    const after = await pool.query(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1`, [userId]);
    expect(after.rows[0].n).toBe(2);
    const users = await pool.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [googleEmail]);
    expect(users.rows[0].n).toBe(0);

    // Unlinking is allowed while the password remains, after a confirmation.
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Unlink Google" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Unlink Google" }).click();
    await expect(page.getByRole("region", { name: "Linked sign-in providers" })).toContainText("Not linked");
    expect(await googleAccountOwner(googleEmail)).toBeNull();
  });

  test("an ended session left in the browser is never linked to", async ({ page }) => {
    const email = uniqueEmail("stale-owner");
    const password = `correct horse ${randomBytes(4).toString("hex")}`;
    const userId = await insertUser({ email, password });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/patient(\/|\?|$)/);
    // The session ends server-side (idle, revoked) while its cookie stays behind.
    await pool.query(`UPDATE "Session" SET "revokedAt" = now() WHERE "userId" = $1`, [userId]);

    const someoneElse = uniqueEmail("stale-visitor");
    await continueWithGoogle(page, someoneElse);
    await expect(page).toHaveURL(/\/sign-in\?.*error=SessionEnded/);
    expect(await googleAccountOwner(someoneElse)).toBeNull();

    // The stale cookie was dropped: trying again is an ordinary sign-in of a new user.
    await continueWithGoogle(page, someoneElse);
    await expect(page).toHaveURL(/\/patient(\/|\?|$)/);
    const owner = await googleAccountOwner(someoneElse);
    expect(owner).not.toBeNull();
    expect(owner).not.toBe(userId);
  });
});

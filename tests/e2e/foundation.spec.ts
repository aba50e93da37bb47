// The foundation every later feature relies on, checked against the production
// build in a real browser: the landing page works on a phone and a desktop, the
// health endpoint sees the real database and blob storage, and every response
// carries the security headers with a per-request CSP nonce that Next's own
// inline scripts actually use (a missing nonce would silently break the app).
import { expect, test, type APIResponse, type Page } from "@playwright/test";

/** The nonce in a response's Content-Security-Policy, failing if there is none. */
function cspNonce(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
  expect(nonce, `CSP without a nonce: ${csp}`).toBeTruthy();
  return nonce!;
}

function expectSecurityHeaders(response: APIResponse, kind: "page" | "api"): void {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  // Pages run scripts with the request's nonce; API answers may run nothing at all.
  if (kind === "page") expect(csp).toMatch(/script-src [^;]*'nonce-[^']+'/);
  else expect(csp).toMatch(/^default-src 'none'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toBeTruthy();
  // The suite runs `next start` in production, where HSTS is always sent.
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
}

/** Collects Content Security Policy violations Chromium reports on the console. */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("landing page", () => {
  test("renders without horizontal overflow or CSP violations", async ({ page }) => {
    const violations = watchCspViolations(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("MedVault");
    // Let Next hydrate: its inline bootstrap scripts are what the nonce must cover.
    await page.waitForLoadState("networkidle");

    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow, "page is wider than the viewport").toBeLessThanOrEqual(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("reaches sign-in from the main navigation", async ({ page }) => {
    await page.goto("/");
    // On phones the navigation folds into a menu behind a toggle.
    const menuToggle = page.locator("summary", { hasText: "Open menu" });
    if (await menuToggle.isVisible()) await menuToggle.click();

    const nav = page.getByRole("navigation", { name: "Main" }).filter({ visible: true });
    await expect(nav).toHaveCount(1);
    const signIn = nav.getByRole("link", { name: "Sign in" });
    await expect(signIn).toBeVisible();
    await signIn.click();
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  });
});

test.describe("health endpoint", () => {
  test("reports the real database and blob storage as up", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.checks).toMatchObject({ database: "up", storage: "up" });
    expect(response.headers()["cache-control"]).toContain("no-store");
  });
});

test.describe("security headers", () => {
  for (const [path, kind] of [["/", "page"], ["/api/health", "api"], ["/api/auth/providers", "api"]] as const) {
    test(`are set on ${path}`, async ({ request }) => {
      const response = await request.get(path);
      expectSecurityHeaders(response, kind);
      if (kind === "api") expect(response.headers()["cache-control"]).toContain("no-store");
    });
  }

  test("use a fresh nonce on every request", async ({ request }) => {
    const first = cspNonce(await request.get("/"));
    const second = cspNonce(await request.get("/"));
    expect(first).not.toBe(second);
    // 16 random bytes, base64: short or constant nonces would be guessable.
    expect(Buffer.from(first, "base64").length).toBeGreaterThanOrEqual(16);
  });

  test("put the nonce on every executable script in the page", async ({ request }) => {
    const response = await request.get("/");
    const nonce = cspNonce(response);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    // JSON data blocks are never executed, so CSP does not apply to them.
    const executable = scripts.filter((attributes) => !/type="application\/(ld\+)?json"/.test(attributes));
    expect(executable.length).toBeGreaterThan(0);
    for (const attributes of executable) expect(attributes).toContain(`nonce="${nonce}"`);
  });
});

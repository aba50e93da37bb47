// Browser tests against the production build (`next start`), in Debian's
// Chromium: Playwright must never download a browser of its own (no network
// here, and none needed elsewhere). `npm test` (lib/cli/test.ts) builds the app,
// picks a free port, creates the database and Azurite, and passes them in env.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The server listens on 127.0.0.1, but the app is addressed as localhost: Next
// normalizes a loopback IP in route handlers' URLs to "localhost", and Auth.js
// must build the same OAuth redirect URI in server actions and in its callback.
const listenURL = `http://127.0.0.1:${port}`;
const baseURL = `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  // 2-core machines: the server, the browser and two workers is the ceiling.
  workers: isCI ? 1 : 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "playwright-report/results.json" }]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "phone",
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: [
    {
      // Two app processes on one port, as `npm start` runs with WEB_CONCURRENCY=2: every
      // journey then also proves that sessions, server actions and jobs work across processes.
      command: `node lib/cli/next-cluster.mjs start --port ${port} --hostname 127.0.0.1`,
      url: listenURL,
      // A server left over on this port would be testing some other build.
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      // Merged over process.env, which carries the run's database, Azurite and secrets.
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WEB_CONCURRENCY: "2",
        APP_URL: baseURL,
        AUTH_URL: baseURL,
        AUTH_TRUST_HOST: "true",
        // Sign-up journeys open the verification link from /dev/outbox, as a
        // local installation without a mail provider would.
        EMAIL_DEV_OUTBOX: "true",
      },
    },
    // The job worker, as production runs it next to the app: categorization,
    // thumbnails, notifications and exports happen here, not in the browser's request.
    {
      command: "node --conditions=react-server --import tsx lib/cli/worker.ts",
      wait: { stdout: /worker\.started/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        APP_URL: baseURL,
        AUTH_URL: baseURL,
        EMAIL_DEV_OUTBOX: "true",
        WORKER_POLL_INTERVAL_MS: "200",
      },
    },
  ],
});

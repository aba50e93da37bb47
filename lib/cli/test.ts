// `npm test`: every suite against real services made for this run alone.
//   npm test                                 unit, integration, components, e2e
//   npm test -- --only=unit,components       a subset, for fast local iteration
//   npm test -- --only=unit tests/unit/auth  extra arguments are passed to the runners as filters
// Integration and e2e get an Azurite of their own and a fresh migrated database
// each; all are torn down on success, failure and Ctrl-C. The last line printed
// is always `N passed, N failed` (what CI reads); the exit code is non-zero when
// anything failed or no test ran at all.
// Everything the app logs meanwhile (Jest's integration tests, the e2e server
// and worker) also goes to one file (LOG_FILE); it is scanned at the end for
// planted medical content, passwords, TOTP codes, cookies, SAS signatures and
// bearer tokens, and a finding fails the run (counts only, never the secret).
// Tooling, not app code: it reads process.env directly to wire the children.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "../env";
import { describeFindings, scanLog } from "../testing/log-scan";
import { runNode, stopAllChildren } from "../../tests/setup/child-processes";
import { Cleanup } from "../../tests/setup/cleanup";
import { freePort } from "../../tests/setup/free-port";
import { startOidcProvider } from "../../tests/setup/oidc-provider";
import { addTotals, jestTotals, playwrightTotals, type Totals } from "../../tests/setup/run-totals";
import { DEFAULT_ADMIN_URL, withDatabase } from "../../tests/setup/test-database";
import { createMigratedDatabase, startTestStack, type TestStack } from "../../tests/setup/test-stack";

const SUITES = ["unit", "integration", "components", "e2e"] as const;
type Suite = (typeof SUITES)[number];

const rootDir = path.resolve(__dirname, "../..");
const log = (line: string) => console.log(`[test] ${line}`);

// Set by Ctrl-C / SIGTERM; every step checks it so an interrupted run goes
// straight to teardown instead of starting the next suite.
let interruptedBy: NodeJS.Signals | undefined;
function checkpoint(): void {
  if (interruptedBy) throw new Error(`Interrupted by ${interruptedBy}`);
}

// Jest needs vm modules to run `import()` (the wasm migration engine is an ES
// module that imports its .wasm); the warnings they print are noise.
const JEST_NODE_OPTIONS = "--experimental-vm-modules --experimental-wasm-modules --disable-warning=ExperimentalWarning";

function parseArgs(argv: string[]): { suites: Suite[]; filters: string[] } {
  const only = argv.find((arg) => arg.startsWith("--only="));
  const filters = argv.filter((arg) => !arg.startsWith("--only="));
  if (!only) return { suites: [...SUITES], filters };
  const names = only.slice("--only=".length).split(",").map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !SUITES.includes(name as Suite));
  if (unknown.length || names.length === 0) {
    throw new Error(`Unknown suite(s) in --only: ${unknown.join(", ") || "(none)"}; choose from ${SUITES.join(", ")}`);
  }
  return { suites: SUITES.filter((suite) => names.includes(suite)), filters };
}

/** The server to create per-run databases on: TEST_DATABASE_ADMIN_URL, else DATABASE_URL's server. */
function adminUrl(): string {
  if (process.env.TEST_DATABASE_ADMIN_URL) return process.env.TEST_DATABASE_ADMIN_URL;
  if (process.env.DATABASE_URL) return withDatabase(process.env.DATABASE_URL, "postgres");
  return DEFAULT_ADMIN_URL;
}

/** Node 20 cannot load jest.config.ts itself; we can (tsx), so Jest gets the resolved JSON. */
async function writeJestConfig(workDir: string): Promise<string> {
  const loaded = (await import("../../jest.config")) as { default: unknown };
  // tsx's CommonJS interop may wrap the default export once more.
  const exported = loaded.default as (() => Promise<object>) | { default: () => Promise<object> };
  const resolve = typeof exported === "function" ? exported : exported.default;
  const file = path.join(workDir, "jest.config.json");
  await writeFile(file, JSON.stringify(await resolve()));
  return file;
}

async function runJest(options: { label: string; projects: Suite[]; serial: boolean; configFile: string; workDir: string; env: NodeJS.ProcessEnv; filters: string[] }): Promise<Totals> {
  const report = path.join(options.workDir, `jest-${options.label}.json`);
  log(`Jest: ${options.projects.join(", ")}`);
  const code = await runNode({
    script: require.resolve("jest/bin/jest"),
    args: [
      "--config", options.configFile,
      "--selectProjects", ...options.projects,
      "--json", "--outputFile", report,
      // An empty suite folder is fine; zero tests over the whole run is not (checked below).
      "--passWithNoTests",
      // Integration tests share one database: run them one at a time.
      ...(options.serial ? ["--runInBand"] : ["--maxWorkers=2"]),
      // A leaked pool or timer must not hang CI; Jest still reports the suite results.
      "--forceExit",
      ...(process.env.CI ? ["--ci"] : []),
      ...options.filters,
    ],
    cwd: rootDir,
    env: { ...options.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, JEST_NODE_OPTIONS].filter(Boolean).join(" ") },
  });
  return jestTotals(report, code);
}

async function runE2e(options: { stack: TestStack; workDir: string; filters: string[]; cleanup: Cleanup; logFile: string }): Promise<Totals> {
  const port = await freePort();
  const serverEnv = {
    ...process.env,
    LOG_FILE: options.logFile,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.stack.databaseUrl,
    AZURE_STORAGE_CONNECTION_STRING: options.stack.azureStorageConnectionString,
    // Fresh production secrets per run: never the development defaults.
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };

  log("next build (production)");
  const buildCode = await runNode({
    script: require.resolve("next/dist/bin/next"),
    args: ["build"],
    cwd: rootDir,
    env: { ...serverEnv, NODE_ENV: "production" },
  });
  if (buildCode !== 0) {
    log("next build failed; skipping Playwright.");
    return { passed: 0, failed: 1 };
  }
  checkpoint();

  // A local OpenID provider stands in for Google (the app is configured for it
  // the way a deployment is for Google, plus GOOGLE_ISSUER).
  const oidc = await startOidcProvider({ appUrl: `http://localhost:${port}`, port: 0 });
  options.cleanup.add("stop the OpenID provider", () => oidc.stop());
  log(`OpenID provider at ${oidc.issuer}.`);
  checkpoint();

  const report = path.join(options.workDir, "playwright.json");
  log(`Playwright against next start on port ${port}`);
  const code = await runNode({
    script: require.resolve("@playwright/test/cli"),
    args: ["test", "--config", path.join(rootDir, "playwright.config.ts"), ...options.filters],
    cwd: rootDir,
    env: {
      ...serverEnv,
      GOOGLE_CLIENT_ID: oidc.clientId,
      GOOGLE_CLIENT_SECRET: oidc.clientSecret,
      GOOGLE_ISSUER: oidc.issuer,
      E2E_PORT: String(port),
      E2E_JSON_REPORT: report,
    },
  });
  return playwrightTotals(report, code);
}

async function runSuites(suites: Suite[], filters: string[], cleanup: Cleanup): Promise<Totals> {
  let totals: Totals = { passed: 0, failed: 0 };
  const workDir = await mkdtemp(path.join(tmpdir(), "medvault-test-"));
  cleanup.add(`remove ${workDir}`, () => rm(workDir, { recursive: true, force: true }));

  const needsStack = suites.includes("integration") || suites.includes("e2e");
  const admin = adminUrl();
  const container = parseEnv({ NODE_ENV: "test", AZURE_STORAGE_CONTAINER: process.env.AZURE_STORAGE_CONTAINER }).AZURE_STORAGE_CONTAINER;
  const stack = needsStack ? await startTestStack({ adminUrl: admin, container, cleanup, log }) : undefined;
  checkpoint();
  const logFile = path.join(workDir, "app.log");
  const jestEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    LOG_FILE: logFile,
    ...(stack && {
      DATABASE_URL: stack.databaseUrl,
      AZURE_STORAGE_CONNECTION_STRING: stack.azureStorageConnectionString,
      TEST_DATABASE_ADMIN_URL: admin,
    }),
  };

  const parallel = suites.filter((suite) => suite === "unit" || suite === "components");
  const serial = suites.filter((suite) => suite === "integration");
  if (parallel.length || serial.length) {
    const configFile = await writeJestConfig(workDir);
    if (parallel.length) {
      totals = addTotals(totals, await runJest({ label: "parallel", projects: parallel, serial: false, configFile, workDir, env: jestEnv, filters }));
    }
    checkpoint();
    if (serial.length) {
      totals = addTotals(totals, await runJest({ label: "serial", projects: serial, serial: true, configFile, workDir, env: jestEnv, filters }));
    }
  }
  checkpoint();
  if (suites.includes("e2e") && stack) {
    // A database of its own: jobs the integration tests left queued (records
    // without blobs, deliberately broken files) would otherwise be worked off by
    // the e2e worker, in its log and its time.
    const e2eStack = serial.length ? { ...stack, databaseUrl: await createMigratedDatabase({ adminUrl: admin, cleanup, log, label: "e2e" }) } : stack;
    totals = addTotals(totals, await runE2e({ stack: e2eStack, workDir, filters, cleanup, logFile }));
  }
  return addTotals(totals, await scanAppLog(logFile));
}

/** The log scan counts as one more check: failed when anything sensitive was logged. */
async function scanAppLog(logFile: string): Promise<Totals> {
  const text = await readFile(logFile, "utf8").catch(() => "");
  const findings = scanLog(text);
  const lines = text ? text.split("\n").length - 1 : 0;
  if (findings.length === 0) {
    log(`Log scan: ${lines} app log line(s), nothing sensitive found.`);
    return { passed: 0, failed: 0 };
  }
  for (const finding of describeFindings(findings, "app log")) log(`Log scan FAILED: ${finding}`);
  log("Something logged a secret or medical content: the events above name the log calls to fix.");
  return { passed: 0, failed: 1 };
}

async function main(): Promise<number> {
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) {
      // A second signal: the user wants out now; still try to drop what we made.
      void cleanup.runAll(log).finally(() => process.exit(130));
      return;
    }
    interruptedBy = signal;
    log(`${signal}: stopping test processes, then cleaning up (again to force)...`);
    void stopAllChildren();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  let totals: Totals = { passed: 0, failed: 0 };
  try {
    const { suites, filters } = parseArgs(process.argv.slice(2));
    totals = await runSuites(suites, filters, cleanup);
  } catch (error) {
    // Setup failed (database, migrations, Azurite, config) or the run was interrupted.
    if (interruptedBy) log(`Interrupted by ${interruptedBy}.`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    totals = addTotals(totals, { passed: 0, failed: 1 });
  } finally {
    await stopAllChildren();
    await cleanup.runAll(log);
  }
  if (interruptedBy) totals = { passed: totals.passed, failed: Math.max(totals.failed, 1) };
  if (totals.passed + totals.failed === 0) log("No test ran: that counts as a failure.");
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  if (interruptedBy) return interruptedBy === "SIGINT" ? 130 : 143;
  return totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

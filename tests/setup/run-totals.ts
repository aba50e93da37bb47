// Turns the runners' machine-readable reports into one pass/fail count. A suite
// that crashed before running tests, a runner that exited non-zero without
// reporting a failure, or a missing report each count as one failure, so a
// broken run can never look green.
import { existsSync, readFileSync } from "node:fs";

export type Totals = { passed: number; failed: number };

export const addTotals = (a: Totals, b: Totals): Totals => ({ passed: a.passed + b.passed, failed: a.failed + b.failed });

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

type JestReport = { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number; success: boolean };

/** Jest's --json --outputFile report. */
export function jestTotals(reportFile: string, exitCode: number): Totals {
  const report = readJson(reportFile) as JestReport | undefined;
  if (!report) return { passed: 0, failed: 1 };
  const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  const unexplained = failed === 0 && (exitCode !== 0 || !report.success) ? 1 : 0;
  return { passed: report.numPassedTests, failed: failed + unexplained };
}

type PlaywrightReport = { stats?: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] };

/** Playwright's JSON reporter output; top-level errors are config or web-server failures. */
export function playwrightTotals(reportFile: string, exitCode: number): Totals {
  const report = readJson(reportFile) as PlaywrightReport | undefined;
  if (!report?.stats) return { passed: 0, failed: 1 };
  const failed = report.stats.unexpected + (report.errors?.length ?? 0);
  const unexplained = failed === 0 && exitCode !== 0 ? 1 : 0;
  return { passed: report.stats.expected + report.stats.flaky, failed: failed + unexplained };
}

// Shared by the fuzz tests: row counts of every table (state must not change),
// the log lines written meanwhile (nothing sensitive may be in them), and the
// check that an answer is a deliberate, clear refusal.
import { db } from "@/lib/db";
import { ERROR_CODES } from "@/lib/errors";
import { scanLog, type LogFinding } from "@/lib/testing/log-scan";

/**
 * Tables a refused request may legitimately write to: the audit trail records
 * denials, rate limits count attempts, sessions move lastActiveAt (an update,
 * not a row) and throttles keep their counters.
 */
const MAY_GROW = new Set(["AuditEvent", "RateLimit", "_prisma_migrations"]);

export async function tableCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (MAY_GROW.has(name)) continue;
    // Names come from the catalog, quoted as identifiers.
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = Number(row!.count);
  }
  return counts;
}

/** Collects what the app writes to the console (the logger's only outlet besides LOG_FILE) without printing it. */
export function captureConsole(): { text: () => string; restore: () => void } {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === "string" ? arg : arg instanceof Error ? `${arg.name}: ${arg.message}` : JSON.stringify(arg))).join(" "));
    }),
  );
  return { text: () => lines.join("\n"), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

export function sensitiveFindings(logText: string): LogFinding[] {
  return scanLog(logText);
}

/** The problem with a refusal's JSON body, or undefined when it is clear. */
export function unclearRefusal(body: unknown): string | undefined {
  // FHIR endpoints refuse with an OperationOutcome: its issues carry the words.
  const outcome = body as { resourceType?: unknown; issue?: Array<{ diagnostics?: unknown; details?: { text?: unknown } }> } | null;
  if (outcome?.resourceType === "OperationOutcome") {
    const text = outcome.issue?.map((issue) => issue.diagnostics ?? issue.details?.text).find((value) => typeof value === "string" && value.trim().length >= 10);
    return text ? undefined : "an OperationOutcome without diagnostics a person can read";
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error.message !== "string" || error.message.trim().length < 10) return "no error.message a person can read";
  if (error.code === "INTERNAL" || error.message === ERROR_CODES.INTERNAL.message) return "the generic internal-error message";
  return undefined;
}

export function expectNoPrototypePollution(): void {
  const probe: Record<string, unknown> = {};
  expect([probe.polluted, probe.isAdmin, probe.role]).toEqual([undefined, undefined, undefined]);
  expect(Object.prototype).not.toHaveProperty("polluted");
}

// Scans what the app logged during a test run for things that must never be in
// a log: medical content the tests planted, the passwords the factories make,
// TOTP codes, cookies, SAS signatures and bearer tokens. A finding says what
// kind it is, how often and on which lines, never the secret itself.
//
// Planting: tests put LOG_CANARY (or one of PLANTED_MEDICAL_PHRASES) into
// medical fields (extracted text, notes, file names, job payloads); if any of
// it shows up in a log line, something logged medical content.

/** A made-up diagnosis no real text contains; plant it in medical fields under test. */
export const LOG_CANARY = "Canary-Diagnosis-Q7ZK-Zoster";

/** Medical phrases existing tests plant in payloads and texts. */
export const PLANTED_MEDICAL_PHRASES = [LOG_CANARY, "Type 2 diabetes mellitus"];

export interface LogFinding {
  kind: string;
  count: number;
  /** 1-based line numbers, at most ten: enough to find them, nothing of their content. */
  lines: number[];
  /** The `event` names of JSON log lines among them (code constants, safe to print). */
  events: string[];
}

interface Rule {
  kind: string;
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const RULES: Rule[] = [
  { kind: "planted medical content", pattern: new RegExp(PLANTED_MEDICAL_PHRASES.map(escape).join("|"), "i") },
  // tests/factories/users.ts ("correct horse <hex>") and tests/e2e/support/accounts.ts ("lantern harbour <hex> violet").
  { kind: "factory password", pattern: /correct horse [0-9a-f]{12}|lantern harbour [0-9a-f]{10} violet/i },
  // A six-digit code next to the word code / otp / totp (a key, a label or prose).
  { kind: "TOTP code", pattern: /\b(?:code|otp|totp)\b["']?\s*[:=]?\s*["']?\d{6}\b/i },
  // A SAS signature that the logger did not redact.
  { kind: "SAS signature", pattern: /[?&]sig=(?!\[redacted\])[A-Za-z0-9%+/=]{16,}/i },
  { kind: "bearer token", pattern: /\bbearer\s+(?!\[redacted\])[A-Za-z0-9._~+/-]{16,}/i },
  // Auth.js session/CSRF cookies with a value, or a raw Cookie / Set-Cookie header.
  { kind: "cookie", pattern: /(?:__Secure-|__Host-)?authjs\.[a-z-]+=(?!\[redacted\])[^;\s"]{8,}|\b(?:set-)?cookie["']?\s*[:=]\s*["']?(?!\[redacted\])[^\s"';]+=[^\s"';]{8,}/i },
];

function eventName(line: string): string | undefined {
  const match = /"event":"([\w.:-]{1,64})"/.exec(line);
  return match?.[1];
}

export function scanLog(text: string): LogFinding[] {
  const findings = new Map<string, LogFinding>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    for (const rule of RULES) {
      if (!rule.pattern.test(line)) continue;
      const finding = findings.get(rule.kind) ?? { kind: rule.kind, count: 0, lines: [], events: [] };
      finding.count += 1;
      if (finding.lines.length < 10) finding.lines.push(index + 1);
      const event = eventName(line);
      if (event && !finding.events.includes(event) && finding.events.length < 10) finding.events.push(event);
      findings.set(rule.kind, finding);
    }
  });
  return [...findings.values()];
}

/** One line per kind, safe to print: counts and line numbers only. */
export function describeFindings(findings: LogFinding[], source: string): string[] {
  return findings.map((finding) => {
    const more = finding.count > finding.lines.length ? ", ..." : "";
    const events = finding.events.length ? `; events: ${finding.events.join(", ")}` : "";
    return `${source}: ${finding.count} line(s) with ${finding.kind} (lines ${finding.lines.join(", ")}${more}${events})`;
  });
}

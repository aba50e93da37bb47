// Structured, one-line JSON logs. Callers pass identifiers and outcomes, never
// medical content; as a second line of defence, fields whose names suggest a
// secret are redacted and SAS signatures are stripped from any string.
import { env } from "@/lib/env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

const SECRET_KEY = /pass(word)?|secret|token|code|cookie|authorization|sig|key|otp|totp|hash|content|text|note/i;
const SAS_SIGNATURE = /([?&]sig=)[^&\s"]+/gi;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/-]+=*/gi;

export function redact(value: unknown, key = "", depth = 0): unknown {
  if (key && SECRET_KEY.test(key)) return "[redacted]";
  if (typeof value === "string") return value.replace(SAS_SIGNATURE, "$1[redacted]").replace(BEARER, "$1[redacted]");
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, "", depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k, depth + 1)]));
}

const SAFE_ERROR_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * An error as a log field: its name and, when it has them, its machine code
 * (Prisma's P2003, Postgres' 23503, Azure's BlobNotFound) and HTTP status,
 * never its message, which may quote user input, SQL values or URLs.
 */
export function errorLabel(error: unknown): string {
  // Duck-typed: errors from another realm (a VM context, a worker) fail instanceof Error.
  if (!error || typeof error !== "object" || typeof (error as { name?: unknown }).name !== "string") return "unknown";
  const { name, code, statusCode, details } = error as { name: string; code?: unknown; statusCode?: unknown; details?: { errorCode?: unknown } };
  // Azure's RestError: a HEAD or a download has no body to read the code from, so
  // the storage client leaves `code` empty and puts the x-ms-error-code header in details.
  const machineCode = [code, details?.errorCode].find((value) => (typeof value === "string" || typeof value === "number") && SAFE_ERROR_CODE.test(String(value)));
  const status = typeof statusCode === "number" && Number.isInteger(statusCode) ? `HTTP ${statusCode}` : undefined;
  const parts = [machineCode, status].filter((part) => part !== undefined);
  return parts.length > 0 ? `${name} [${parts.join(", ")}]` : name;
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as object) });
  (level === "error" || level === "warn" ? console.error : console.log)(line);
  const file = env().LOG_FILE;
  // getBuiltinModule, not an import: this module is bundled for the browser and edge too.
  if (file) process.getBuiltinModule?.("node:fs")?.appendFileSync(file, `${line}\n`);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};

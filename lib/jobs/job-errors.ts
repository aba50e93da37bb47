// What a failed job records in Job.lastError: short, and free of payload
// content. Handlers and the libraries they call put all sorts of things into
// error messages (addresses, names, SQL values), so only the error's label (its
// name and codes, as the logs give it) and the first line of its message are
// kept, every string of the payload and anything shaped like an email address
// is masked, and the result is cut.
import type { z } from "zod";
import { errorLabel } from "@/lib/logger";

const MAX_LENGTH = 300;
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;

/** Every string (and number) in a payload that is long enough to be worth masking. */
function payloadStrings(payload: unknown, found: string[] = [], depth = 0): string[] {
  if (depth > 6) return found;
  if (typeof payload === "string" && payload.length >= 3) found.push(payload);
  else if (typeof payload === "number" && String(payload).length >= 4) found.push(String(payload));
  else if (Array.isArray(payload)) for (const item of payload) payloadStrings(item, found, depth + 1);
  else if (payload && typeof payload === "object") for (const value of Object.values(payload)) payloadStrings(value, found, depth + 1);
  return found;
}

function mask(text: string, payload: unknown): string {
  // Longest first, so a value that contains another is masked whole.
  let masked = text;
  for (const value of payloadStrings(payload).sort((a, b) => b.length - a.length)) masked = masked.split(value).join("[redacted]");
  return masked.replace(EMAIL, "[email]");
}

export function sanitizeJobError(error: unknown, payload: unknown): string {
  const label = error instanceof Error ? errorLabel(error) || "Error" : "NonErrorThrown";
  const message = error instanceof Error ? (error.message.split("\n", 1)[0] ?? "").trim() : "";
  const summary = `${label}${message ? `: ${mask(message, payload)}` : ""}`;
  return summary.length > MAX_LENGTH ? `${summary.slice(0, MAX_LENGTH - 1)}…` : summary;
}

/** Where and how a payload breaks its schema: paths and issue codes, never the values. */
export function describePayloadIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map((issue) => `${issue.code} at ${issue.path.length ? issue.path.join(".") : "(root)"}`);
  const more = error.issues.length > 5 ? ` and ${error.issues.length - 5} more` : "";
  return `${issues.join("; ")}${more}`;
}

export class InvalidJobPayloadError extends Error {
  constructor(type: string, issues: string) {
    super(`Invalid payload for job type "${type}": ${issues}`);
    this.name = "InvalidJobPayloadError";
  }
}

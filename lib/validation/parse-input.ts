// The zod parse at every use case's boundary: bad input fails with
// AppError("VALIDATION_FAILED") carrying per-field messages for the form, and
// the message itself when there is exactly one problem.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

const NUL_MESSAGE = "Text cannot contain a NUL character.";

// Postgres cannot store a NUL byte in text and refuses the whole query, so one
// hidden in any field (an id in a URL, a tag, a note) would surface as a server
// error. No field of ours has a use for it: refuse it here, once, for all schemas.
function firstNulPath(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 8 || value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const found = firstNulPath(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nulPath = firstNulPath(input);
  if (nulPath) throw new AppError("VALIDATION_FAILED", NUL_MESSAGE, { fieldErrors: { [nulPath[0] ?? "input"]: [NUL_MESSAGE] } });
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[String(issue.path[0] ?? "input")] ??= []).push(issue.message);
  const first = result.error.issues[0]?.message;
  throw new AppError("VALIDATION_FAILED", result.error.issues.length === 1 && first ? first : undefined, { fieldErrors });
}

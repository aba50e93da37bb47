// The zod parse at every use case's boundary: bad input fails with
// AppError("VALIDATION_FAILED") carrying per-field messages for the form, and
// the message itself when there is exactly one problem.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[String(issue.path[0] ?? "input")] ??= []).push(issue.message);
  const first = result.error.issues[0]?.message;
  throw new AppError("VALIDATION_FAILED", result.error.issues.length === 1 && first ? first : undefined, { fieldErrors });
}

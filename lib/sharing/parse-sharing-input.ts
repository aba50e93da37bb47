// zod parse that fails with AppError("VALIDATION_FAILED") and per-field messages.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export function parseSharingInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "input");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = result.error.issues[0]?.message;
  throw new AppError("VALIDATION_FAILED", result.error.issues.length === 1 && first ? first : undefined, { fieldErrors });
}

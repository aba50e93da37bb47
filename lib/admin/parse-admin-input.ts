import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses a use case's input; a refusal carries per-field messages for the form. */
export function parseAdminInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  throw new AppError("VALIDATION_FAILED", undefined, { fieldErrors });
}

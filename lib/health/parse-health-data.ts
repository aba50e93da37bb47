// `data` checked against its kind's schema at the use case boundary, with the
// per-field messages a form shows (field name -> messages).
import { AppError } from "@/lib/errors";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import { safeParseHealthData, type HealthDataByKind } from "@/lib/validation/health";

export function parseHealthData<K extends HealthEntryKind>(kind: K, data: unknown): HealthDataByKind[K] {
  const parsed = safeParseHealthData(kind, data);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  const first = parsed.error.issues[0]?.message;
  throw new AppError("VALIDATION_FAILED", parsed.error.issues.length === 1 && first ? first : undefined, { fieldErrors });
}

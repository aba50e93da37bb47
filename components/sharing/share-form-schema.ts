// The share form's own shape (an end *day* instead of an instant) checked with
// the same rules and messages as the server's grantAccessSchema, and turned
// into its input. Client-safe: the limit comes in as an argument.
import { z } from "zod";
import type { PublicError } from "@/lib/errors";
import { DAY_MS, DEFAULT_GRANT_DAYS, ZGrantLevelSchema, ZGrantScopeSchema, type TGrantAccessInput } from "@/lib/validation/sharing";

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DD" of a local calendar day. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

/** The first and last day the form accepts, and its default (30 days, or fewer when the maximum is lower). */
export function shareDayLimits(options: { now: Date; maxDays: number }) {
  return {
    min: localDay(options.now),
    max: localDay(addDays(options.now, options.maxDays)),
    defaultDay: localDay(addDays(options.now, Math.min(DEFAULT_GRANT_DAYS, options.maxDays))),
  };
}

export function shareFormSchema(options: { now: Date; maxDays: number }) {
  const { min, max } = shareDayLimits(options);
  return z
    .object({
      granteeId: z.string().trim().min(1, "Choose a clinician."),
      level: ZGrantLevelSchema,
      scope: z.enum(["ALL", "CATEGORIES", "RECORDS"], { error: "Choose what to share." }),
      categories: z.array(z.string()),
      recordIds: z.array(z.string()),
      endDay: z.string().regex(DAY_PATTERN, "Choose an end date."),
    })
    .superRefine((value, ctx) => {
      const scope = ZGrantScopeSchema.safeParse(value);
      for (const issue of scope.success ? [] : scope.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      if (!DAY_PATTERN.test(value.endDay)) return;
      // ISO days compare correctly as strings.
      if (value.endDay < min) ctx.addIssue({ code: "custom", path: ["endDay"], message: "Choose an end date in the future." });
      else if (value.endDay > max) ctx.addIssue({ code: "custom", path: ["endDay"], message: `Share for at most ${options.maxDays} days.` });
    });
}
export type TShareForm = z.input<ReturnType<typeof shareFormSchema>>;

/**
 * The server's input: access ends at the end of the chosen local day, but never
 * later than the maximum counted from now (the last day may be cut short).
 */
export function toGrantAccessInput(values: TShareForm, options: { now: Date; maxDays: number }): TGrantAccessInput {
  const [year, month, day] = values.endDay.split("-").map(Number) as [number, number, number];
  const endOfDay = new Date(year, month - 1, day, 23, 59, 0, 0).getTime();
  const latest = options.now.getTime() + options.maxDays * DAY_MS - 60_000;
  const scope = values.scope as "ALL" | "CATEGORIES" | "RECORDS";
  return {
    granteeId: values.granteeId,
    level: values.level as TGrantAccessInput["level"],
    scope,
    categories: scope === "CATEGORIES" ? (values.categories as TGrantAccessInput["categories"]) : [],
    recordIds: scope === "RECORDS" ? values.recordIds : [],
    expiresAt: new Date(Math.min(endOfDay, latest)).toISOString(),
  };
}

/** What the sharing server actions answer. */
export type ShareActionResult<T extends object = object> = ({ ok: true } & T) | ({ ok: false } & PublicError);

/**
 * Puts the server's field errors on the form's fields (the form's end day is the
 * server's expiresAt). False when none of them matched: show result.message instead.
 */
export function placeServerFieldErrors<F extends string>(
  fieldErrors: PublicError["fieldErrors"],
  fields: readonly F[],
  setError: (field: F, error: { message: string }) => void,
): boolean {
  let placed = false;
  for (const field of fields) {
    const message = fieldErrors?.[field === "endDay" ? "expiresAt" : field]?.[0];
    if (message) {
      setError(field, { message });
      placed = true;
    }
  }
  return placed;
}

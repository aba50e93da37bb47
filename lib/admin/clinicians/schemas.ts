// Input of the admin account actions, shared by the forms (browser), the server
// actions and the use cases. Client-safe: no server-only imports.
import { z } from "zod";

export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;

const ZUserIdSchema = z.string({ error: "Choose an account." }).trim().min(1, "Choose an account.").max(64, "Choose an account.");

/** Why an admin suspends or reactivates an account: required, kept in the audit trail. */
export const ZReasonSchema = z
  .string({ error: "Give a reason." })
  .trim()
  .min(REASON_MIN_LENGTH, `Give a reason of at least ${REASON_MIN_LENGTH} characters.`)
  .max(REASON_MAX_LENGTH, `Use at most ${REASON_MAX_LENGTH} characters for the reason.`);

/** An optional note on a verification; empty means none. */
export const ZOptionalNoteSchema = z
  .string()
  .trim()
  .max(REASON_MAX_LENGTH, `Use at most ${REASON_MAX_LENGTH} characters for the note.`)
  .refine((value) => value.length === 0 || value.length >= REASON_MIN_LENGTH, `Write at least ${REASON_MIN_LENGTH} characters, or leave the note empty.`)
  .optional()
  .transform((value) => (value ? value : undefined));

export const ZVerifyClinicianSchema = z.object({ userId: ZUserIdSchema, reason: ZOptionalNoteSchema });
export const ZSuspendUserSchema = z.object({ userId: ZUserIdSchema, reason: ZReasonSchema });
export const ZReactivateUserSchema = z.object({ userId: ZUserIdSchema, reason: ZReasonSchema });

export type TVerifyClinicianInput = z.input<typeof ZVerifyClinicianSchema>;
export type TSuspendUserInput = z.input<typeof ZSuspendUserSchema>;
export type TReactivateUserInput = z.input<typeof ZReactivateUserSchema>;

export const STATUS_FILTERS = ["pending", "active", "suspended", "all"] as const;
export const ROLE_FILTERS = ["physician", "nurse", "staff", "patient"] as const;
export const SORT_FIELDS = ["createdAt", "name"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export const CLINICIANS_PAGE_SIZE = 25;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** One allowed value, or undefined when missing or unknown (hand-edited URLs must not error). */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(firstValue, z.enum(values).optional().catch(undefined));

/**
 * The list's filters as they arrive in the URL (searchParams): every field is
 * optional and forgiving, so a bookmarked or hand-edited URL shows a list.
 */
export const ZClinicianListQuerySchema = z.object({
  status: oneOf(STATUS_FILTERS).transform((value) => value ?? "pending"),
  role: oneOf(ROLE_FILTERS),
  q: z
    .preprocess(firstValue, z.string().optional().catch(undefined))
    .transform((value) => value?.trim().slice(0, 100) || undefined),
  sort: oneOf(SORT_FIELDS).transform((value) => value ?? "createdAt"),
  dir: oneOf(SORT_DIRECTIONS),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)).transform((value) => value ?? 1),
});

export type TClinicianListQuery = z.output<typeof ZClinicianListQuerySchema>;
export type TStatusFilter = (typeof STATUS_FILTERS)[number];
export type TRoleFilter = (typeof ROLE_FILTERS)[number];

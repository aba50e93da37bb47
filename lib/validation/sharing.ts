// Input shapes for sharing: grants, access requests, emergency access. Shared
// by the forms (browser), the server actions and lib/sharing. Client-safe: the
// server's limits (GRANT_MAX_DAYS) come in as arguments, never from lib/env.
import { z } from "zod";
import { GrantLevel, RecordCategory } from "@/lib/generated/prisma/enums";

export const DEFAULT_GRANT_DAYS = 30;
export const DAY_MS = 24 * 60 * 60_000;
export const REQUEST_REASON_MIN = 10;
export const REQUEST_REASON_MAX = 1000;
export const EMERGENCY_REASON_MIN = 20;
export const EMERGENCY_REASON_MAX = 1000;
export const MAX_SHARED_RECORDS = 500;

const ZId = z.string({ error: "Choose an item." }).trim().min(1, "Choose an item.").max(64, "Choose an item.");

export const ZGrantIdSchema = ZId;
export const ZAccessRequestIdSchema = ZId;

export const ZGrantLevelSchema = z.enum(GrantLevel, { error: "Choose what they may do." });
const ZCategories = z.array(z.enum(RecordCategory, { error: "Choose a known category." })).max(Object.keys(RecordCategory).length);
const ZRecordIds = z.array(ZId).max(MAX_SHARED_RECORDS, `Share at most ${MAX_SHARED_RECORDS} records one by one, or share categories instead.`);

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** A scope in its normal form: the list that belongs to it, de-duplicated; the other list empty. */
export type TGrantScope =
  | { scope: "ALL"; categories: []; recordIds: [] }
  | { scope: "CATEGORIES"; categories: RecordCategory[]; recordIds: [] }
  | { scope: "RECORDS"; categories: []; recordIds: string[] };

const ZScopeFields = z.object({
  scope: z.enum(["ALL", "CATEGORIES", "RECORDS"], { error: "Choose what to share." }),
  categories: ZCategories.default([]),
  recordIds: ZRecordIds.default([]),
});

function normalizeScope(value: z.output<typeof ZScopeFields>, ctx: z.RefinementCtx): TGrantScope {
  if (value.scope === "CATEGORIES") {
    if (value.categories.length === 0) ctx.addIssue({ code: "custom", path: ["categories"], message: "Choose at least one category." });
    return { scope: "CATEGORIES", categories: unique(value.categories), recordIds: [] };
  }
  if (value.scope === "RECORDS") {
    if (value.recordIds.length === 0) ctx.addIssue({ code: "custom", path: ["recordIds"], message: "Choose at least one record." });
    return { scope: "RECORDS", categories: [], recordIds: unique(value.recordIds) };
  }
  return { scope: "ALL", categories: [], recordIds: [] };
}

/** A scope on its own (e.g. the narrowed scope of an approval), in normal form. */
export const ZGrantScopeSchema = ZScopeFields.transform((value, ctx) => normalizeScope(value, ctx));

/** The terms of a share (level, end, scope), for a clinician (grantAccessSchema) or an address (inviteClinicianSchema). */
const ZShareTermsShape = {
  level: ZGrantLevelSchema,
  expiresAt: z.coerce.date({ error: "Use a valid date." }).optional(),
  ...ZScopeFields.shape,
};

/** The end of a share: 30 days from now by default; it must be in the future and at most `maxDays` away. */
function shareEnd(expiresAt: Date | undefined, options: { now: Date; maxDays: number }, ctx: z.RefinementCtx): Date {
  const end = expiresAt ?? new Date(options.now.getTime() + DEFAULT_GRANT_DAYS * DAY_MS);
  if (end.getTime() <= options.now.getTime()) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Choose an end date in the future." });
  else if (end.getTime() > options.now.getTime() + options.maxDays * DAY_MS) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: `Share for at most ${options.maxDays} days.` });
  return end;
}

/**
 * A patient shares with a clinician. The end date defaults to 30 days from now,
 * must be in the future and at most `maxDays` away.
 */
export function grantAccessSchema(options: { now: Date; maxDays: number }) {
  return z
    .object({
      granteeId: z.string({ error: "Choose a clinician." }).trim().min(1, "Choose a clinician.").max(64, "Choose a clinician."),
      ...ZShareTermsShape,
    })
    .transform((value, ctx) => {
      const expiresAt = shareEnd(value.expiresAt, options, ctx);
      return { granteeId: value.granteeId, level: value.level, expiresAt, ...normalizeScope(value, ctx) };
    });
}
export type TGrantAccessInput = z.input<ReturnType<typeof grantAccessSchema>>;
export type TGrantAccess = z.output<ReturnType<typeof grantAccessSchema>>;

// ---- patient codes ----

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
export const PATIENT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_BODY = new RegExp(`^[${PATIENT_CODE_ALPHABET}]{8}$`);

/** "mv 7k3q 9d2p", "MV-7K3Q-9D2P" or "7K3Q9D2P" -> "MV-7K3Q-9D2P"; null if it cannot be a code. */
export function normalizePatientCode(raw: string): string | null {
  let body = raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (body.length === 10 && body.startsWith("MV")) body = body.slice(2);
  if (!CODE_BODY.test(body)) return null;
  return `MV-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** How a clinician names a patient: an email address or a patient code. */
export const ZPatientIdentifierSchema = z
  .string({ error: "Enter the patient's email address or patient code." })
  .trim()
  .min(3, "Enter the patient's email address or patient code.")
  .max(254, "Enter the patient's email address or patient code.")
  .transform((value, ctx) => {
    if (value.includes("@")) {
      const email = z.email().safeParse(value.toLowerCase());
      if (email.success) return { kind: "email" as const, value: email.data };
    } else {
      const code = normalizePatientCode(value);
      if (code) return { kind: "code" as const, value: code };
    }
    ctx.addIssue({ code: "custom", message: "Enter the patient's email address or a patient code like MV-7K3Q-9D2P." });
    return z.NEVER;
  });

// ---- access requests ----

/** A clinician asks a patient for access: the scope is all records or categories (they cannot name records they cannot see). */
export function requestAccessSchema(options: { maxDays: number }) {
  return z
    .object({
      patient: ZPatientIdentifierSchema,
      reason: z
        .string({ error: "Say why you need access." })
        .trim()
        .min(REQUEST_REASON_MIN, `Say why you need access (at least ${REQUEST_REASON_MIN} characters).`)
        .max(REQUEST_REASON_MAX, `Use at most ${REQUEST_REASON_MAX} characters.`),
      level: ZGrantLevelSchema,
      durationDays: z.coerce
        .number({ error: "Choose for how many days." })
        .int("Choose a whole number of days.")
        .min(1, "Ask for at least one day.")
        .max(options.maxDays, `Ask for at most ${options.maxDays} days.`)
        .default(DEFAULT_GRANT_DAYS),
      scope: z.enum(["ALL", "CATEGORIES"], { error: "Choose what you ask for." }),
      categories: ZCategories.default([]),
    })
    .transform((value, ctx) => {
      const { scope, categories } = normalizeScope({ ...value, recordIds: [] }, ctx);
      return { patient: value.patient, reason: value.reason, level: value.level, durationDays: value.durationDays, scope, categories };
    });
}
export type TRequestAccessInput = z.input<ReturnType<typeof requestAccessSchema>>;

/** The patient's answer. An approval may narrow scope, level and duration; omitted fields keep what was asked. */
export const ZDecideAccessRequestSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("deny") }),
  z.object({
    decision: z.literal("approve"),
    level: ZGrantLevelSchema.optional(),
    durationDays: z.coerce.number().int("Choose a whole number of days.").min(1, "Share for at least one day.").optional(),
    scope: z.enum(["ALL", "CATEGORIES", "RECORDS"]).optional(),
    categories: ZCategories.optional(),
    recordIds: ZRecordIds.optional(),
  }),
]);
export type TDecideAccessRequestInput = z.input<typeof ZDecideAccessRequestSchema>;

// ---- emergency access ----

export const ZOpenEmergencyAccessSchema = z.object({
  patient: ZPatientIdentifierSchema,
  reason: z
    .string({ error: "Write why you need emergency access." })
    .trim()
    .min(EMERGENCY_REASON_MIN, `Write why you need emergency access (at least ${EMERGENCY_REASON_MIN} characters).`)
    .max(EMERGENCY_REASON_MAX, `Use at most ${EMERGENCY_REASON_MAX} characters.`),
});
export type TOpenEmergencyAccessInput = z.input<typeof ZOpenEmergencyAccessSchema>;

// ---- clinician search (share dialog) ----

export const ZFindCliniciansSchema = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters.").max(100, "Use at most 100 characters."),
  limit: z.coerce.number().int().min(1).max(25).default(10),
});
export type TFindCliniciansInput = z.input<typeof ZFindCliniciansSchema>;

// ---- invitations by email (share dialog, when no verified clinician matches) ----

export const INVITATION_EMAIL_MAX = 254;

export const ZInvitationEmailSchema = z
  .string({ error: "Enter the clinician's email address." })
  .trim()
  .min(1, "Enter the clinician's email address.")
  .max(INVITATION_EMAIL_MAX, `Use at most ${INVITATION_EMAIL_MAX} characters.`)
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.org."));

/**
 * A patient invites a clinician by email with the terms of a share: the same
 * rules and messages as grantAccessSchema, with an address instead of a clinician.
 */
export function inviteClinicianSchema(options: { now: Date; maxDays: number }) {
  return z
    .object({ email: ZInvitationEmailSchema, ...ZShareTermsShape })
    .transform((value, ctx) => {
      const expiresAt = shareEnd(value.expiresAt, options, ctx);
      return { email: value.email, level: value.level, expiresAt, ...normalizeScope(value, ctx) };
    });
}
export type TInviteClinicianInput = z.input<ReturnType<typeof inviteClinicianSchema>>;

export const ZClinicianInvitationIdSchema = ZId;

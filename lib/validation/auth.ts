// Auth input schemas shared by react-hook-form forms (browser) and server
// actions. This file must stay client-safe: no "server-only" modules, no env,
// no node:crypto. The common-password rule needs a 49k-entry list that should
// not ship to browsers, so it is added on the server only, in
// lib/auth/password-policy.ts (ZNewPasswordServerSchema, ZSignUpServerSchema).
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
// Cheap bound checked before normalizing, so a megabyte of input costs nothing.
// NFKC composes at most 4 code points into 1 (e.g. Greek with three combining
// marks) and a code point is at most 2 UTF-16 units, so anything longer than
// this is certainly over PASSWORD_MAX_LENGTH code points once normalized.
export const PASSWORD_MAX_INPUT_UNITS = PASSWORD_MAX_LENGTH * 8;

export const PASSWORD_MESSAGES = {
  missing: "Enter a password.",
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  tooCommon: "This password is too common. Choose a longer, less predictable one.",
} as const;

/**
 * The form of a password that is measured, checked and hashed. The same
 * password typed on another device or keyboard can arrive as different code
 * points (precomposed "é" vs "e" + combining accent, full-width vs ASCII
 * letters, NBSP vs space); NFKC maps those to one form so the user can still
 * sign in (NIST SP 800-63B 5.1.1.2). Never change this without a migration
 * plan: every stored hash was made from NFKC output.
 */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Length as a person counts it: code points, so an emoji is 1, not 2 UTF-16 units. */
export function codePointLength(value: string): number {
  // The string iterator yields code points (a lone surrogate counts as one).
  return Array.from(value).length;
}

/**
 * A new password (sign-up, change, reset): 12..128 code points after NFKC, any
 * characters, no composition rules, no truncation. The value is left as typed
 * (hashPassword normalizes), so forms round-trip exactly what the user entered.
 */
export const ZPasswordSchema = z
  .string({ error: PASSWORD_MESSAGES.missing })
  .max(PASSWORD_MAX_INPUT_UNITS, { error: PASSWORD_MESSAGES.tooLong, abort: true })
  .superRefine((value, ctx) => {
    const length = codePointLength(normalizePassword(value));
    if (length === 0) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.missing });
    else if (length < PASSWORD_MIN_LENGTH) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.tooShort });
    else if (length > PASSWORD_MAX_LENGTH) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.tooLong });
  });

export const ZEmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  // Stored lower-cased (see prisma/schema.prisma): addresses are compared case-insensitively.
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Use an email address of at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

export const TOTP_CODE_DIGITS = 6;

/** The 6 digits from an authenticator app; spaces (apps show "123 456") are ignored. */
export const ZTotpCodeSchema = z
  .string({ error: "Enter the 6-digit code from your authenticator app." })
  .transform((value) => value.replace(/\s+/g, ""))
  // [0-9], not \d with the u flag: only ASCII digits are valid codes.
  .pipe(z.string().regex(/^[0-9]{6}$/, "Enter the 6-digit code from your authenticator app."));

// Crockford base32: no I, L, O, U, so codes read aloud or copied by hand are
// unambiguous; 5 bits per character.
export const RECOVERY_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_LENGTH = 10;

/**
 * Canonical form of a recovery code: upper case without dashes or spaces, and
 * the letters people mistake for digits (O, I, L) read as 0 and 1, as Crockford
 * base32 decoders do. Used before hashing and when validating input.
 */
export function normalizeRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]+/g, "") // spaces, hyphens and the dashes phones substitute
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

const recoveryCodePattern = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/** A recovery code as typed (any case, with or without the dash); outputs the normalized form. */
export const ZRecoveryCodeSchema = z
  .string({ error: "Enter one of your recovery codes." })
  .max(64, "Enter one of your recovery codes, like ABCDE-12345.")
  .transform(normalizeRecoveryCode)
  .pipe(z.string().regex(recoveryCodePattern, "Enter one of your recovery codes, like ABCDE-12345."));

export const CLINICIAN_ROLES = ["physician", "nurse", "staff"] as const;
export const SIGN_UP_ROLES = ["patient", ...CLINICIAN_ROLES] as const;

const requiredText = (options: { message: string; max: number; label: string }) =>
  z
    .string({ error: options.message })
    .trim()
    .min(1, options.message)
    .max(options.max, `Use at most ${options.max} characters for the ${options.label}.`);

const ZSignUpBaseSchema = z.object({
  name: requiredText({ message: "Enter your name.", max: 100, label: "name" }),
  email: ZEmailSchema,
  password: ZPasswordSchema,
});

/**
 * Sign-up. A discriminated union on role (rather than optional fields plus a
 * refinement) so a clinician missing a field sees every missing field at once,
 * and a patient's stray clinician fields are stripped instead of stored.
 */
export const ZSignUpSchema = z.discriminatedUnion(
  "role",
  [
    ZSignUpBaseSchema.extend({ role: z.literal("patient") }),
    ZSignUpBaseSchema.extend({
      role: z.enum(CLINICIAN_ROLES),
      licenseNumber: requiredText({ message: "Enter your professional license number.", max: 50, label: "license number" }),
      specialty: requiredText({ message: "Enter your specialty.", max: 100, label: "specialty" }),
      organization: requiredText({ message: "Enter the organization you work for.", max: 200, label: "organization" }),
    }),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? "Choose whether you are a patient, physician, nurse or staff." : undefined) },
);

/**
 * Sign-in checks presence only: the length policy applies to new passwords,
 * and repeating it here would reveal the policy and lock out anyone whose
 * password predates a policy change. The upper bound only caps hashing work.
 */
export const ZSignInSchema = z.object({
  email: ZEmailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_INPUT_UNITS, PASSWORD_MESSAGES.tooLong),
});

export type TSignUpInput = z.input<typeof ZSignUpSchema>;
export type TSignUp = z.output<typeof ZSignUpSchema>;
export type TSignInInput = z.input<typeof ZSignInSchema>;
export type TSignIn = z.output<typeof ZSignInSchema>;
export type TSignUpRole = (typeof SIGN_UP_ROLES)[number];
export type TClinicianRole = (typeof CLINICIAN_ROLES)[number];

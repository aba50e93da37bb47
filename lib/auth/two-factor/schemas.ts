// Input schemas of the two-factor and re-authentication forms, shared by the
// client forms (react-hook-form) and the server actions. Client-safe: no
// server-only imports. (Candidate to move to lib/validation/ with the others.)
import { z } from "zod";
import { PASSWORD_MAX_INPUT_UNITS, ZRecoveryCodeSchema, ZTotpCodeSchema } from "@/lib/validation/auth";

/** Either the authenticator's current code or one of the recovery codes. */
export const ZSecondFactorSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code: ZTotpCodeSchema }),
  z.object({ method: z.literal("recovery_code"), code: ZRecoveryCodeSchema }),
]);

/** The first code from the authenticator, proving the secret was saved correctly. */
export const ZConfirmEnrolmentSchema = z.object({ code: ZTotpCodeSchema });

/**
 * "Confirm it's you": the password, or for accounts without one (OAuth only)
 * a code from the authenticator. Presence only, like sign-in.
 */
export const ZReauthenticateSchema = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("password"),
    password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_INPUT_UNITS, "Enter your password."),
  }),
  z.object({ method: z.literal("totp"), code: ZTotpCodeSchema }),
]);

export type TSecondFactorInput = z.input<typeof ZSecondFactorSchema>;
export type TSecondFactor = z.output<typeof ZSecondFactorSchema>;
export type TConfirmEnrolmentInput = z.input<typeof ZConfirmEnrolmentSchema>;
export type TReauthenticateInput = z.input<typeof ZReauthenticateSchema>;
export type TReauthenticate = z.output<typeof ZReauthenticateSchema>;

/** Failed second-factor attempts one sign-in may make before it is ended. */
export const MAX_SECOND_FACTOR_ATTEMPTS = 5;

/** "JBSW Y3DP EHPK 3PXP ...": the secret in groups of four, easier to type from a screen. */
export function formatManualKey(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, "$1 ");
}

// Server-side versions of the new-password schemas: the client-safe rules from
// lib/validation/auth.ts plus the common-password check, whose list stays on
// the server. Server actions that set a password parse with these; forms use
// the client schemas and see the "too common" message from the action's result.
import "server-only";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { PASSWORD_MESSAGES, ZPasswordSchema, ZSignUpSchema } from "@/lib/validation/auth";

/** A new password (change, reset): length rules, then not a common password. */
export const ZNewPasswordServerSchema = ZPasswordSchema.refine((password) => !isCommonPassword(password), {
  error: PASSWORD_MESSAGES.tooCommon,
});

/** Sign-up as the server must check it: ZSignUpSchema plus the common-password rule. */
export const ZSignUpServerSchema = ZSignUpSchema.superRefine((input, ctx) => {
  if (isCommonPassword(input.password)) {
    ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES.tooCommon });
  }
});

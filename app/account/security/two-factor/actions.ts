"use server";

import { currentSession } from "@/lib/auth/current-user";
import { invalidInput, toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { beginEnrolment, type TEnrolmentStart } from "@/lib/auth/two-factor/begin-enrolment";
import { confirmEnrolment } from "@/lib/auth/two-factor/confirm-enrolment";
import { disableTwoFactor } from "@/lib/auth/two-factor/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor/regenerate-recovery-codes";
import { ZConfirmEnrolmentSchema, ZSecondFactorSchema } from "@/lib/auth/two-factor/schemas";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";

// Each use case checks the session's state itself (enrolment is open to
// sessions held at mandatory enrolment; the rest need a fully active one).
async function sessionOrThrow() {
  const session = await currentSession();
  if (!session) throw new AppError("UNAUTHENTICATED");
  return session;
}

export async function startEnrolmentAction(): Promise<TActionResult<TEnrolmentStart>> {
  return toActionResult("two_factor.begin_failed", async () => beginEnrolment({ session: await sessionOrThrow() }));
}

export async function confirmEnrolmentAction(input: unknown): Promise<TActionResult<{ recoveryCodes: string[] }>> {
  const parsed = ZConfirmEnrolmentSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  return toActionResult("two_factor.confirm_failed", async () =>
    confirmEnrolment({ session: await sessionOrThrow(), code: parsed.data.code, context: await requestContext() }),
  );
}

export async function disableTwoFactorAction(input: unknown): Promise<TActionResult> {
  const parsed = ZSecondFactorSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  return toActionResult("two_factor.disable_failed", async () => {
    await disableTwoFactor({ session: await sessionOrThrow(), factor: parsed.data, context: await requestContext() });
    return {};
  });
}

export async function regenerateRecoveryCodesAction(): Promise<TActionResult<{ recoveryCodes: string[] }>> {
  return toActionResult("two_factor.regenerate_failed", async () =>
    regenerateRecoveryCodes({ session: await sessionOrThrow(), context: await requestContext() }),
  );
}

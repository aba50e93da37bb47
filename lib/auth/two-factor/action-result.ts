// What the two-factor and re-authentication server actions return to their
// forms: data on success, or only what toPublicError allows on failure.
import "server-only";
import { AppError, toPublicError, type PublicError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type TActionResult<T extends object = object> = ({ ok: true } & T) | ({ ok: false } & PublicError);

/** Runs a use case; AppErrors become their public form, anything else a generic message and a log line. */
export async function toActionResult<T extends object>(event: string, run: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (error) {
    if (!(error instanceof AppError)) logger.error(event, { error });
    return { ok: false, ...toPublicError(error) };
  }
}

/** The first message of a zod failure, for a form that validated on the client already. */
export function invalidInput(message: string | undefined): { ok: false } & PublicError {
  return { ok: false, code: "VALIDATION_FAILED", message: message ?? "Some of the information is not valid." };
}

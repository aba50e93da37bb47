import { isServiceOutage } from "@/lib/service-outage";

// Errors users may see. Only these codes and messages reach a client; anything
// else becomes a generic message and a log line (without medical content).

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: "Some of the information is not valid." },
  UNAUTHENTICATED: { status: 401, message: "Please sign in to continue." },
  // A denied and a missing thing look the same to the caller.
  NOT_FOUND: { status: 404, message: "We could not find that, or you do not have access to it." },
  FORBIDDEN: { status: 403, message: "You are not allowed to do that." },
  CONFLICT: { status: 409, message: "That was changed by someone else. Reload and try again." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "That request is too large." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Please wait and try again." },
  SERVICE_UNAVAILABLE: { status: 503, message: "This service is unavailable right now. Please try again shortly." },
  INTERNAL: { status: 500, message: "Something went wrong on our side. Nothing you entered was lost." },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    /** A specific, user-safe message; defaults to the code's generic one. */
    message?: string,
    readonly details?: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number },
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = "AppError";
    this.status = ERROR_CODES[code].status;
  }
}

export interface PublicError {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

/** What a client may see of any thrown value. */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...error.details };
  if (isServiceOutage(error)) return { code: "SERVICE_UNAVAILABLE", message: ERROR_CODES.SERVICE_UNAVAILABLE.message };
  return { code: "INTERNAL", message: ERROR_CODES.INTERNAL.message };
}

/** The HTTP status for any thrown value, consistent with toPublicError. */
export function statusOf(error: unknown): number {
  return ERROR_CODES[toPublicError(error).code].status;
}

// Direct callers of Auth.js's password endpoint (scripts, credential stuffing)
// get a plain 429 with Retry-After while throttled, before any password is
// checked. The sign-in page goes through a server action and shows the same
// wait in words.
import { ERROR_CODES } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { ZEmailSchema } from "@/lib/validation/auth";
import { signInRetryAfter } from "./throttle";

const PASSWORD_CALLBACK = /\/callback\/password\/?$/;

export async function refuseThrottledSignIn(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !PASSWORD_CALLBACK.test(new URL(request.url).pathname)) return null;
  let email: string | undefined;
  try {
    const form = await request.clone().formData();
    const parsed = ZEmailSchema.safeParse(form.get("email"));
    email = parsed.success ? parsed.data : undefined;
  } catch {
    return null; // not a form post: Auth.js answers it
  }
  if (!email) return null;
  const retryAfterSeconds = await signInRetryAfter({ email, ip: contextFromHeaders(request.headers).ipAddress });
  if (retryAfterSeconds === 0) return null;
  return Response.json(
    { error: { code: "RATE_LIMITED", message: ERROR_CODES.RATE_LIMITED.message, retryAfterSeconds } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

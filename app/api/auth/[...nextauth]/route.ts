import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { refuseThrottledSignIn } from "@/lib/auth/sign-in/refuse-throttled-sign-in";
import { AppError, toPublicError } from "@/lib/errors";
import { readBoundedBody } from "@/lib/http/bounded-body";

/** Auth.js leaves some answers (the provider list, redirects that set cookies) without a cache rule: never stored. */
async function notStored(answer: Promise<Response>): Promise<Response> {
  const response = await answer;
  if (response.headers.has("cache-control")) return response;
  // A copy: redirects made with Response.redirect have immutable headers.
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function GET(request: NextRequest) {
  return notStored(handlers.GET(request));
}

/** Auth.js and the throttle read the body whole: it is read here first, within the cap, so they never see a larger one. */
async function withBoundedBody(request: NextRequest): Promise<NextRequest> {
  const body = await readBoundedBody(request);
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: body.byteLength > 0 ? body : undefined });
}

export async function POST(request: NextRequest) {
  let bounded: NextRequest;
  try {
    bounded = await withBoundedBody(request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return Response.json({ error: toPublicError(error) }, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  return notStored((async () => (await refuseThrottledSignIn(bounded)) ?? handlers.POST(bounded))());
}

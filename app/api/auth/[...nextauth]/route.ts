import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { refuseThrottledSignIn } from "@/lib/auth/sign-in/refuse-throttled-sign-in";

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

export async function POST(request: NextRequest) {
  return notStored((async () => (await refuseThrottledSignIn(request)) ?? handlers.POST(request))());
}

// Coarse gate only: adds the security headers to every page (with a fresh CSP
// nonce per request) and sends visitors without a session cookie from the
// signed-in areas to the sign-in page; /api answers get theirs from
// next.config.ts. Authorization is never decided here: every page, server
// action and route handler checks the session itself.
//
// Next 16 names this file `proxy.ts`; `middleware.ts` is still supported and is
// the layout the product asks for.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { blobOrigin } from "@/lib/storage/connection-string";
import { contentSecurityPolicy, createNonce, isPrivatePath, staticSecurityHeaders } from "@/lib/security/headers";

const SIGNED_IN_AREAS = /^\/(patient|clinician|admin|account|notifications|search)(\/|$)/;
// Auth.js's cookie, plain or __Secure- prefixed, possibly split into chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function hasSessionCookie(request: NextRequest) {
  return request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
}

export function middleware(request: NextRequest) {
  const settings = env();
  const { pathname, search } = request.nextUrl;
  if (SIGNED_IN_AREAS.test(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return withSecurityHeaders(NextResponse.redirect(signIn), request, settings);
  }
  return withSecurityHeaders(null, request, settings);
}

/** Adds the headers; with no response given, continues the request with the nonce attached. */
function withSecurityHeaders(given: NextResponse | null, request: NextRequest, settings: ReturnType<typeof env>) {
  const production = settings.NODE_ENV === "production";
  const https = production && settings.APP_URL.startsWith("https://");
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    development: settings.NODE_ENV === "development",
    https,
    production,
    blobOrigin: blobOrigin(settings.AZURE_STORAGE_CONNECTION_STRING),
  });

  // Next reads the nonce from the request's CSP header and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = given ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ production }))) response.headers.set(name, value);
  if (isPrivatePath(request.nextUrl.pathname)) response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  // Node.js, not the edge sandbox: the same code, about 10 % more pages per second
  // (bench/RESULTS.md run 5); Next 16's proxy.ts runs on Node.js by default too.
  runtime: "nodejs",
  matcher: [
    // Everything but build assets, which carry no data and are cached by hash, and /api:
    // route handlers authenticate every call themselves and answer 401 (never a redirect),
    // and their security headers are static (next.config.ts, API_CONTENT_SECURITY_POLICY).
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
  ],
};

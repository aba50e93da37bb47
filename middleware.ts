// Coarse gate only: adds the security headers to every response (with a fresh
// CSP nonce per request). Authorization is never decided here: every page,
// server action and route handler checks the session itself.
//
// Next 16 names this file `proxy.ts`; `middleware.ts` is still supported and is
// the layout the product asks for.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { blobOrigin } from "@/lib/storage/connection-string";
import { contentSecurityPolicy, createNonce, isPrivatePath, staticSecurityHeaders } from "@/lib/security/headers";

export function middleware(request: NextRequest) {
  const settings = env();
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

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ production }))) response.headers.set(name, value);
  if (isPrivatePath(request.nextUrl.pathname)) response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [
    // Everything but build assets, which carry no data and are cached by hash.
    "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
  ],
};

// Security headers for every response. Pure functions so they can be unit
// tested and used from the edge middleware.

export interface SecurityHeaderOptions {
  nonce: string;
  /** Development needs 'unsafe-eval' for React's dev tooling and ws: for hot reload. */
  development: boolean;
  /** upgrade-insecure-requests would break a plain-HTTP local production try. */
  https: boolean;
  /** HSTS in production; browsers ignore it on plain HTTP, so a local try is unaffected. */
  production: boolean;
  /** Origin of blob storage: the browser uploads to and previews from it directly. */
  blobOrigin: string;
}

export function contentSecurityPolicy({ nonce, development, https, blobOrigin }: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets Next's nonce-carrying bootstrap load its chunks.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Next's dev server injects <style> tags without the nonce; production gets the nonce only.
    "style-src": ["'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // Inline style attributes (progress bar widths, Next's route announcer) cannot carry a nonce.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:", blobOrigin],
    "media-src": ["'self'", "blob:", blobOrigin],
    "font-src": ["'self'"],
    "connect-src": ["'self'", blobOrigin, ...(development ? ["ws:"] : [])],
    "worker-src": ["'self'", "blob:"],
    // PDFs are previewed in a frame loaded straight from storage (a read SAS, inline): the
    // browser's PDF viewer runs there, on the storage origin, never on ours.
    "frame-src": ["'self'", "blob:", blobOrigin],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Headers that do not depend on the request. */
export function staticSecurityHeaders({ production }: Pick<SecurityHeaderOptions, "production">): Record<string, string> {
  return {
    // SAS tokens live in URLs: never leak them to another site through Referer.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload" } : {}),
  };
}

/**
 * The policy of every /api answer (JSON, files, redirects): nothing in it may run,
 * load anything or be framed. No nonce is needed, so these headers are static and
 * set by next.config.ts: the middleware does not run for /api (it cost a third of
 * a download link's CPU, bench/RESULTS.md run 5).
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Medical pages, API answers and the dev outbox must never be stored by browsers or proxies. */
export function isPrivatePath(pathname: string): boolean {
  return /^\/(patient|clinician|admin|account|notifications|search|api|dev)(\/|$)/.test(pathname);
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

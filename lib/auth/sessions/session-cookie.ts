// The session row's token, read straight from Auth.js's session cookie. Pages
// and route handlers need only that token (resolveSession decides the rest from
// the row), so they decrypt the cookie themselves instead of calling auth(),
// which rebuilt the Auth.js configuration and re-encrypted a fresh cookie on
// every request (a third of a signed-in request's CPU in bench:load's profile).
// The cookie's lifetime changes nothing here: the row's own absolute and idle
// limits end a session, checked on every request.

/** Auth.js's names: the __Secure- prefix when the app is served over https. */
export function sessionCookieName(appUrl: string): string {
  return appUrl.startsWith("https://") ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** The cookie's value; Auth.js splits values over 4 KB into name.0, name.1, … */
function cookieValue(name: string, all: ReadonlyArray<{ name: string; value: string }>): string | undefined {
  const whole = all.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = all
    .filter((cookie) => cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((cookie) => cookie.value).join("") : undefined;
}

// Decrypting the cookie (HKDF, AES-CBC and three HMACs through WebCrypto) was a
// tenth of a signed-in request's CPU in bench:load's profile, and a session sends
// the same cookie on every request. So the result of a successful decryption is
// kept, keyed by the exact cookie, its name and the secret, until the cookie's own
// expiry. Only cookies that decrypted are kept (a forged one cannot fill the map),
// and the oldest entry goes when it is full.
const DECODED_LIMIT = 10_000;
const decoded = new Map<string, { sid: string; expiresAtMs: number }>();

function remember(key: string, sid: string, expiresAtMs: number) {
  if (decoded.size >= DECODED_LIMIT) decoded.delete(decoded.keys().next().value as string);
  decoded.set(key, { sid, expiresAtMs });
}

/** The session token inside a valid, unexpired cookie; undefined for none, a forged one or an expired one. */
export async function sessionTokenFromCookies(options: { cookies: ReadonlyArray<{ name: string; value: string }>; appUrl: string; secret: string }): Promise<string | undefined> {
  const name = sessionCookieName(options.appUrl);
  const value = cookieValue(name, options.cookies);
  if (!value) return undefined;
  const key = `${options.secret}\n${name}\n${value}`;
  const known = decoded.get(key);
  if (known && known.expiresAtMs > Date.now()) return known.sid;
  if (known) decoded.delete(key);
  try {
    // An ES module: imported where used, as lib/records/inspect-upload.ts does file-type (Jest loads it only so).
    const { decode } = await import("next-auth/jwt");
    const token = await decode({ token: value, secret: options.secret, salt: name });
    if (typeof token?.sid !== "string") return undefined;
    if (typeof token.exp === "number") remember(key, token.sid, token.exp * 1000);
    return token.sid;
  } catch {
    // Tampered, encrypted with another secret, or expired.
    return undefined;
  }
}

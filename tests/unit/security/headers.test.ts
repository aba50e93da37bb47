import { contentSecurityPolicy, createNonce, isPrivatePath, staticSecurityHeaders } from "@/lib/security/headers";

const base = { nonce: "abc123", development: false, https: true, production: true, blobOrigin: "https://acct.blob.core.windows.net" };

describe("security headers", () => {
  it("allows scripts only with the request's nonce and forbids framing", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self' https://acct.blob.core.windows.net");
    // PDF previews: a frame from the storage origin, and nothing else from elsewhere.
    expect(csp).toContain("frame-src 'self' blob: https://acct.blob.core.windows.net;");
    expect(csp).toContain("img-src 'self' blob: data: https://acct.blob.core.windows.net;");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("does not upgrade requests for a plain-HTTP local try and allows eval only in development", () => {
    const csp = contentSecurityPolicy({ ...base, https: false, development: true });
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(contentSecurityPolicy(base)).toContain("style-src 'self' 'nonce-abc123'");
  });

  it("sends HSTS only in production and never a referrer", () => {
    expect(staticSecurityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders({ production: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders({ production: false })["Referrer-Policy"]).toBe("no-referrer");
  });

  it("makes a different, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });

  it("marks signed-in areas and the API as private", () => {
    expect(isPrivatePath("/patient/records")).toBe(true);
    expect(isPrivatePath("/api/health")).toBe(true);
    expect(isPrivatePath("/notifications")).toBe(true);
    expect(isPrivatePath("/search")).toBe(true);
    expect(isPrivatePath("/")).toBe(false);
    expect(isPrivatePath("/patients-guide")).toBe(false);
  });
});

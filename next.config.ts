import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The middleware does not run for /api (see middleware.ts): its answers get the same
  // static headers here, with a policy that lets nothing run. Each handler sets its own
  // Cache-Control (no-store, or private for thumbnails).
  async headers() {
    const security = { ...staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }), "Content-Security-Policy": API_CONTENT_SECURITY_POLICY };
    return [{ source: "/api/:path*", headers: Object.entries(security).map(([key, value]) => ({ key, value })) }];
  },
  // Server-only packages with native or wasm parts, that find their own files on
  // disk (tesseract's worker and model) or that require Node's modules at run time
  // (exifr's fs and zlib: bundled, it printed "Couldn't load fs"), are loaded by
  // Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/schema-engine-wasm", "azurite", "@electric-sql/pglite", "@electric-sql/pglite-socket", "sharp", "tesseract.js", "@tesseract.js-data/eng", "unpdf", "mupdf", "heic-decode", "exifr"],
};

export default nextConfig;

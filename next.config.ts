import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native or wasm parts, or that find their own files on
  // disk (tesseract's worker and model), are loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/schema-engine-wasm", "azurite", "@electric-sql/pglite", "@electric-sql/pglite-socket", "sharp", "tesseract.js", "@tesseract.js-data/eng", "unpdf", "mupdf"],
};

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native or wasm parts are loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/schema-engine-wasm", "azurite", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
};

export default nextConfig;

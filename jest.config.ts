// Jest projects for the three Jest-run suites. next/jest supplies the SWC
// transform (same compiler as the app) and Next's module mocks (CSS, images,
// server-only); we add the "@/" alias so jest.mock("@/...") strings resolve too.
//
// Node 20 cannot load a TypeScript Jest config on its own (Jest wants ts-node),
// so `npm test` (lib/cli/test.ts) imports this file through tsx, awaits it and
// hands Jest the resolved JSON. Run suites through `npm test -- --only=...`.
import path from "node:path";
import type { Config } from "jest";
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: __dirname });

const shared: Config = {
  rootDir: __dirname,
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
};

const projects: Config[] = [
  {
    displayName: "unit",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)"],
  },
  {
    displayName: "integration",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/integration/**/*.test.ts?(x)"],
    // Refuses to run against anything but the per-run database npm test made.
    setupFiles: ["<rootDir>/tests/setup/require-test-database.ts"],
    // Real Postgres round trips and migrations are slower than unit tests.
    testTimeout: 60_000,
  },
  {
    displayName: "components",
    testEnvironment: "jsdom",
    testMatch: ["<rootDir>/tests/components/**/*.test.tsx"],
    setupFilesAfterEnv: ["<rootDir>/tests/setup/jest-dom.ts"],
  },
];

// Our copy of next/jest's transformer that keeps `import()` native (see the file).
const transformer = path.join(__dirname, "tests/setup/jest-swc-transformer.cjs");

/** Points next/jest's SWC transform entry at our transformer, keeping next's options. */
function keepDynamicImports(config: Config): Config {
  const transform = Object.fromEntries(
    Object.entries(config.transform ?? {}).map(([pattern, entry]) =>
      Array.isArray(entry) && String(entry[0]).endsWith("jest-transformer.js") ? [pattern, [transformer, entry[1]]] : [pattern, entry],
    ),
  );
  return { ...config, transform };
}

/** Resolves each project through next/jest (transforms and mocks are per project in Jest). */
export default async function jestConfig(): Promise<Config> {
  const resolved = await Promise.all(projects.map((project) => createJestConfig({ ...shared, ...project })()));
  return { rootDir: __dirname, projects: resolved.map(keepDynamicImports) as Config["projects"] };
}

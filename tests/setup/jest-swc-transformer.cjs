/* eslint-disable @typescript-eslint/no-require-imports -- Jest require()s transformers: this file must be CommonJS. */
// next/jest's SWC transform, with one change: dynamic `import()` is kept as a
// real import instead of being compiled to `require()`. Jest can only load an
// ES module package (like @prisma/schema-engine-wasm, which imports its .wasm)
// through import(), and only when node runs with --experimental-vm-modules
// (set by lib/cli/test.ts). Everything else matches next/jest's transformer
// (next/dist/build/swc/jest-transformer.js), whose options this reuses.
// Plain JS because Jest loads transformers with require(), before any transform.
const vm = require("node:vm");
const { transformSync } = require("next/dist/build/swc");
const { getJestSWCOptions } = require("next/dist/build/swc/options");

const supportsEsm = "Module" in vm;

function isEsm(isEsmProject, filename, jestConfig) {
  return (/\.jsx?$/.test(filename) && isEsmProject) || (jestConfig.extensionsToTreatAsEsm ?? []).some((ext) => filename.endsWith(ext));
}

function createTransformer(inputOptions = {}) {
  return {
    process(src, filename, jestOptions) {
      const jestConfig = "config" in jestOptions ? jestOptions.config : jestOptions;
      const options = getJestSWCOptions({
        isServer: jestConfig.testEnvironment === "node" || jestConfig.testEnvironment.includes("jest-environment-node"),
        filename,
        configDir: inputOptions.configDir,
        jsConfig: inputOptions.jsConfig,
        resolvedBaseUrl: inputOptions.resolvedBaseUrl,
        pagesDir: inputOptions.pagesDir,
        serverComponents: inputOptions.serverComponents,
        modularizeImports: inputOptions.modularizeImports,
        swcPlugins: inputOptions.swcPlugins,
        compilerOptions: inputOptions.compilerOptions,
        imageConfig: inputOptions.imageConfig,
        serverReferenceHashSalt: "",
        esm: supportsEsm && isEsm(Boolean(inputOptions.isEsmProject), filename, jestConfig),
      });
      if (options.module.type === "commonjs") options.module.ignoreDynamic = true;
      return transformSync(src, { ...options, filename });
    },
  };
}

module.exports = { createTransformer };

import { defineConfig } from "tsup";

// Three builds (see ../docs/architecture.md, "Packaging"):
// 1. ESM, one file per source module, dependencies external: bundlers drop unused modules.
// 2. CJS, one bundled file with the ESM-only d3 packages inlined (zod and date-fns stay require()d).
// 3. Browser, one self-contained minified ESM file for Observable notebooks and <script type=module>.
const esmOnly = [/^d3-/, "internmap"];
// tsup 8.5.x injects baseUrl, which TypeScript 6 deprecates (TOOLCHAIN.md §2.5).
const dts = { compilerOptions: { ignoreDeprecations: "6.0" } };

export default defineConfig([
  {
    entry: ["src/**/*.ts", "!src/cli/**"],
    bundle: false,
    format: ["esm"],
    target: "es2022",
    sourcemap: true,
    dts,
  },
  {
    entry: ["src/index.ts"],
    format: ["cjs"],
    target: "es2022",
    platform: "node",
    noExternal: esmOnly,
    sourcemap: true,
    dts,
  },
  {
    entry: { "pace-qi": "src/index.ts" },
    outDir: "dist/browser",
    format: ["esm"],
    platform: "browser",
    target: "es2020",
    noExternal: [/.*/],
    minify: true,
    sourcemap: false,
    splitting: false,
  },
]);

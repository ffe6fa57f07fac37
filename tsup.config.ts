import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Four builds (see ../docs/architecture.md, "Packaging"):
// 1. ESM, one file per source module, dependencies external: bundlers drop unused modules.
// 2. CJS, one bundled file with the ESM-only d3 packages inlined (zod and date-fns stay require()d).
// 3. Browser, one self-contained minified ESM file for Observable notebooks and <script type=module>.
// 4. CLI (`pace-qi` bin): src/cli, the library code it uses and its dependencies bundled into
//    dist/cli/index.js, as the browser build is. Not importing the ESM build and node_modules:
//    resolving and loading their ~190 + ~100 files (the whole zod locales barrel among them) cost
//    ~0.3 CPU s of every run, a fifth of reading a 100,000-child export with csv-parse (issue
//    #12, docs/performance.md). (Chunks per command would not load less: every command reaches
//    the whole library through src/cli/lib.ts, and esbuild splits by reachable files.)
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
  {
    // main.js (the CLI as a function, no process I/O of its own) is for the CSV fuzzer, scripts/fuzz-csv.mjs.
    entry: { index: "src/cli/index.ts", main: "src/cli/main.ts" },
    outDir: "dist/cli",
    format: ["esm"],
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: [/.*/],
    define: {
      __PACE_QI_VERSION__: JSON.stringify(JSON.parse(readFileSync("package.json", "utf8")).version),
      // The demo's project template, inlined (examples/ is not in the published package).
      __PACE_QI_DEMO_TEMPLATE__: JSON.stringify(readFileSync("examples/pace-project.json", "utf8")),
    },
    // No source map: it would embed the sources of every bundled dependency (2.8 MB, a third of
    // the unpacked package); the bundle is not minified, so a stack trace still reads.
    sourcemap: false,
    splitting: false,
  },
]);

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    // Timeouts are not speed targets (those live in `npm run bench`): a few tests walk every day
    // from 1900 to 2100 or build 10⁵-row inputs, and on a loaded 2-core CI machine they can take
    // several times their usual second. A hung test still fails, after a minute.
    testTimeout: 60_000,
    // Test files share their worker's module graph (no fresh import of src/ per file): importing
    // src/ again for each of 115 files was 40 % of the suite's time (`import` in vitest's
    // summary: 234 s of 580 s under UTC). No test mocks modules or stubs globals; the library's
    // module state (the arena, caches) is reused across calls by design and tested for that.
    isolate: false,
    hookTimeout: 60_000,
    // The built package (dist/: the CLI tests' `main`, the README snippet) is loaded by Node as a
    // user's script loads it, not transformed by vitest module by module first.
    server: { deps: { external: [/\/node_modules\//, /\/dist\/.*\.js$/] } },
  },
});

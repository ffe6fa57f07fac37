import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    // Timeouts are not speed targets (those live in `npm run bench`): a few tests walk every day
    // from 1900 to 2100 or build 10⁵-row inputs, and on a loaded 2-core CI machine they can take
    // several times their usual second. A hung test still fails, after a minute.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

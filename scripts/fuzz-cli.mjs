#!/usr/bin/env node
// Bounded-time fuzzing of the CLI's file options and command names (issue #18): every command
// runs in-process (dist/cli/main.js) in a fresh sandbox with --out, --svg, --csv, --html,
// --mapping, --data and the input itself pointing at symbolic links (to a file, a folder,
// dangling), folders, the command's inputs, /dev/null, missing folders, names with newlines, tabs,
// dashes, 300-character names; and hostile command names (`constructor`, `__proto__`, random
// strings). The oracle (scripts/fuzz-cli-lib.mjs): exit 0, 1 or 2 (no exception: the bin would
// exit 70), no temporary file left, nothing changed but the outputs, never an input, a link or
// what it points to, /dev/null still a device. Failures are saved as
// test/fixtures/fuzz/cli-<hash>.json and replayed by test/reliability/fuzz-cli.test.ts.
//
//   npm run build && node scripts/fuzz-cli.mjs --seconds 30 [--seed N]
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fuzzArgs } from "./fuzz-args.mjs";
import { mulberry32, randomCase, runCase, setProject } from "./fuzz-cli-lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { seconds, seed } = fuzzArgs("fuzz-cli.mjs");
const { main } = await import(new URL("../dist/cli/main.js", import.meta.url).href);
setProject(readFileSync(join(root, "examples/pace-project.json"), "utf8"));
const rng = mulberry32(seed);
const sandboxes = mkdtempSync(join(tmpdir(), "pace-qi-fuzz-cli-runs-"));
const outDir = join(root, "test/fixtures/fuzz");
let runs = 0;
let failures = 0;
const deadline = Date.now() + seconds * 1000;
console.log(`fuzz-cli: seed ${seed}, ${seconds} s`);
try {
  while (Date.now() < deadline) {
    const c = randomCase(rng);
    const problem = await runCase(main, c, { root: sandboxes });
    runs++;
    if (problem === null) continue;
    failures++;
    const text = JSON.stringify({ target: "cli", problem, seed, argv: c.argv, outputs: c.outputs }, null, 2);
    const hash = createHash("sha256").update(JSON.stringify(c)).digest("hex").slice(0, 12);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `cli-${hash}.json`), `${text}\n`);
    console.log(`fuzz-cli: ${problem} — ${JSON.stringify(c.argv)} — saved test/fixtures/fuzz/cli-${hash}.json`);
  }
} finally {
  rmSync(sandboxes, { recursive: true, force: true });
}
console.log(`fuzz-cli: ${runs} cases, ${failures} failure${failures === 1 ? "" : "s"}`);
process.exit(failures > 0 ? 1 : 0);

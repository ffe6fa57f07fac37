#!/usr/bin/env node
// Bounded-time fuzzing of the CLI's CSV reading (csv-parse streaming, column mapping, ISO and UK
// dates) through the real commands: `pace-qi analyse` and `pace-qi timescales` run in-process on
// mutated CSV files. The CLI may accept an input (exit 0) or reject it with a message an analyst can
// act on (exit 1); anything else — an exception, exit 70 (internal error), a usage error for a data
// problem, or a call that does not return — is a failure, saved to test/fixtures/fuzz/csv-<hash>.csv
// with its command in a .json beside it, and replayed by test/reliability/fuzz-regressions.test.ts.
//
//   npm run build && node scripts/fuzz-csv.mjs --seconds 30 [--seed N]
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fuzzArgs } from "./fuzz-args.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { seconds, seed } = fuzzArgs("fuzz-csv.mjs");
const { main } = await import(new URL("../dist/cli/main.js", import.meta.url).href);
const { simulateCases } = await import(new URL("../dist/index.js", import.meta.url).href);

// mulberry32: a small deterministic generator, so a run is reproduced from its printed seed.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// Seeds: a monthly series and a small case-records export, as an analyst's spreadsheet would give.
const weeks = JSON.parse(readFileSync(join(root, "examples/data/recommendation-weeks.json"), "utf8")).rows;
const seriesCsv = ["month,weeks,children", ...weeks.map((r) => `${r.month},${r.weeks ?? ""},${r.children}`)].join("\n") + "\n";
const ukSeriesCsv = seriesCsv.replace(/(\d{4})-(\d{2})-(\d{2})/g, "$3/$2/$1");
const events = simulateCases({ seed: 5, start: "2020-01-01", end: "2021-12-31", children: 40 });
const casesCsv = ["child,milestone,date", ...events.map((e) => `${e.child},${e.milestone},${e.date}`)].join("\n") + "\n";
const SEEDS = [
  { text: seriesCsv, argv: (f) => ["analyse", f, "--x", "month", "--y", "weeks"] },
  { text: ukSeriesCsv, argv: (f) => ["analyse", f, "--x", "month", "--y", "weeks", "--dates", "uk"] },
  { text: seriesCsv, argv: (f) => ["analyse", f, "--x", "month", "--y", "weeks", "--n", "children", "--chart", "p"] },
  { text: casesCsv, argv: (f, out) => ["timescales", f, "--as-of", "2021-12-31", "--out", out] },
];
const PIECES = [",", '"', '""', "\n", "\r\n", "\r", "\uFEFF", ";", "\t", " ", "NA", "NaN", "-", "1e309", "-0", "0x1F", "2024-02-30", "31/02/2021",
  "29/02/2023", "2024-13-01", "\u0000", "é", "\u202E", "<script>", "__proto__", "constructor", "9".repeat(400), "x".repeat(5000)];
function mutate(text) {
  let t = text;
  const n = 1 + Math.floor(random() * 6);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(random() * (t.length + 1));
    switch (Math.floor(random() * 7)) {
      case 0: t = t.slice(0, at) + pick(PIECES) + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 20)); break;
      case 2: t = t.slice(0, at); break;
      case 3: { const lines = t.split("\n"); const i = Math.floor(random() * lines.length); lines.splice(i, 0, lines[Math.floor(random() * lines.length)] ?? ""); t = lines.join("\n"); break; }
      case 4: { const lines = t.split("\n"); lines.sort(() => random() - 0.5); t = lines.join("\n"); break; }
      case 5: t = t.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + t.slice(at + 1); break;
      default: t = t.replace(/\d/, () => String(Math.floor(random() * 10)));
    }
  }
  return t;
}

const sink = { write() { return true; } };
const io = { stdout: sink, stderr: sink };
const work = mkdtempSync(join(tmpdir(), "pace-qi-fuzz-csv-"));
const outDir = join(root, "test/fixtures/fuzz");
let runs = 0;
let failures = 0;
const deadline = Date.now() + seconds * 1000;
console.log(`fuzz-csv: seed ${seed}, ${seconds} s`);
try {
  while (Date.now() < deadline) {
    const s = pick(SEEDS);
    const text = mutate(s.text);
    const file = join(work, "input.csv");
    const out = join(work, "out");
    writeFileSync(file, text);
    const argv = s.argv(file, out);
    let problem = null;
    try {
      const code = await Promise.race([main(argv, io), new Promise((resolve) => setTimeout(() => resolve("hang"), 10_000))]);
      if (code !== 0 && code !== 1) problem = `exit ${code}`;
    } catch (e) {
      problem = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    rmSync(out, { recursive: true, force: true });
    runs++;
    if (problem !== null) {
      failures++;
      const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, `csv-${hash}.csv`), text);
      writeFileSync(join(outDir, `csv-${hash}.json`), `${JSON.stringify({ target: "csv", problem, argv: argv.slice(0, 1).concat(["INPUT"], argv.slice(2).map((a) => (a === out ? "OUT" : a))) }, null, 2)}\n`);
      console.log(`fuzz-csv: ${problem} — saved test/fixtures/fuzz/csv-${hash}.csv`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`fuzz-csv: ${runs} inputs, ${failures} failure${failures === 1 ? "" : "s"}`);
process.exit(failures > 0 ? 1 : 0);

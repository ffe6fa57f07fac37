// The hand-written kernels kept beside the libraries the package declares (issue #17), measured
// against those libraries doing the same job: `npm run build && node bench/libraries.mjs`.
// Figures (best of 5 on 10⁶ days or 10⁵ CSV rows): docs/performance.md and the comments they keep.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { differenceInCalendarDays, format, getMonth, getYear, parseISO } from "date-fns";
import { dayParts, formatIsoDay, parseIsoDay } from "../dist/_lib/calendar.js";
import { periodIndex, periodKey } from "../dist/timescales/_period.js";

// src/cli/output.ts is bundled into the CLI, not a module of dist/: bundle it on its own here.
const dir = mkdtempSync(join(tmpdir(), "pace-qi-bench-"));
await build({ entryPoints: [new URL("../src/cli/output.ts", import.meta.url).pathname], bundle: true, platform: "node", format: "esm", outfile: join(dir, "output.mjs"), logLevel: "error" });
const { toCsv } = await import(join(dir, "output.mjs"));
rmSync(dir, { recursive: true, force: true });

function time(name, f) {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    sink += f();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${name.padEnd(66)} ${best.toFixed(0).padStart(6)} ms${sink === 0 ? " (empty)" : ""}`);
}

const N = 1_000_000;
const days = Int32Array.from({ length: N }, (_, i) => 10_000 + ((i * 7919) % 20_000));
const iso = Array.from(days, (d) => formatIsoDay(d));
const localNoon = (d) => {
  const p = dayParts(d);
  const x = new Date(2000, p.month - 1, p.day, 12);
  x.setFullYear(p.year);
  return x;
};
const month = periodKey("month");
const epoch = new Date(1970, 0, 1);

console.log(`calendar, ${N.toLocaleString("en-GB")} days`);
time("periodIndex (integer civil_from_days)", () => days.reduce((s, d) => s + periodIndex(d, month), 0));
time("date-fns getYear·12 + getMonth on a local noon date", () => days.reduce((s, d) => { const x = localNoon(d); return s + getYear(x) * 12 + getMonth(x); }, 0));
time("parseIsoDay (digits → Date.UTC)", () => iso.reduce((s, t) => s + parseIsoDay(t), 0));
time("date-fns parseISO + differenceInCalendarDays", () => iso.reduce((s, t) => s + differenceInCalendarDays(parseISO(t), epoch), 0));
time("formatIsoDay", () => days.reduce((s, d) => s + formatIsoDay(d).length, 0));
time("date-fns format(local noon date, 'yyyy-MM-dd')", () => days.reduce((s, d) => s + format(localNoon(d), "yyyy-MM-dd").length, 0));

// CSV: the same bytes both ways (formula-like text neutralised with a leading ', RFC 4180 quoting).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const neutral = (s) => (s.length > 0 && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s);
const CSV_OPTIONS = { record_delimiter: "unix", quoted_match: /^[\x00-\x20]|[\x00-\x20]$|\r/, cast: { string: neutral, boolean: String, number: String, date: (d) => neutral(JSON.stringify(d)), object: (o) => neutral(JSON.stringify(o)) } };
function* viaCsvStringify(rows, columns) {
  yield stringify([columns], CSV_OPTIONS);
  for (let i = 0; i < rows.length; i += 8192) yield stringify(rows.slice(i, i + 8192).map((r) => columns.map((c) => r[c])), CSV_OPTIONS);
}
const M = 100_000;
const rows = Array.from({ length: M }, (_, i) => ({ child: `C${i}`, milestone: i % 7 ? "legal-intent" : "=cmd", date: "2024-03-01", authority: i % 3 ? "Fife" : "Dundee, City", days: i % 500, censored: i % 2 === 0, note: i % 11 ? null : 'say "hi"' }));
const columns = Object.keys(rows[0]);
// The bytes written (toCsv gives UTF-8 chunks; csv-stringify text, encoded as the write would).
const all = (g) => Buffer.concat([...g].map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : c)));
if (!all(toCsv(rows, columns)).equals(all(viaCsvStringify(rows, columns)))) throw new Error("the two CSV writers differ");
console.log(`\nCSV, ${M.toLocaleString("en-GB")} rows × ${columns.length} columns (identical output)`);
time("toCsv (src/cli/output.ts)", () => all(toCsv(rows, columns)).length);
time("csv-stringify/sync, same cast and quoting", () => all(viaCsvStringify(rows, columns)).length);

// `pace-qi check` and `pace-qi timescales` on a 100,000-child wide export (human headers, UK
// dates, an order column with its type), each against the floor: reading the same file with the
// CSV parser alone (csv-parse, every record). Target (issue #12): each ≤ 2× the floor.
// Run after `npm run build`: `node bench/wide-export.mjs [children]` (also the last step of
// `npm run bench`). Times are medians of 3 runs of the real binary (process start included).
// `node bench/wide-export.mjs --long`: issue #16's "`pace-qi timescales` on 100,000 children
// ≤ 2 s" on its long file (862,124 rows, UK dates: the file of test/cli/perf.test.ts), with
// the same csv-parse floor.
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import { simulateCases } from "../dist/index.js";

const children = /^\d+$/.test(process.argv[2] ?? "") ? Number(process.argv[2]) : 100_000;
const BIN = new URL("../dist/cli/index.js", import.meta.url).pathname;
const HEADER = ["Child ID", "Team", "Date of Birth", "Date Accommodated", "LAAC Review", "Perm Rec Date", "Panel", "ADM", "Referral to Reporter", "Advice Hearing", "Petition", "Order Granted", "Order Type", "Returned Home", "Ceased", "Notes"];
const COLUMN = {
  accommodated: "Date Accommodated", "lac-review": "LAAC Review", "permanence-recommendation": "Perm Rec Date", "permanence-panel": "Panel",
  "adm-decision": "ADM", "referral-to-reporter": "Referral to Reporter", "advice-hearing": "Advice Hearing", "petition-lodged": "Petition",
  "returned-home": "Returned Home", "ceased-looked-after": "Ceased",
};
const ORDER = { "permanence-order": "PO", "permanence-order-authority-to-adopt": "POA", "kinship-care-order": "KCO", "adoption-order": "Adoption" };
const uk = (iso) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;

function writeExport(path) {
  const events = simulateCases({ seed: 7, children, start: "2015-01-01", end: "2024-12-31" });
  const rows = new Map();
  for (const e of events) {
    let r = rows.get(e.child);
    if (r === undefined) rows.set(e.child, (r = { "Child ID": `CH${e.child}`, Team: e.authority }));
    const col = COLUMN[e.milestone];
    if (col !== undefined && r[col] === undefined) r[col] = uk(e.date);
    if (ORDER[e.milestone] !== undefined && r["Order Granted"] === undefined) {
      r["Order Granted"] = uk(e.date);
      r["Order Type"] = ORDER[e.milestone];
    }
    if (e.milestone === "accommodated" && r["Date of Birth"] === undefined) r["Date of Birth"] = uk(`${Number(e.date.slice(0, 4)) - 6}${e.date.slice(4, 8)}${e.date.slice(8) === "29" ? "28" : e.date.slice(8)}`);
  }
  let text = `${HEADER.join(",")}\n`;
  for (const r of rows.values()) text += `${HEADER.map((h) => r[h] ?? "").join(",")}\n`;
  writeFileSync(path, text);
  return { rows: rows.size, bytes: text.length };
}

async function parseOnly(path) {
  const t0 = performance.now();
  let n = 0;
  const parser = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, relax_column_count: true }));
  await new Promise((resolve, reject) => {
    parser.on("readable", () => {
      while (parser.read() !== null) n++;
    });
    parser.on("error", reject);
    parser.on("end", resolve);
  });
  return { ms: performance.now() - t0, records: n };
}

function cli(args, cwd) {
  const t0 = performance.now();
  execFileSync(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 26 });
  return performance.now() - t0;
}

// The floor runs in a fresh process too, so both sides pay for starting Node.
function floorInProcess(cwd) {
  const t0 = performance.now();
  execFileSync(process.execPath, [new URL(import.meta.url).pathname, "--floor", join(cwd, "tracker.csv")], { stdio: "inherit" });
  return performance.now() - t0;
}

const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];

/** The long file of test/cli/perf.test.ts: one row per event, UK dates. */
function writeLong(path) {
  const events = simulateCases({ seed: 7, children, start: "2016-01-01", end: "2024-12-31", improvementFrom: "2021-01-01" });
  const parts = ["child,milestone,date,authority\n"];
  for (const e of events) parts.push(`${e.child},${e.milestone},${e.date.slice(8, 10)}/${e.date.slice(5, 7)}/${e.date.slice(0, 4)},${e.authority}\n`);
  writeFileSync(path, parts.join(""));
  return events.length;
}

if (process.argv[2] === "--floor") {
  await parseOnly(process.argv[3]);
} else if (process.argv[2] === "--long") {
  const dir = mkdtempSync(join(tmpdir(), "pace-qi-long-"));
  const rows = writeLong(join(dir, "tracker.csv"));
  const floor = [], ts = [];
  for (let k = 0; k < 3; k++) {
    floor.push(floorInProcess(dir));
    ts.push(cli(["timescales", "tracker.csv", "--dates", "uk", "--as-of", "31/12/2024", "--group", "authority", "--out", "t"], dir));
  }
  console.log(`long file: ${rows} rows (100,000 children)`);
  console.log(`floor (csv-parse alone, fresh process): ${median(floor).toFixed(0)} ms`);
  console.log(`pace-qi timescales: ${median(ts).toFixed(0)} ms = ${(median(ts) / median(floor)).toFixed(2)}× the floor (target, issue #16: ≤ 2,000 ms)`);
  rmSync(dir, { recursive: true, force: true });
} else if (process.argv[2] === "--write") {
  console.log(writeExport(process.argv[3])); // the export alone, for profiling
} else {
  const dir = mkdtempSync(join(tmpdir(), "pace-qi-wide-"));
  const { rows, bytes } = writeExport(join(dir, "tracker.csv"));
  const flags = ["--dates", "uk", "--order-type", "Order Type", "--as-of", "31/12/2024", "--group", "Team", "--after-as-of", "ignore"];
  const floor = [], check = [], ts = [];
  for (let k = 0; k < 3; k++) {
    floor.push(floorInProcess(dir));
    check.push(cli(["check", "tracker.csv", ...flags.filter((f) => f !== "--after-as-of" && f !== "ignore"), "--out", "c"], dir));
    ts.push(cli(["timescales", "tracker.csv", ...flags, "--out", "t"], dir));
  }
  const f = median(floor);
  console.log(`wide export: ${rows} children, ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`floor (csv-parse alone, fresh process): ${f.toFixed(0)} ms`);
  console.log(`pace-qi check:      ${median(check).toFixed(0)} ms = ${(median(check) / f).toFixed(2)}× the floor (target ≤ 2×)`);
  console.log(`pace-qi timescales: ${median(ts).toFixed(0)} ms = ${(median(ts) / f).toFixed(2)}× the floor (target ≤ 2×)`);
  rmSync(dir, { recursive: true, force: true });
}

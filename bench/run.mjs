// Benchmarks: `npm run bench` (after `npm run build`). Targets and figures: docs/performance.md.
//
// Each analysis is measured beside a floor: one plain loop over the same rows that reads x and y
// and writes a point object per row — the least a function returning per-point results can do.
// Each group of tasks gets its own data, made just before and dropped after (with a forced
// garbage collection between groups), so one group's data does not slow the next one's GC.
import { Bench } from "tinybench";
import { quantile, quickselect } from "d3-array";
import { controlChart, cumulativeIncidence, funnelPlot, paceTimescales, runChart, stageDurations, simulateCases, summariseMeasures } from "../dist/index.js";
import { medianInPlace, quantileInPlace } from "../dist/_lib/median.js";
import { countIntegers, countedQuantile } from "../dist/_lib/countedQuantile.js";
import { lcg, proportions, series } from "./data.mjs";

function floor(rows) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i];
    const y = d.y;
    out[i] = { index: i, x: d.x, y: y === null || Number.isNaN(y) ? null : y };
  }
  return out;
}

// The floor for columnar output: read x and y of every row into typed arrays.
function floorColumns(rows) {
  const x = new Float64Array(rows.length);
  const y = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i];
    x[i] = d.x;
    y[i] = d.y ?? Number.NaN;
  }
  return { x, y };
}

// The floor for a p or u chart's columns: the fourteen typed arrays its result holds (x, y, value,
// n, centre, the four limits, phase, baseline, excluded, useful, signals), read from the rows and
// filled with p̄ and p̄ ± 2σᵢ, ± 3σᵢ — no rules, no checks. What any implementation returning
// those columns must at least do: allocate 81 MB and write every byte of it once.
function floorRateColumns(rows) {
  const n = rows.length;
  const x = new Float64Array(n), y = new Float64Array(n), value = new Float64Array(n), size = new Float64Array(n);
  const centre = new Float64Array(n), ucl = new Float64Array(n), lcl = new Float64Array(n), ucl2 = new Float64Array(n), lcl2 = new Float64Array(n);
  const phase = new Uint32Array(n), baseline = new Uint8Array(n), excluded = new Uint8Array(n), useful = new Uint8Array(n), signals = new Uint16Array(n);
  let sum = 0;
  let sumN = 0;
  for (let i = 0; i < n; i++) {
    const d = rows[i];
    x[i] = d.x;
    value[i] = d.y;
    size[i] = d.n;
    sum += d.y;
    sumN += d.n;
  }
  const p = sum / sumN;
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt((p * (1 - p)) / size[i]);
    y[i] = value[i] / size[i];
    centre[i] = p;
    ucl[i] = Math.min(1, p + 3 * s);
    lcl[i] = Math.max(0, p - 3 * s);
    ucl2[i] = Math.min(1, p + 2 * s);
    lcl2[i] = Math.max(0, p - 2 * s);
    baseline[i] = 1;
    useful[i] = +(y[i] !== p);
  }
  return { x, y, value, size, centre, ucl, lcl, ucl2, lcl2, phase, baseline, excluded, useful, signals };
}

// `node --expose-gc bench/run.mjs million batch` runs only the named groups.
const only = process.argv.slice(2);
const results = [];
async function group(name, make, tasks) {
  if (only.length > 0 && !only.includes(name)) return;
  let data = make();
  const bench = new Bench({ time: 3000, warmupTime: 500 });
  for (const [label, fn] of tasks) bench.add(label, () => fn(data));
  await bench.run();
  for (const t of bench.tasks) results.push({ group: name, task: t.name, median: t.result.latency.p50, mean: t.result.latency.mean, p99: t.result.latency.p99 });
  data = null;
  globalThis.gc?.();
}

await group("batch", () => Array.from({ length: 10_000 }, (_, k) => series(60, lcg(k + 1))), [
  ["runChart, 10,000 series × 60 points", (batch) => { for (const s of batch) runChart(s, { x: "x", y: "y" }); }],
  ["floor: one loop over 10,000 × 60 rows", (batch) => { for (const s of batch) floor(s); }],
]);
await group("million", () => series(1_000_000, lcg(42)), [
  ["runChart, 1,000,000 points (pace rules)", (rows) => runChart(rows, { x: "x", y: "y" })],
  ["floor: one loop over 1,000,000 rows", (rows) => floor(rows)],
  ["runChart, 1,000,000 points (anhoej rules)", (rows) => runChart(rows, { x: "x", y: "y", rules: "anhoej" })],
  ["controlChart i, 1,000,000 points (shewhart)", (rows) => controlChart(rows, { type: "i", x: "x", y: "y" })],
  ["runChart columns, 1,000,000 points (pace rules)", (rows) => runChart(rows, { x: "x", y: "y", output: "columns" })],
  ["controlChart i columns, 1,000,000 points (shewhart)", (rows) => controlChart(rows, { type: "i", x: "x", y: "y", output: "columns" })],
  ["floor (columns): one loop over 1,000,000 rows", (rows) => floorColumns(rows)],
]);
// Issue #16's words, "a run chart of 1,000,000 numbers": the same values as a plain array (no x, no
// rows to read), beside the rows of "million" above.
await group("million numbers", () => series(1_000_000, lcg(42)).map((d) => d.y), [
  ["runChart columns, 1,000,000 numbers (pace rules)", (values) => runChart(values, { output: "columns" })],
  ["floor (numbers): 1,000,000 numbers into a Float64Array", (values) => Float64Array.from(values)],
]);
// Issue #15: CUSUM and EWMA of 1,000,000 points as columns, ≤ 150 ms each.
await group("sequential", () => series(1_000_000, lcg(15)), [
  ["controlChart cusum columns, 1,000,000 points", (rows) => controlChart(rows, { type: "cusum", x: "x", y: "y", decisionInterval: 4, output: "columns" })],
  ["controlChart ewma columns, 1,000,000 points", (rows) => controlChart(rows, { type: "ewma", x: "x", y: "y", lambda: 0.2, output: "columns" })],
]);
await group("million counts", () => proportions(1_000_000, lcg(7)), [
  ["controlChart p, 1,000,000 points (shewhart)", (rows) => controlChart(rows, { type: "p", x: "x", y: "y", n: "n" })],
  ["controlChart u, 1,000,000 points (shewhart)", (rows) => controlChart(rows, { type: "u", x: "x", y: "y", n: "n" })],
  ["controlChart p columns, 1,000,000 points (shewhart)", (rows) => controlChart(rows, { type: "p", x: "x", y: "y", n: "n", output: "columns" })],
  ["controlChart u columns, 1,000,000 points (shewhart)", (rows) => controlChart(rows, { type: "u", x: "x", y: "y", n: "n", output: "columns" })],
  ["floor (p columns): the result's 14 typed arrays filled from 1,000,000 rows", (rows) => floorRateColumns(rows)],
]);
await group("timescales", () => simulateCases({ seed: 1, start: "2015-01-01", end: "2024-12-31", children: 100_000 }), [
  ["stageDurations, 100,000 children (recommendation stage)", (events) => stageDurations(events, "recommendation", { asOf: "2024-12-31" })],
]);
// Issue #4: every PACE stage (durations, by case, by month, Kaplan–Meier) from one read, ≤ 1.5 s.
// Issue #11: the same now with exits and the cumulative incidence of the routes to permanence.
await group("pace-stages", () => simulateCases({ seed: 1, start: "2015-01-01", end: "2024-12-31", children: 100_000 }), [
  ["paceTimescales, 100,000 children, all PACE stages (exits, cumulative incidence)", (events) => paceTimescales(events, { asOf: "2024-12-31" })],
  ["floor: one loop over the events, a row object per child-stage", (events) => {
    const out = [];
    for (let s = 0; s < 6; s++) for (let i = 0; i < events.length; i += 9) out.push({ child: events[i].child, date: events[i].date, s });
    return out;
  }],
]);
await group("cuminc", () => {
  const rand = lcg(11);
  const routes = ["home", "permanence-order", "kinship-care-order", "adoption", null];
  return Array.from({ length: 100_000 }, () => ({ days: Math.floor(rand() * 2000), route: routes[Math.floor(rand() * 5)] }));
}, [
  ["cumulativeIncidence, 100,000 children, 4 routes", (rows) => cumulativeIncidence(rows)],
]);

// Hand-written kernels kept beside the library that could do their job (issue #17): the median
// select of src/_lib/median.ts against d3-array's quickselect (Floyd–Rivest) on the same values.
function d3Median(a) {
  const n = a.length;
  const k = n >> 1;
  quickselect(a, k);
  if (n % 2 === 1) return a[k];
  let lo = a[0];
  for (let i = 1; i < k; i++) if (a[i] > lo) lo = a[i];
  return (lo + a[k]) / 2;
}
await group("kernels", () => Float64Array.from(series(1_000_000, lcg(3)), (d) => d.y + d.x / 1e7), [
  ["median of 1,000,000 values: src/_lib/median.ts select", (v) => medianInPlace(v.slice())],
  ["median of 1,000,000 values: d3-array quickselect", (v) => d3Median(v.slice())],
  ["floor (kernels): copy 1,000,000 values", (v) => v.slice()],
]);

// Issue #16: the median and Tukey's quartiles of a long whole-number baseline by counting
// (src/_lib/countedQuantile.ts) against the selects it replaces there and d3-array's.
await group("counted", () => Float64Array.from(series(1_000_000, lcg(3)), (d) => d.y), [
  ["median and quartiles of 1,000,000 whole numbers: src/_lib/countedQuantile.ts counting", (v) => {
    const c = countIntegers(v, v.length);
    return [countedQuantile(c, 0.25, v.length), countedQuantile(c, 0.5, v.length), countedQuantile(c, 0.75, v.length)];
  }],
  ["median and quartiles of 1,000,000 whole numbers: src/_lib/median.ts select", (v) => {
    const a = v.slice();
    const n = a.length;
    const m = medianInPlace(a);
    return [quantileInPlace(a, 0.25, n, 0, n >> 1), m, quantileInPlace(a, 0.75, n, (n >> 1) + 1)];
  }],
  ["median and quartiles of 1,000,000 whole numbers: d3-array quantile", (v) => [quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)]],
  ["floor (counted): copy 1,000,000 values", (v) => v.slice()],
]);

// Issue #14: the board's summary of 32 authorities × 10 measures × 60 months ≤ 100 ms (the charts
// made first: half mdc control charts with a target, half run charts), and the same with the charts.
function boardSeries() {
  const rand = lcg(32);
  const out = [];
  for (let m = 0; m < 10; m++) {
    for (let a = 0; a < 32; a++) {
      const shift = rand() < 0.3 ? (rand() < 0.5 ? 8 : -8) : 0;
      const rows = Array.from({ length: 60 }, (_, i) => ({ month: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, y: Math.round(70 + (i >= 45 ? shift : 0) + 10 * (rand() + rand() - 1)) }));
      out.push({ name: `Measure ${m + 1}`, group: `Authority ${a + 1}`, rows, control: m % 2 === 0 });
    }
  }
  return out;
}
const analyseBoard = (s) => (s.control ? controlChart(s.rows, { x: "month", y: "y", rules: "mdc", direction: "increase", target: 80 }) : runChart(s.rows, { x: "month", y: "y", direction: "increase" }));
await group("summary", () => {
  const series = boardSeries();
  return { series, charts: series.map((s) => ({ name: s.name, group: s.group, chart: analyseBoard(s), unit: "%" })) };
}, [
  ["summariseMeasures, 32 authorities × 10 measures × 60 months (320 charts)", ({ charts }) => summariseMeasures(charts)],
  ["charts + summariseMeasures, 32 × 10 × 60", ({ series }) => summariseMeasures(series.map((s) => ({ name: s.name, group: s.group, chart: analyseBoard(s), unit: "%" })))],
]);

// Issue #14: a funnel plot of 10,000 organisations ≤ 100 ms (denominators 20–2,000, rates 60–80 %).
await group("funnel", () => {
  const rand = lcg(14);
  return Array.from({ length: 10_000 }, (_, i) => {
    const n = 20 + Math.floor(rand() * 1981);
    return { org: `O${i}`, k: Math.round(n * (0.6 + 0.2 * rand())), n, expected: n * (0.8 + 0.4 * rand()) };
  });
}, [
  ["funnelPlot proportion, 10,000 organisations", (rows) => funnelPlot(rows, { group: "org", numerator: "k", denominator: "n" })],
  ["funnelPlot ratio-of-counts, 10,000 organisations", (rows) => funnelPlot(rows, { group: "org", numerator: "k", denominator: "n", type: "ratio-of-counts" })],
  ["funnelPlot standardised-ratio (SHMI), 10,000 organisations", (rows) => funnelPlot(rows, { group: "org", numerator: "k", denominator: "expected", type: "standardised-ratio" })],
]);

console.table(results.map((r) => ({ task: r.task, "median ms": r.median.toFixed(1), "mean ms": r.mean.toFixed(1), "p99 ms": r.p99.toFixed(1) })));
const ms = (label) => results.find((r) => r.task.startsWith(label))?.median;
const fmt = (v) => (v === undefined ? "not run" : `${v.toFixed(1)} ms`);
const ratio = (a, b) => (a === undefined || b === undefined ? "" : `, ${(a / b).toFixed(2)}× the floor (target ≤ 5×)`);
const million = ms("runChart, 1,000,000 points (pace");
const millionColumns = ms("runChart columns, 1,000,000");
const millionFloor = ms("floor: one loop over 1,000,000");
const columnsFloor = ms("floor (columns)");
const batch = ms("runChart, 10,000 series");
const batchFloor = ms("floor: one loop over 10,000");
console.log(`runChart, 1,000,000 points: ${fmt(million)} (target ≤ 100 ms)${ratio(million, millionFloor)}`);
console.log(`runChart columns, 1,000,000 points: ${fmt(millionColumns)} (target ≤ 100 ms)${ratio(millionColumns, columnsFloor)}`);
console.log(`runChart columns, 1,000,000 numbers (a plain array): ${fmt(ms("runChart columns, 1,000,000 numbers"))} (target ≤ 100 ms)${ratio(ms("runChart columns, 1,000,000 numbers"), ms("floor (numbers)"))}`);
const rateFloor = ms("floor (p columns)");
for (const t of ["i", "p", "u"]) console.log(`controlChart ${t}, 1,000,000 points: ${fmt(ms(`controlChart ${t},`))}; columns ${fmt(ms(`controlChart ${t} columns,`))} (target ≤ 150 ms)${t === "i" ? "" : ratio(ms(`controlChart ${t} columns,`), rateFloor).replace(" (target ≤ 5×)", ` of ${fmt(rateFloor)}`)}`);
for (const t of ["cusum", "ewma"]) console.log(`controlChart ${t} columns, 1,000,000 points: ${fmt(ms(`controlChart ${t} columns,`))} (target ≤ 150 ms)`);
console.log(`10,000 × 60 batch: ${fmt(batch)} (target ≤ 150 ms)${ratio(batch, batchFloor)}`);
console.log(`PACE stages with exits and cumulative incidence, 100,000 children: ${fmt(ms("paceTimescales, 100,000"))} (target ≤ 1,500 ms); floor ${fmt(ms("floor: one loop over the events"))}`);
console.log(`cumulativeIncidence, 100,000 children: ${fmt(ms("cumulativeIncidence, 100,000"))}`);
console.log(`median of 1,000,000 values: ours ${fmt(ms("median of 1,000,000 values: src"))}, d3-array quickselect ${fmt(ms("median of 1,000,000 values: d3"))} (copy ${fmt(ms("floor (kernels)"))})`);
console.log(`median and quartiles of 1,000,000 whole numbers: counting ${fmt(ms("median and quartiles of 1,000,000 whole numbers: src/_lib/counted"))}, select ${fmt(ms("median and quartiles of 1,000,000 whole numbers: src/_lib/median"))}, d3-array ${fmt(ms("median and quartiles of 1,000,000 whole numbers: d3"))} (copy ${fmt(ms("floor (counted)"))})`);
console.log(`funnelPlot, 10,000 organisations: proportion ${fmt(ms("funnelPlot proportion"))}, ratio of counts ${fmt(ms("funnelPlot ratio-of-counts"))} (target ≤ 100 ms); standardised ratio ${fmt(ms("funnelPlot standardised-ratio"))} (40,000 exact Poisson quantiles)`);
console.log(`summariseMeasures, 32 × 10 × 60: ${fmt(ms("summariseMeasures, 32"))} (target ≤ 100 ms); with the 320 charts made: ${fmt(ms("charts + summariseMeasures"))}`);

// Issue #12: `pace-qi check` / `pace-qi timescales` on a 100,000-child wide export vs csv-parse alone.
if (only.length === 0 || only.includes("wide-export")) {
  const { execFileSync } = await import("node:child_process");
  execFileSync(process.execPath, [new URL("./wide-export.mjs", import.meta.url).pathname], { stdio: "inherit" });
}
// Issue #18: bytes per row that `pace-qi analyse` keeps, on 10⁶ and 10⁷ rows (bench/analyse-memory.mjs).
if (only.length === 0 || only.includes("analyse-memory")) {
  const { execFileSync } = await import("node:child_process");
  execFileSync(process.execPath, [new URL("./analyse-memory.mjs", import.meta.url).pathname], { stdio: "inherit" });
}

// Benchmarks: `npm run bench` (after `npm run build`). Targets and figures: docs/performance.md.
// Each analysis is measured beside a floor: one plain loop over the same rows that reads x and y
// through the same accessors and writes a point object per row — the least any function returning
// per-point results can do.
import { Bench } from "tinybench";
import { runChart } from "../dist/index.js";

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
function series(n, rand) {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = { x: i + 1, y: Math.round(100 + 20 * (rand() + rand() + rand() - 1.5)) };
  return rows;
}
function floor(rows) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i];
    const y = d.y;
    out[i] = { index: i, x: d.x, y: y === null || Number.isNaN(y) ? null : y };
  }
  return out;
}

const rand = lcg(42);
const million = series(1_000_000, rand);
const batch = Array.from({ length: 10_000 }, () => series(60, rand));

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add("runChart, 1,000,000 points (pace rules)", () => runChart(million, { x: "x", y: "y" }))
  .add("floor: one loop over 1,000,000 rows", () => floor(million))
  .add("runChart, 10,000 series × 60 points", () => {
    for (const s of batch) runChart(s, { x: "x", y: "y" });
  })
  .add("floor: one loop over 10,000 × 60 rows", () => {
    for (const s of batch) floor(s);
  })
  .add("runChart, 1,000,000 points (anhoej rules)", () => runChart(million, { x: "x", y: "y", rules: "anhoej" }));

await bench.run();
const rows = bench.tasks.map((t) => ({ task: t.name, "median ms": t.result.latency.p50?.toFixed(1), "mean ms": t.result.latency.mean.toFixed(1), samples: t.result.latency.samples?.length ?? t.result.samples?.length }));
console.table(rows);
const ms = (i) => bench.tasks[i].result.latency.p50;
console.log(`1,000,000 points: ${ms(0).toFixed(1)} ms (target ≤ 100 ms), ${(ms(0) / ms(1)).toFixed(2)}× the floor (target ≤ 5×)`);
console.log(`10,000 × 60 batch: ${ms(2).toFixed(1)} ms (target ≤ 150 ms), ${(ms(2) / ms(3)).toFixed(2)}× the floor (target ≤ 5×)`);

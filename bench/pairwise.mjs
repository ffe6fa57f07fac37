// Before/after on a shared machine: `node --expose-gc bench/pairwise.mjs BASE_DIST [pairs] [task…]`
// loads the build in BASE_DIST (a copy of dist/ made before a change; give it a node_modules
// link so its imports resolve) and this worktree's dist/ in one process, and times each task
// alternating A B B A … with a forced garbage collection before each call, after two warm-up
// calls each. Prints per task the median ratio after / before, its range, and both medians (ms),
// of wall time and of CPU time.
// The data are those of bench/run.mjs ("million", "million counts", "sequential" and "batch").
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { lcg, proportions, series } from "./data.mjs";

const [baseDir, pairsArg, ...only] = process.argv.slice(2);
if (baseDir === undefined || globalThis.gc === undefined) throw new Error("usage: node --expose-gc bench/pairwise.mjs BASE_DIST [pairs] [task…]");
const pairs = Number(pairsArg ?? 9);
const before = await import(pathToFileURL(resolve(baseDir, "index.js")).href);
const after = await import(new URL("../dist/index.js", import.meta.url).href);

const rows = series(1_000_000, lcg(42));
const sequential = series(1_000_000, lcg(15));
const batch = Array.from({ length: 10_000 }, (_, k) => series(60, lcg(k + 1)));
const counts = proportions(1_000_000, lcg(7));
const tasks = [
  ["run columns", (L) => L.runChart(rows, { x: "x", y: "y", output: "columns" })],
  ["run points", (L) => L.runChart(rows, { x: "x", y: "y" })],
  ["run anhoej", (L) => L.runChart(rows, { x: "x", y: "y", rules: "anhoej" })],
  ["i points", (L) => L.controlChart(rows, { type: "i", x: "x", y: "y" })],
  ["i columns", (L) => L.controlChart(rows, { type: "i", x: "x", y: "y", output: "columns" })],
  ["p points", (L) => L.controlChart(counts, { type: "p", x: "x", y: "y", n: "n" })],
  ["u points", (L) => L.controlChart(counts, { type: "u", x: "x", y: "y", n: "n" })],
  ["p columns", (L) => L.controlChart(counts, { type: "p", x: "x", y: "y", n: "n", output: "columns" })],
  ["u columns", (L) => L.controlChart(counts, { type: "u", x: "x", y: "y", n: "n", output: "columns" })],
  ["cusum", (L) => L.controlChart(sequential, { type: "cusum", x: "x", y: "y", decisionInterval: 4, output: "columns" })],
  ["ewma", (L) => L.controlChart(sequential, { type: "ewma", x: "x", y: "y", lambda: 0.2, output: "columns" })],
  ["batch", (L) => { for (const s of batch) L.runChart(s, { x: "x", y: "y" }); }],
].filter(([name]) => only.length === 0 || only.includes(name));

// Wall time and CPU time (user + system, all threads: the collector's helpers too). Under load
// the wall time also counts the waits for a core; the CPU time does not, so its ratios spread less.
function time(lib, fn) {
  globalThis.gc();
  const c = process.cpuUsage();
  const t = performance.now();
  fn(lib);
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { wall, cpu: (u.user + u.system) / 1000 };
}
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const [name, fn] of tasks) {
  for (let w = 0; w < 2; w++) {
    time(before, fn);
    time(after, fn);
  }
  const a = [];
  const b = [];
  for (let k = 0; k < pairs; k++) {
    if (k % 2 === 0) {
      b.push(time(before, fn));
      a.push(time(after, fn));
    } else {
      a.push(time(after, fn));
      b.push(time(before, fn));
    }
  }
  for (const m of ["wall", "cpu"]) {
    const ratios = a.map((v, k) => v[m] / b[k][m]);
    const ms = (v) => median(v.map((e) => e[m])).toFixed(1);
    console.log(`${name.padEnd(12)} ${m.padEnd(4)} ratio ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})  ms before ${ms(b)} after ${ms(a)}`);
  }
}

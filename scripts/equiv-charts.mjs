// Equivalence of chart results between two builds: node equiv-charts.mjs BASE_DIST NEW_DIST [series] [seed]
// Random series (whole and fractional values, ties, gaps, −0, runs planted) of lengths 1–20,000 with
// numeric, date, text and no x; run charts as points and columns under many option sets, control
// charts with the rule presets that build shift/trend/zone messages. Results compared field by
// field (Object.is; typed arrays element by element), errors by code and message.
import { pathToFileURL } from "node:url";
const [baseDir, newDir, nArg, seedArg] = process.argv.slice(2);
const A = await import(pathToFileURL(baseDir + "/index.js").href);
const B = await import(pathToFileURL(newDir + "/index.js").href);
let s = Number(seedArg ?? 1) >>> 0;
const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (a) => a[Math.floor(rnd() * a.length)];
function deepEq(a, b, path) {
  if (Object.is(a, b)) return null;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a.length !== b.length) return path + " typed";
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `${path}[${i}] ${a[i]} vs ${b[i]}`;
    return null;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return path + " array";
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${path} keys ${ka} vs ${kb}`;
  for (const k of ka) { const d = deepEq(a[k], b[k], path + "." + k); if (d) return d; }
  return null;
}
function call(L, f, data, o) { try { return { ok: L[f](data, o) }; } catch (e) { return { err: `${e.code} ${e.message}` }; } }
function makeSeries() {
  const n = pick([1, 2, 5, 12, 30, 60, 200, 1000, 5000, 20000]);
  const kind = pick(["whole", "whole", "frac", "tied"]);
  const xk = pick(["number", "date", "month", "none", "text"]);
  let level = 100, rows = [];
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.02) level += (rnd() - 0.5) * 40;
    let y = kind === "whole" ? Math.round(level + 20 * (rnd() - 0.5)) : kind === "tied" ? Math.round(level / 10 + 2 * (rnd() - 0.5)) : level + 20 * (rnd() - 0.5);
    if (rnd() < 0.01) y = null;
    if (rnd() < 0.002) y = -0;
    if (rnd() < 0.003 && y !== null) y += 500;
    const d = new Date(Date.UTC(2000, 0, 1) + i * 86400000 * (xk === "month" ? 31 : 1));
    const x = xk === "number" ? i * 3 + 1000 : xk === "date" ? d.toISOString().slice(0, 10) : xk === "month" ? d.toISOString().slice(0, 7) + "-01" : xk === "text" ? `p${i}` : undefined;
    const nn = 50 + Math.floor(rnd() * 100);
    rows.push({ x, y, n: nn, c: y === null ? null : Math.max(0, Math.min(nn, Math.round(Math.abs(y) / 5))) });
  }
  return { rows, n, xk };
}
const runOpts = (n) => [
  {}, { output: "columns" }, { direction: "increase" }, { direction: "decrease", output: "columns" }, { rules: "anhoej" },
  { rules: { shift: { length: 7, onCentre: "break" }, trend: { length: 6, ties: "break" } } },
  { rules: { shift: { onCentre: "break" } }, output: "columns", direction: "increase" },
  { baseline: Math.max(1, Math.floor(n / 3)) }, { phases: [Math.floor(n / 2)], direction: "decrease" }, { centre: 100 },
  { exclude: [0, Math.floor(n / 4)], output: "columns" }, { rephase: true }, { astronomical: { method: "sigma" } },
];
let calls = 0, errors = 0, signals = 0, diffs = 0;
const N = Number(nArg ?? 300);
for (let t = 0; t < N; t++) {
  const { rows, n, xk } = makeSeries();
  const base = xk === "none" ? { y: "y" } : xk === "text" ? { y: "y" } : { x: "x", y: "y" };
  const data = xk === "none" && rnd() < 0.5 ? rows.map((r) => r.y) : rows;
  const baseO = Array.isArray(data) && typeof data[0] !== "object" ? {} : base;
  const jobs = runOpts(n).map((o) => ["runChart", data, { ...baseO, ...o }]);
  for (const preset of ["ihi", "western-electric", "nelson", "mdc", "anhoej"]) jobs.push(["controlChart", rows, { ...base, type: pick(["i", "p", "u", "c"]), n: "n", ...(true ? {} : {}), rules: preset, direction: pick(["increase", "decrease", "neutral"]), output: pick(["points", "columns"]) }]);
  for (const [f, d, o] of jobs) {
    const oo = { ...o };
    if (oo.type === "p" || oo.type === "u") oo.y = "c"; else if (oo.type !== undefined) delete oo.n;
    if (oo.type === "c") oo.y = "c";
    const ra = call(A, f, d, oo), rb = call(B, f, d, oo);
    calls++;
    if (ra.err !== undefined) errors++; else signals += ra.ok.signals.length;
    const diff = deepEq(ra, rb, "r");
    if (diff !== null) { diffs++; if (diffs < 5) console.log("DIFF", f, JSON.stringify(oo), n, xk, diff); }
  }
}
console.log(`${N} series, ${calls} calls (${errors} errors), ${signals} signals compared; differences: ${diffs}`);

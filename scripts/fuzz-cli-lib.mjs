// The CLI file-option and command-name fuzzer's pieces (issue #18), shared by scripts/fuzz-cli.mjs
// (random runs against dist/) and test/reliability/fuzz-cli.test.ts (a fixed matrix and the saved
// failures, against src/). Each case runs one command in-process in a fresh sandbox folder holding
// inputs, a folder, symbolic links (to a file, to a folder, dangling), a file whose name holds a
// newline, and checks:
//   - the exit code is 0, 1 or 2 (never an exception: the bin would exit 70);
//   - no temporary or backup file (`.…pace-qi-…`) is left anywhere in the sandbox;
//   - nothing changed in the sandbox but the command's output targets (the values of --out, --svg,
//     --csv, --html, --mapping; under them for folder outputs; numbered or per-group variants of an
//     SVG), and never an input, a link or what a link points to;
//   - /dev/null is still a character device.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";

// mulberry32: a small deterministic generator, so a run is reproduced from its printed seed.
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const months = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`);
const SERIES = ["month,weeks,children,team", ...months.map((m, i) => `${m},${20 + ((i * 7) % 11)},${30 + (i % 5)},${i % 2 ? "North" : "Süd\nost"}`)].join("\n").replace(/Süd\nost/g, '"Süd\nost"') + "\n";
const CASES = ["child,milestone,date", ...Array.from({ length: 12 }, (_, c) => [`C${c},accommodated,2023-0${1 + (c % 9)}-01`, `C${c},permanence recommendation,2023-${String(10 + (c % 3))}-15`]).flat()].join("\n") + "\n";
const FUNNEL = ["authority,within,children", ...Array.from({ length: 8 }, (_, i) => `A${i},${10 + i},${30 + 3 * i}`)].join("\n") + "\n";
const BOARD = ["month,percent,measure,authority", ...months.map((m, i) => `${m},${40 + (i % 9)},m${i % 2},A`)].join("\n") + "\n";

/** Files of a fresh sandbox (paths relative to it). */
const FILES = { "series.csv": SERIES, "cases.csv": CASES, "funnel.csv": FUNNEL, "board.csv": BOARD, "victim.txt": "keep me\n", "dir/keep.txt": "keep\n", "new\nline.csv": SERIES };

/**
 * A fresh sandbox: `outer` (a new temporary folder, so that `..` stays inside) holding `work`, the
 * current folder of the command, with the inputs, a folder and links.
 */
export function makeSandbox(root) {
  const outer = mkdtempSync(join(root ?? tmpdir(), "pace-qi-fuzz-cli-"));
  const work = join(outer, "w");
  mkdirSync(work);
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(work, name)), { recursive: true });
    writeFileSync(join(work, name), text);
  }
  writeFileSync(join(work, "project.json"), PROJECT);
  writeFileSync(join(work, "mapping.json"), `${JSON.stringify({ format: "long", child: "child", milestone: "milestone", date: "date" })}\n`);
  symlinkSync("victim.txt", join(work, "link.svg"));
  symlinkSync("dir", join(work, "linkdir"));
  symlinkSync("gone/target.txt", join(work, "dangling.svg"));
  symlinkSync("made.txt", join(work, "dangling.json")); // its folder exists: writing through it would create made.txt
  symlinkSync("series.csv", join(work, "series-link.csv"));
  return { outer, work };
}

let PROJECT = "{}";
/** The example project (examples/pace-project.json), set once by the caller. */
export function setProject(text) {
  PROJECT = text;
}

/** Hostile values for a file option (relative to the sandbox, except the absolute ones). */
export const HOSTILE_PATHS = [
  "out.svg", "dir", "dir/", ".", "..", "linkdir", "linkdir/x.svg", "link.svg", "dangling.svg", "dangling.json", "victim.txt", "series.csv", "series-link.csv",
  "./series.csv", "dir/../series.csv", "cases.csv", "project.json", "mapping.json", "/dev/null", "/dev/zero", "missing/deeper/out.svg", "missing/out",
  "new\nline.csv", "name\nwith\nnewlines.svg", "tab\there.svg", "-", "--", "-x.svg", " ", "", "x".repeat(300) + ".svg", "ÄÖ Ünï.svg", "dir/keep.txt",
  "out.json", "out", "out/", "CON", "a:b.svg", "*.svg",
];

/** Hostile command names. */
export const HOSTILE_COMMANDS = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "prototype", "__defineGetter__", "isPrototypeOf", "", " ", "-", "--", "ANALYSE", "analyse\n", "analyse ", "help", "--help", "-h", "--version", "demo\u0000", "\u202Eesylana", "x".repeat(10_000)];

/**
 * Commands with their file options: `base(work)` a valid argv, `outputs` the options that write
 * (`dir`: a folder of outputs), `inputs` the options that read.
 */
export const COMMANDS = [
  { base: ["analyse", "series.csv", "--x", "month", "--y", "weeks"], outputs: { "--svg": "file", "--out": "file" }, extra: { "--out": ["--json"] }, by: ["--by", "team"] },
  { base: ["analyse", "series.csv", "--x", "month", "--y", "weeks", "--n", "children", "--chart", "p"], outputs: { "--svg": "file", "--out": "file" }, extra: { "--out": ["--json"] } },
  { base: ["timescales", "cases.csv", "--as-of", "2024-06-30"], outputs: { "--out": "dir", "--mapping": "file" }, defaults: { "--out": "timescales" } },
  { base: ["check", "cases.csv", "--as-of", "2024-06-30"], outputs: { "--out": "dir", "--mapping": "file" }, defaults: { "--out": "check" } },
  { base: ["report", "project.json"], outputs: { "--out": "file" }, inputs: ["--data"], defaults: { "--out": "report.html" } },
  { base: ["funnel", "funnel.csv", "--group", "authority", "--numerator", "within", "--denominator", "children"], outputs: { "--svg": "file", "--out": "file" }, extra: { "--out": ["--json"] } },
  { base: ["summary", "board.csv", "--x", "month", "--y", "percent", "--measure", "measure", "--group", "authority"], outputs: { "--csv": "file", "--html": "file", "--out": "file" }, extra: { "--out": ["--json"] } },
];

/** A random case: { argv (paths relative to the sandbox), outputs: [{ path, kind }] }. */
export function randomCase(rng) {
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  if (rng() < 0.1) {
    const name = rng() < 0.7 ? pick(HOSTILE_COMMANDS) : Array.from({ length: 1 + Math.floor(rng() * 12) }, () => String.fromCharCode(32 + Math.floor(rng() * 95))).join("");
    return { argv: rng() < 0.5 ? [name] : [name, "series.csv", "--out", pick(HOSTILE_PATHS)], outputs: [] };
  }
  if (rng() < 0.02) {
    // The demo takes seconds: rarely.
    const path = pick(HOSTILE_PATHS);
    return { argv: ["demo", "--out", path, ...(rng() < 0.5 ? ["--force"] : [])], outputs: [{ path, kind: "dir" }], inputs: [] };
  }
  const c = pick(COMMANDS);
  const argv = [...c.base];
  if (rng() < 0.2) argv[1] = pick(HOSTILE_PATHS); // the input itself
  if (c.by && rng() < 0.3) argv.push(...c.by);
  const outputs = [];
  const names = Object.keys(c.outputs);
  const n = 1 + Math.floor(rng() * names.length);
  for (let k = 0; k < n; k++) {
    const opt = pick(names);
    if (outputs.some((o) => o.opt === opt)) continue;
    const path = rng() < 0.15 ? outputs[0]?.path ?? pick(HOSTILE_PATHS) : pick(HOSTILE_PATHS);
    argv.push(opt, path, ...(c.extra?.[opt] ?? []));
    outputs.push({ opt, path, kind: c.outputs[opt] });
  }
  for (const [opt, path] of Object.entries(c.defaults ?? {})) if (!outputs.some((o) => o.opt === opt)) outputs.push({ opt, path, kind: c.outputs[opt] });
  const inputs = [argv[1]];
  for (const opt of c.inputs ?? []) {
    if (rng() < 0.5) continue;
    const path = pick(HOSTILE_PATHS);
    argv.push(opt, path);
    inputs.push(path);
  }
  // --mapping reads the file when it exists (and writes it when it does not).
  for (const o of outputs) if (o.opt === "--mapping") inputs.push(o.path);
  return { argv: dedupeJson(argv), outputs: outputs.map(({ path, kind }) => ({ path, kind })), inputs };
}

function dedupeJson(argv) {
  let seen = false;
  return argv.filter((a) => (a === "--json" ? (seen ? false : (seen = true)) : true));
}

/** Every entry under `dir` (lstat, not following links): path → a fingerprint of it. */
function snapshot(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      const kind = s.isSymbolicLink() ? `link:${readlinkSync(p)}` : s.isDirectory() ? "dir" : s.isFile() ? "file" : "other";
      out.set(p, kind === "file" ? `${kind}:${s.ino}:${s.size}:${readFileSync(p, "utf8")}` : `${kind}:${s.ino}`);
      if (kind === "dir") walk(p);
    }
  };
  walk(dir);
  return out;
}

/** The target of an output as the file system resolves it (a link to a folder on the way is followed). */
function targetOf(work, path) {
  const abs = resolve(work, path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs; // a folder still to be created
  }
}

/** Whether `path` (absolute) may change when the outputs are as given. */
function allowed(path, outer, work, outputs, inputs) {
  if (inputs.has(path)) return false;
  for (const o of outputs) {
    if (o.path.startsWith("/dev/")) continue;
    let target = targetOf(work, o.path);
    if (o.kind === "dir") {
      try {
        target = realpathSync(target);
      } catch {
        // not there yet
      }
    }
    if (target !== outer && !target.startsWith(`${outer}/`)) continue; // outside the sandbox: never allowed
    if (path === target) return true;
    if (path.startsWith(`${target}/`)) return o.kind === "dir"; // files of a folder output
    if (target.startsWith(`${path}/`)) return true; // folders created on the way to a target
    // Per-group and numbered outputs: stem-*.ext beside the target.
    const ext = extname(target);
    const stem = target.slice(0, target.length - ext.length);
    if (dirname(path) === dirname(target) && path.startsWith(`${stem}-`) && path.endsWith(ext)) return true;
  }
  return false;
}

const sink = { write: () => true };

/**
 * Run one case in a fresh sandbox under `root` with the CLI's `main`; returns null when it holds,
 * else a description of what failed. The sandbox is removed afterwards.
 */
export async function runCase(main, c, { root, timeoutMs = 20_000 } = {}) {
  const { outer, work } = makeSandbox(root);
  const devNull = lstatSync("/dev/null");
  try {
    const before = snapshot(outer);
    // Never changed: what the command reads (the file a link names too), and links themselves.
    const inputs = new Set([work, outer]);
    for (const i of c.inputs ?? []) {
      const abs = resolve(work, i);
      if (!before.has(abs)) continue;
      inputs.add(abs);
      try {
        const real = realpathSync(abs);
        inputs.add(real);
        // A folder input (`report --data DIR`) is read one level deep, its .csv and .json files
        // only (src/cli/report.ts readDataDir): those are inputs; other files in it may be outputs.
        if (lstatSync(real).isDirectory()) for (const p of before.keys()) if (dirname(p) === real && /\.(csv|json)$/i.test(p)) inputs.add(p);
      } catch {
        // dangling
      }
    }
    for (const [p, f] of before) if (f.startsWith("link:") || f.startsWith("other:")) inputs.add(p);
    const cwd = process.cwd();
    let code;
    process.chdir(work);
    try {
      code = await Promise.race([main(c.argv, { stdout: sink, stderr: sink }), new Promise((ok) => setTimeout(() => ok("hang"), timeoutMs).unref())]);
    } catch (e) {
      return `threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`;
    } finally {
      process.chdir(cwd);
    }
    if (code !== 0 && code !== 1 && code !== 2) return `exit ${code}`;
    const after = snapshot(outer);
    const rel = (p) => JSON.stringify(p.slice(outer.length + 1));
    for (const [p, f] of after) {
      if (/pace-qi-/.test(basename(p))) return `left a temporary file ${rel(p)}`;
      if (before.get(p) !== f && !allowed(p, outer, work, c.outputs, inputs)) return `${before.has(p) ? "changed" : "created"} ${rel(p)}, not an output`;
    }
    for (const p of before.keys()) if (!after.has(p) && !allowed(p, outer, work, c.outputs, inputs)) return `removed ${rel(p)}`;
    const dn = lstatSync("/dev/null");
    if (!dn.isCharacterDevice() || dn.rdev !== devNull.rdev) return "replaced /dev/null";
    return null;
  } finally {
    rmSync(outer, { recursive: true, force: true });
  }
}

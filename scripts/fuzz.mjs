#!/usr/bin/env node
// Bounded-time fuzzing of pace-qi's document parsers against the built library (dist/index.js).
//
//   npm run build && node scripts/fuzz.mjs --seconds 30
//
// Options:
//   --seconds N     how long to fuzz (default 30)
//   --seed N        seed of the run (default: from the clock; printed, so a run can be repeated)
//   --targets a,b   only these targets (default: all; see TARGET_NAMES in scripts/fuzz-targets.mjs)
//   --call-ms N     a single call taking longer than this is a hang (default 5000)
//   --out DIR       where failing inputs are saved (default test/fixtures/fuzz)
//
// Each iteration takes a seed document (examples/pace-project.json and its parts, simulated case
// records), mutates it (hostile values, prototype keys, deep nesting, long arrays, deletions…) and
// runs it through the target's parse/safeParse and the functions downstream of it. Anything but a
// result or a QiError — a TypeError, a stack overflow, parse/safeParse disagreeing, NaN/Infinity
// in a result, a polluted prototype, a call that does not return within --call-ms — is a failure:
// the input is saved as DIR/<target>-<hash>.json ({ target, reason, message, input }) and
// test/reliability/fuzz-regressions.test.ts replays every saved file on each `npm test`.
// The fuzzing runs in a worker thread watched by this one, so a hang is caught and the run goes on.
// Exit code: 0 when no new failure was found, 1 otherwise, 2 on bad usage.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { TARGET_NAMES, check, makeSeeds, makeTargets, mulberry32, mutate } from "./fuzz-targets.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The deterministic input of iteration i of a run: target, seed document, mutations. */
function inputOf(seeds, names, runSeed, i) {
  const rng = mulberry32((runSeed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const target = names[i % names.length];
  const list = seeds[target];
  const seedText = list[Math.floor(rng() * list.length)];
  return { target, input: mutate(seedText, rng) };
}

async function loadLibrary() {
  const dist = join(root, "dist", "index.js");
  if (!existsSync(dist)) throw new Error("dist/index.js not found: run `npm run build` first");
  const lib = await import(new URL(`file://${dist}`).href);
  const project = JSON.parse(readFileSync(join(root, "examples", "pace-project.json"), "utf8"));
  return { lib, seeds: makeSeeds(lib, project) };
}

if (!isMainThread) {
  // ---- worker: fuzz until the deadline, reporting progress through shared memory ----
  const { runSeed, names, deadline, start, shared } = workerData;
  const beat = new Int32Array(shared); // [iteration, busy]
  const { lib, seeds } = await loadLibrary();
  const targets = makeTargets(lib);
  let next = start;
  for (let i = start; Date.now() < deadline; i++) {
    next = i + 1;
    Atomics.store(beat, 0, i);
    let target;
    let input;
    try {
      ({ target, input } = inputOf(seeds, names, runSeed, i));
    } catch {
      continue; // the fuzzer could not build this input; not the library's fault
    }
    Atomics.store(beat, 1, 1);
    let failure;
    try {
      failure = check(lib, targets, target, input);
    } catch (e) {
      failure = { reason: "non-qi-error", message: `the checker itself failed: ${e instanceof Error ? e.message : e}` };
    }
    Atomics.store(beat, 1, 0);
    if (failure !== null) parentPort.postMessage({ type: "failure", i, target, failure });
    if ((i & 255) === 0) parentPort.postMessage({ type: "progress", i });
  }
  parentPort.postMessage({ type: "done", next });
} else {
  await main();
}

function parseArgs(argv) {
  const o = { seconds: 30, seed: (Date.now() ^ (process.pid << 16)) >>> 0, targets: TARGET_NAMES, callMs: 5000, out: join(root, "test", "fixtures", "fuzz") };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const v = argv[k + 1];
    const num = () => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) usage(`${a} needs a number`);
      k++;
      return n;
    };
    if (a === "--seconds") o.seconds = num();
    else if (a === "--seed") o.seed = num() >>> 0;
    else if (a === "--call-ms") o.callMs = num();
    else if (a === "--targets") {
      o.targets = String(v ?? "").split(",").filter(Boolean);
      for (const t of o.targets) if (!TARGET_NAMES.includes(t)) usage(`unknown target ${t} (known: ${TARGET_NAMES.join(", ")})`);
      k++;
    } else if (a === "--out") {
      o.out = v;
      k++;
    } else usage(`unknown argument ${a}`);
  }
  return o;
}

function usage(message) {
  console.error(`fuzz: ${message}\nusage: node scripts/fuzz.mjs [--seconds 30] [--seed N] [--targets ${TARGET_NAMES.join(",")}] [--call-ms 5000] [--out test/fixtures/fuzz]`);
  process.exit(2);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { seeds } = await loadLibrary();
  mkdirSync(o.out, { recursive: true });
  const deadline = Date.now() + o.seconds * 1000;
  const stats = Object.fromEntries(o.targets.map((t) => [t, { runs: 0, failures: 0 }]));
  const saved = [];
  let iterations = 0;
  console.error(`fuzz: seed ${o.seed}, ${o.seconds} s, targets ${o.targets.join(", ")}`);

  const save = (target, i, failure) => {
    let text;
    try {
      text = JSON.stringify(inputOf(seeds, o.targets, o.seed, i).input);
    } catch (e) {
      console.error(`fuzz: ${failure.reason} in ${target} (seed ${o.seed}, iteration ${i}): ${failure.message}; the input cannot be saved as JSON (${e.message}): rerun with --seed ${o.seed}`);
      stats[target].failures++;
      return;
    }
    const hash = createHash("sha1").update(`${target}\n${text}`).digest("hex").slice(0, 12);
    const file = join(o.out, `${target}-${hash}.json`);
    stats[target].failures++;
    if (existsSync(file)) return;
    writeFileSync(file, `${JSON.stringify({ target, reason: failure.reason, message: failure.message, seed: o.seed, iteration: i, input: JSON.parse(text) })}\n`);
    saved.push(file);
    console.error(`fuzz: ${failure.reason} in ${target} (iteration ${i}): ${failure.message}\n      saved ${relative(root, file)}`);
  };

  let start = 0;
  while (Date.now() < deadline) {
    const shared = new SharedArrayBuffer(8);
    const beat = new Int32Array(shared);
    const worker = new Worker(new URL(import.meta.url), { workerData: { runSeed: o.seed, names: o.targets, deadline, start, shared } });
    const result = await new Promise((resolve) => {
      let last = -1;
      let since = Date.now();
      const timer = setInterval(() => {
        const i = Atomics.load(beat, 0);
        if (i !== last || Atomics.load(beat, 1) === 0) {
          last = i;
          since = Date.now();
        } else if (Date.now() - since > o.callMs) {
          clearInterval(timer);
          void worker.terminate();
          resolve({ hang: i });
        }
      }, Math.min(250, Math.max(10, o.callMs / 4)));
      worker.on("message", (m) => {
        if (m.type === "failure") save(m.target, m.i, m.failure);
        if (m.type === "done") {
          clearInterval(timer);
          resolve({ done: m.next });
        }
      });
      worker.on("error", (e) => {
        clearInterval(timer);
        resolve({ crash: Atomics.load(beat, 0), error: e });
      });
    });
    if ("done" in result) {
      iterations = result.done;
      break;
    }
    const i = result.hang ?? result.crash;
    const target = o.targets[i % o.targets.length];
    save(target, i, "hang" in result ? { reason: "hang", message: `no result within ${o.callMs} ms` } : { reason: "non-qi-error", message: `worker crashed: ${result.error?.message}` });
    start = i + 1;
    iterations = start;
  }
  for (let i = 0; i < iterations; i++) stats[o.targets[i % o.targets.length]].runs++;
  for (const [t, s] of Object.entries(stats)) console.error(`fuzz: ${t.padEnd(15)} ${String(s.runs).padStart(8)} inputs, ${s.failures} failing`);
  console.error(`fuzz: ${iterations} inputs in ${o.seconds} s; ${saved.length} new failing input${saved.length === 1 ? "" : "s"} saved`);
  process.exit(saved.length > 0 ? 1 : 0);
}

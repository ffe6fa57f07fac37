// Fuzz targets for pace-qi's document parsers, shared by scripts/fuzz.mjs (which runs them against
// dist/) and test/reliability/fuzz-regressions.test.ts (which replays saved failures against src/).
// Everything here is a pure function of its arguments and of the library object passed in.

/** A small seeded generator (mulberry32), so a run is reproducible from its seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2, "", " ", "NaN", "2024-02-30", "2024-13-01", "0000-01-01", "9999-12-31",
  "2024-03-31", "x".repeat(5000), "__proto__", "constructor", [], {}, [[]], [null], { id: "" },
];
const PROTO_TEXT = ['{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"prototype":{"polluted":"yes"}}'];

function hostile(rng) {
  const r = rng();
  if (r < 0.15) return JSON.parse(PROTO_TEXT[Math.floor(rng() * PROTO_TEXT.length)]);
  if (r < 0.25) {
    // nesting: a few levels, or deep (built iteratively; 1,500 levels keeps failing inputs
    // savable: JSON.stringify itself overflows the stack a few thousand levels down)
    const depth = rng() < 0.2 ? 1500 : 1 + Math.floor(rng() * 5);
    let v = 1;
    for (let i = 0; i < depth; i++) v = rng() < 0.5 ? [v] : { a: v };
    return v;
  }
  if (r < 0.3) return Array.from({ length: 1 + Math.floor(rng() * 2000) }, () => structuredClone(HOSTILE[Math.floor(rng() * HOSTILE.length)]));
  return structuredClone(HOSTILE[Math.floor(rng() * HOSTILE.length)]);
}

/** Every slot of a JSON value (breadth-first, iterative, capped). */
function slots(doc) {
  const out = [{ parent: null, key: null, node: doc }];
  for (let i = 0; i < out.length && out.length < 20_000; i++) {
    const n = out[i].node;
    if (Array.isArray(n)) n.forEach((v, k) => out.push({ parent: n, key: k, node: v }));
    else if (n !== null && typeof n === "object") for (const [k, v] of Object.entries(n)) out.push({ parent: n, key: k, node: v });
  }
  return out;
}

/**
 * Mutate a seed document (JSON text) with 1–5 structural changes: replace a value with hostile
 * JSON, delete a key or element, duplicate an element, add a `__proto__`/`constructor`/`prototype`
 * own key, wrap a value in an array, turn it into a string, empty it, or swap two values.
 */
export function mutate(seedText, rng) {
  let doc = JSON.parse(seedText);
  const n = 1 + Math.floor(rng() * 5);
  for (let m = 0; m < n; m++) {
    const all = slots(doc);
    const t = all[Math.floor(rng() * all.length)];
    const set = (v) => {
      if (t.parent === null) doc = v;
      else Object.defineProperty(t.parent, t.key, { value: v, enumerable: true, writable: true, configurable: true });
    };
    const kind = Math.floor(rng() * 9);
    try {
      mutateOnce(kind, t, all, set, rng);
    } catch {
      // a mutation that cannot be applied (e.g. cloning something too deep) is skipped
    }
  }
  return doc;
}

function mutateOnce(kind, t, all, set, rng) {
  {
    if (kind === 0 || kind === 1) set(hostile(rng));
    else if (kind === 2) {
      if (Array.isArray(t.parent)) t.parent.splice(t.key, 1);
      else if (t.parent !== null) delete t.parent[t.key];
    } else if (kind === 3) {
      if (Array.isArray(t.parent)) t.parent.splice(t.key, 0, structuredClone(t.node));
    } else if (kind === 4) {
      if (t.node !== null && typeof t.node === "object" && !Array.isArray(t.node)) {
        const key = ["__proto__", "constructor", "prototype"][Math.floor(rng() * 3)];
        Object.defineProperty(t.node, key, { value: JSON.parse('{"polluted":"yes"}'), enumerable: true, writable: true, configurable: true });
      }
    } else if (kind === 5) set([t.node]);
    else if (kind === 6) set(JSON.stringify(t.node) ?? "null");
    else if (kind === 7) set(Array.isArray(t.node) ? [] : t.node !== null && typeof t.node === "object" ? {} : "");
    else {
      const u = all[Math.floor(rng() * all.length)];
      if (u.node !== t.node && !contains(u.node, t.parent) && !contains(t.node, u.parent)) set(structuredClone(u.node));
    }
  }
}

function contains(tree, target) {
  if (target === null) return false;
  const stack = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === target) return true;
    if (v !== null && typeof v === "object") stack.push(...Object.values(v));
  }
  return false;
}

/** NaN / ±Infinity in a result (iterative), except Kaplan–Meier's documented stdErr = Infinity. */
function nonFinite(value) {
  const stack = [[value, "$"]];
  const seen = new Set();
  while (stack.length > 0) {
    const [v, path] = stack.pop();
    if (typeof v === "number") {
      if (!Number.isFinite(v) && !(path.endsWith(".stdErr") && v === Infinity)) return path;
    } else if (v !== null && typeof v === "object" && !(v instanceof Date) && !seen.has(v)) {
      seen.add(v);
      for (const [k, x] of Object.entries(v)) stack.push([x, `${path}.${k}`]);
    }
  }
  return null;
}

/** Seed documents per target, as JSON text. `project` is the parsed examples/pace-project.json. */
export function makeSeeds(lib, project) {
  const events = lib.simulateCases({ seed: 5, start: "2023-01-01", end: "2023-12-31", children: 6 });
  const wide = [{ child: "A", accommodated: "2024-01-01", "permanence-recommendation": "2024-03-01" }, { child: "B", accommodated: "2024-02-10" }];
  return {
    project: [JSON.stringify(project)],
    "pdsa-cycle": project.cycles.map((c) => JSON.stringify(c)),
    "driver-diagram": [JSON.stringify(project.diagram)],
    measure: project.measures.map((m) => JSON.stringify(m)),
    events: [JSON.stringify(events)],
    "events-wide": [JSON.stringify(wide)],
  };
}

/**
 * The targets: `parse` must throw only QiError("invalid-document") and agree with `safeParse`;
 * what parses goes through `after` (the functions downstream of that document), which may throw
 * only QiError too. Results must hold no NaN/±Infinity, and nothing may touch Object.prototype.
 */
export function makeTargets(lib) {
  const analyse = (m, rows) => lib.runChart(rows, { x: "x", y: "y", direction: m.direction });
  const targets = {
    project: {
      parse: (x) => lib.parseProject(x),
      safeParse: (x) => lib.safeParseProject(x),
      after: (p) => [lib.rollUp(p, { analyse }), lib.validateProject(p), lib.driverDiagramToMermaid(p.diagram), lib.ramps(p.cycles).map((r) => lib.fidelity(r))],
    },
    "pdsa-cycle": {
      parse: (x) => lib.parsePdsaCycle(x),
      safeParse: (x) => lib.safeParsePdsaCycle(x),
      after: (c) => [lib.fidelity(c), lib.cycleStage(c), lib.checkPdsaCycle(c), lib.ramp([c], c.changeIdea)],
    },
    "driver-diagram": {
      parse: (x) => lib.parseDriverDiagram(x),
      safeParse: (x) => lib.safeParseDriverDiagram(x),
      after: (d) => [lib.validateDriverDiagram(d), lib.driverDiagramToMermaid(d), ...d.nodes.slice(0, 5).map((n) => lib.pathsToAim(d, n.id, { limit: 50 })), lib.checkAim(d.aim)],
    },
    measure: {
      parse: (x) => lib.parseMeasure(x),
      safeParse: (x) => lib.safeParseMeasure(x),
      after: (m) => [lib.checkMeasure(m), lib.familyOfMeasures([m])],
    },
    events: {
      parse: (x) => lib.parseEvents(x),
      safeParse: (x) => lib.safeParseEvents(x),
      after: (ev) => {
        const d = lib.stageDurations(ev, "recommendation", { unknownMilestones: "ignore", negative: "ignore" });
        return [d, lib.timescaleSeries(d, { series: "period", period: "quarter" }), lib.kaplanMeier(d.rows), lib.driftList(d)];
      },
    },
    "events-wide": {
      parse: (x) => lib.parseEvents(x, { format: "wide", dateColumns: ["accommodated"] }),
      safeParse: (x) => lib.safeParseEvents(x, { format: "wide", dateColumns: ["accommodated"] }),
      after: (rows) => [lib.stageDurations(rows, "recommendation", { format: "wide", unknownMilestones: "ignore", negative: "ignore", asOf: "2024-12-31" })],
    },
    // ---- HOOK: more fuzz targets ---------------------------------------------------------------
    // The CLI's CSV reader lands later. Add it here as
    //   csv: { parse: (text) => readCsv(text), safeParse: undefined, after: (rows) => [...] },
    // with its seeds in makeSeeds (CSV text as a JSON string, e.g. examples/data/*.csv) and, if its
    // input is text rather than JSON, a text mutator in fuzz.mjs (see TEXT_TARGETS there).
  };
  return targets;
}

/** Names of the targets, in a stable order. */
export const TARGET_NAMES = ["project", "pdsa-cycle", "driver-diagram", "measure", "events", "events-wide"];

/**
 * Run one input through one target. Returns null when the library behaved (a result, or a
 * QiError), else `{ reason, message }`: `non-qi-error`, `bad-qi-error`, `inconsistent` (parse and
 * safeParse disagree), `non-finite`, `prototype` (a result object with a foreign prototype) or
 * `pollution` (Object.prototype changed).
 */
export function check(lib, targets, name, input) {
  const t = targets[name];
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).length;
  const fail = (reason, message) => ({ reason, message: String(message).slice(0, 500) });
  const qi = (e) => {
    if (!(e instanceof lib.QiError)) return fail("non-qi-error", e instanceof Error ? `${e.name}: ${e.message}` : e);
    if (typeof e.code !== "string" || !Array.isArray(e.path) || !Array.isArray(e.issues)) return fail("bad-qi-error", `code ${e.code}, path ${e.path}`);
    return null;
  };
  const polluted = () => {
    if ({}.polluted !== undefined || Object.getOwnPropertyNames(Object.prototype).length !== protoKeys) {
      delete Object.prototype.polluted;
      return fail("pollution", "Object.prototype was changed");
    }
    return null;
  };
  let data;
  let parsed = false;
  try {
    data = t.parse(input);
    parsed = true;
  } catch (e) {
    const f = qi(e);
    if (f !== null) return f;
    if (e.code !== "invalid-document") return fail("bad-qi-error", `parse threw ${e.code}, not invalid-document`);
  }
  const p = polluted();
  if (p !== null) return p;
  if (t.safeParse !== undefined) {
    let s;
    try {
      s = t.safeParse(input);
    } catch (e) {
      return qi(e) ?? fail("inconsistent", `safeParse threw ${e.code}`);
    }
    if (s.success !== parsed) return fail("inconsistent", `parse ${parsed ? "succeeded" : "failed"} but safeParse success = ${s.success}`);
  }
  if (!parsed) return null;
  const stack = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null && !(v instanceof Date)) return fail("prototype", "a parsed object has a foreign prototype");
    stack.push(...Object.values(v));
  }
  const nf = nonFinite(data);
  if (nf !== null) return fail("non-finite", `parsed document has a non-finite number at ${nf}`);
  let out;
  try {
    out = t.after(data);
  } catch (e) {
    const f = qi(e);
    if (f !== null) return f;
  }
  const p2 = polluted();
  if (p2 !== null) return p2;
  const nf2 = nonFinite(out);
  if (nf2 !== null) return fail("non-finite", `downstream result has a non-finite number at ${nf2}`);
  return null;
}

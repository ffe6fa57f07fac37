import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_ALLOWED_LINKS, validateDriverDiagram, type DriverDiagram, type DriverNode } from "../../src/drivers/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { diagram } from "./fixture.js";

const row = (i: { severity: string; code: string; path: readonly (string | number)[]; message: string }) => [i.severity, i.code, i.path, i.message];

describe("validateDriverDiagram", () => {
  it("accepts a DAG where a node has several parents", () => {
    expect(validateDriverDiagram(deepFreeze(structuredClone(diagram)))).toEqual({ valid: true, issues: [] });
  });

  it("states the default adjacency explicitly", () => {
    expect(DEFAULT_ALLOWED_LINKS).toEqual({ primary: ["aim"], secondary: ["primary"], change: ["secondary"] });
  });

  it("reports every problem at once, each with its path", () => {
    const d: DriverDiagram = deepFreeze({
      aim: { id: "aim", statement: "Better permanence" },
      nodes: [
        { id: "p1", kind: "primary", label: "P1" },
        { id: "s1", kind: "secondary", label: "S1" },
        { id: "c1", kind: "change", label: "C1" },
        { id: "p1", kind: "primary", label: "P1 again" },
        { id: "c2", kind: "change", label: "C2" },
        { id: "p2", kind: "primary", label: "P2" },
        { id: "s2", kind: "secondary", label: "S2" },
        { id: "s3", kind: "secondary", label: "S3" },
        { id: "p3", kind: "primary", label: "P3" },
        { id: "s4", kind: "secondary", label: "S4" },
        { id: "c3", kind: "change", label: "C3" },
        { id: "c4", kind: "change", label: "C4" },
      ],
      links: [
        { from: "p1", to: "aim" },
        { from: "s1", to: "p1" },
        { from: "c1", to: "s1" },
        { from: "c1", to: "s1" },
        { from: "c2", to: "aim" },
        { from: "p2", to: "s1" },
        { from: "s3", to: "px" },
        { from: "p3", to: "aim" },
        { from: "s4", to: "p3" },
        { from: "p3", to: "s4" },
        { from: "c3", to: "c3" },
        { from: "aim", to: "p1" },
        { from: "c4", to: "s2" },
        { from: "nobody", to: "p1" },
      ],
    });
    const r = validateDriverDiagram(d);
    expect(r.valid).toBe(false);
    expect(r.issues.map(row)).toEqual([
      ["error", "duplicate-id", ["nodes", 3, "id"], 'id "p1" is already used by nodes[0]'],
      ["error", "duplicate-link", ["links", 3], '"c1" is already linked to "s1"'],
      ["error", "skipped-level", ["links", 4], 'change idea "c2" links straight to aim "aim"; a change idea may link to: secondary driver'],
      ["error", "invalid-link", ["links", 5], 'primary driver "p2" links to secondary driver "s1"; a primary driver may link to: aim'],
      ["error", "unknown-id", ["links", 6, "to"], 'link to unknown id "px"'],
      ["error", "invalid-link", ["links", 9], 'primary driver "p3" links to secondary driver "s4"; a primary driver may link to: aim'],
      ["error", "cycle", ["links", 10], '"c3" links to itself'],
      ["error", "invalid-link", ["links", 11], 'the aim "aim" cannot link to a parent (primary driver "p1")'],
      ["error", "unknown-id", ["links", 13, "from"], 'link from unknown id "nobody"'],
      ["error", "cycle", ["links", 8], 'cycle: "p3" → "s4" → "p3"'],
      ["warning", "no-change-ideas", ["nodes", 5], 'primary driver "p2" has no change idea below it'],
      ["error", "orphan", ["nodes", 6], 'secondary driver "s2" has no parent'],
      ["error", "orphan", ["nodes", 7], 'secondary driver "s3" has no parent'],
      ["warning", "no-change-ideas", ["nodes", 7], 'secondary driver "s3" has no change idea below it'],
      ["warning", "no-change-ideas", ["nodes", 8], 'primary driver "p3" has no change idea below it'],
      ["warning", "no-change-ideas", ["nodes", 9], 'secondary driver "s4" has no change idea below it'],
      ["error", "orphan", ["nodes", 10], 'change idea "c3" has no parent'],
      ["error", "unreachable", ["nodes", 11], 'change idea "c4" has no path to the aim "aim"'],
      ["warning", "aim-not-smart", ["aim", "what"], "aim: say what will improve (the process or outcome)"],
      ["warning", "aim-not-smart", ["aim", "howMuch"], "aim: say how much, as a number (e.g. from 40% to 80%)"],
      ["warning", "aim-not-smart", ["aim", "byWhen"], "aim: say by when, as a date (YYYY-MM-DD)"],
      ["warning", "aim-not-smart", ["aim", "forWhom"], "aim: say for whom (which children, service or area)"],
    ]);
  });

  it("skips levels: a change idea straight to a primary driver, unless allowed", () => {
    const d: DriverDiagram = { ...diagram, links: [...diagram.links, { from: "c2", to: "p2" }] };
    expect(validateDriverDiagram(d).issues.map(row)).toEqual([
      ["error", "skipped-level", ["links", 8], 'change idea "c2" skips a level to primary driver "p2"; a change idea may link to: secondary driver'],
    ]);
    expect(validateDriverDiagram(d, { allowedLinks: { change: ["secondary", "primary"] } }).valid).toBe(true);
    expect(validateDriverDiagram({ ...d, allowedLinks: { change: ["secondary", "primary"] } }).valid).toBe(true);
    expect(validateDriverDiagram({ ...d, allowedLinks: { change: [] } }).issues[0]!.message).toBe(
      'change idea "c1" links to secondary driver "s1"; a change idea may link to: nothing',
    );
  });

  it("keeps cycle messages short on long cycles", () => {
    const n = 50;
    const nodes: DriverNode[] = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: "secondary", label: "" }));
    const links = nodes.map((x, i) => ({ from: x.id, to: `s${(i + 1) % n}` }));
    const r = validateDriverDiagram({ aim: { id: "aim", statement: "" }, nodes, links }, { allowedLinks: { secondary: ["secondary"] }, smartAim: false });
    const cycles = r.issues.filter((i) => i.code === "cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.path).toEqual(["links", 49]);
    expect(cycles[0]!.message).toBe(`cycle: ${Array.from({ length: 20 }, (_, i) => `"s${i}"`).join(" → ")} → …`);
  });

  it("handles ids like __proto__ and constructor as plain ids", () => {
    const d: DriverDiagram = {
      aim: { id: "__proto__", statement: "" },
      nodes: [
        { id: "constructor", kind: "primary", label: "" },
        { id: "prototype", kind: "secondary", label: "" },
        { id: "toString", kind: "change", label: "" },
      ],
      links: [
        { from: "constructor", to: "__proto__" },
        { from: "prototype", to: "constructor" },
        { from: "toString", to: "prototype" },
      ],
    };
    expect(validateDriverDiagram(d, { smartAim: false })).toEqual({ valid: true, issues: [] });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("validates a 20 000-node chain without overflowing the stack (recursion would)", () => {
    const n = 20_000;
    const nodes: DriverNode[] = [{ id: "p", kind: "primary", label: "" }];
    const links = [{ from: "p", to: "aim" }];
    for (let i = 0; i < n; i++) {
      nodes.push({ id: `s${i}`, kind: "secondary", label: "" });
      links.push({ from: `s${i}`, to: i === 0 ? "p" : `s${i - 1}` });
    }
    nodes.push({ id: "c", kind: "change", label: "" });
    links.push({ from: "c", to: `s${n - 1}` });
    const r = validateDriverDiagram({ aim: { id: "aim", statement: "" }, nodes, links }, { allowedLinks: { secondary: ["primary", "secondary"] }, smartAim: false });
    expect(r).toEqual({ valid: true, issues: [] });
    links.push({ from: "p", to: `s${n - 1}` });
    const cyc = validateDriverDiagram({ aim: { id: "aim", statement: "" }, nodes, links }, { allowedLinks: { secondary: ["primary", "secondary"], primary: ["aim", "secondary"] }, smartAim: false });
    expect(cyc.issues.map((i) => [i.code, i.path])).toEqual([["cycle", ["links", 1]]]);
  });
});

describe("validateDriverDiagram (properties)", () => {
  // Random layered DAGs: every node links to 1–3 parents one level up.
  const layered = fc
    .record({ primaries: fc.integer({ min: 1, max: 4 }), secondaries: fc.integer({ min: 1, max: 8 }), changes: fc.integer({ min: 1, max: 12 }), seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }) })
    .map(({ primaries, secondaries, changes, seed }) => {
      let k = 0;
      const pick = (n: number) => seed[k++ % seed.length]! % n;
      const nodes: DriverNode[] = [];
      const links: { from: string; to: string; strength?: "weak" }[] = [];
      for (let i = 0; i < primaries; i++) {
        nodes.push({ id: `p${i}`, kind: "primary", label: "" });
        links.push({ from: `p${i}`, to: "aim" });
      }
      const addLevel = (prefix: string, kind: "secondary" | "change", count: number, parents: string, parentCount: number) => {
        for (let i = 0; i < count; i++) {
          nodes.push({ id: `${prefix}${i}`, kind, label: "" });
          const ps = new Set([i % parentCount, pick(parentCount), pick(parentCount)]);
          for (const p of ps) links.push(p % 2 ? { from: `${prefix}${i}`, to: `${parents}${p}`, strength: "weak" } : { from: `${prefix}${i}`, to: `${parents}${p}` });
        }
      };
      addLevel("s", "secondary", secondaries, "p", primaries);
      addLevel("c", "change", changes, "s", secondaries);
      const d: DriverDiagram = { aim: { id: "aim", statement: "" }, nodes, links };
      return d;
    });

  it("random layered DAGs have no errors", () => {
    fc.assert(
      fc.property(layered, (d) => {
        const errors = validateDriverDiagram(d, { smartAim: false }).issues.filter((i) => i.severity === "error");
        expect(errors).toEqual([]);
      }),
    );
  });

  it("a link from a driver to a node below it is always reported as a cycle", () => {
    fc.assert(
      fc.property(layered, fc.nat(), (d, r) => {
        const changes = d.nodes.filter((n) => n.kind === "change");
        const c = changes[r % changes.length]!;
        // the primary above c, through its first secondary
        const s = d.links.find((l) => l.from === c.id)!.to;
        const p = d.links.find((l) => l.from === s)!.to;
        const withBack: DriverDiagram = { ...d, links: [...d.links, { from: p, to: c.id }] };
        const codes = validateDriverDiagram(withBack, { smartAim: false, allowedLinks: { primary: ["aim", "change"] } }).issues.map((i) => i.code);
        expect(codes).toContain("cycle");
      }),
    );
  });
});

/**
 * Seed documents and a structural mutator for the document-parser properties (issue #8). The
 * same mutation kinds are used by scripts/fuzz.mjs (which has its own copy in plain JavaScript).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import {
  parseDriverDiagram,
  parseEvents,
  parseMeasure,
  parsePdsaCycle,
  parseProject,
  safeParseDriverDiagram,
  safeParseEvents,
  safeParseMeasure,
  safeParsePdsaCycle,
  safeParseProject,
  simulateCases,
} from "../../src/index.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The example project (a copy of examples/pace-project.json). */
export const PROJECT: Json = JSON.parse(readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8")) as Json;
const p = PROJECT as { diagram: Json; measures: Json[]; cycles: Json[] };

/** Seeds per parser target, as JSON text (so every test gets fresh objects). */
export const SEEDS: Record<string, string[]> = {
  project: [JSON.stringify(PROJECT)],
  "pdsa-cycle": p.cycles.map((c) => JSON.stringify(c)),
  "driver-diagram": [JSON.stringify(p.diagram)],
  measure: p.measures.map((m) => JSON.stringify(m)),
  events: [JSON.stringify(simulateCases({ seed: 3, start: "2023-01-01", end: "2023-06-30", children: 4 }))],
};

/** Each parser with its safe twin. */
export const PARSERS: Record<string, { parse: (x: unknown) => unknown; safeParse: (x: unknown) => { success: boolean; error?: unknown; data?: unknown } }> = {
  project: { parse: parseProject, safeParse: safeParseProject },
  "pdsa-cycle": { parse: parsePdsaCycle, safeParse: safeParsePdsaCycle },
  "driver-diagram": { parse: parseDriverDiagram, safeParse: safeParseDriverDiagram },
  measure: { parse: parseMeasure, safeParse: safeParseMeasure },
  events: { parse: (x) => parseEvents(x), safeParse: (x) => safeParseEvents(x) },
};

/** Hostile JSON values: wrong types, huge numbers, prototype keys, empty containers. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, 0, -1, 1e308, -1e308, 5e-324, 1.5, "", " ", "2024-02-30", "2024-03-31", "9999-99-99", "x".repeat(10_000), [], {}, [[[]]]),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"prototype":{"polluted":1}}', '[{"__proto__":null}]').map((t) => JSON.parse(t) as unknown),
);

export type Mutation = { at: number; kind: "replace" | "delete" | "duplicate" | "proto-key" | "wrap" | "stringify" | "empty"; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace", "delete", "duplicate", "proto-key", "wrap", "stringify", "empty"),
  value: hostileJson,
});

/** Every container in `doc` with its parent and key (iterative). */
function containers(doc: unknown): { parent: Record<string, unknown> | unknown[] | null; key: string | number | null; node: unknown }[] {
  const out: { parent: Record<string, unknown> | unknown[] | null; key: string | number | null; node: unknown }[] = [{ parent: null, key: null, node: doc }];
  for (let i = 0; i < out.length && out.length < 50_000; i++) {
    const n = out[i]!.node;
    if (Array.isArray(n)) n.forEach((v, k) => out.push({ parent: n, key: k, node: v }));
    else if (n !== null && typeof n === "object") for (const [k, v] of Object.entries(n)) out.push({ parent: n as Record<string, unknown>, key: k, node: v });
  }
  return out;
}

/** Apply mutations to a fresh copy of the seed (JSON text); returns the new document. */
export function mutate(seed: string, ms: readonly Mutation[]): unknown {
  let doc: unknown = JSON.parse(seed);
  for (const m of ms) {
    const all = containers(doc);
    const t = all[m.at % all.length]!;
    const set = (v: unknown): void => {
      if (t.parent === null) doc = v;
      else if (Array.isArray(t.parent)) t.parent[t.key as number] = v;
      else Object.defineProperty(t.parent, t.key as string, { value: v, enumerable: true, writable: true, configurable: true });
    };
    switch (m.kind) {
      case "replace":
        set(structuredClone(m.value));
        break;
      case "delete":
        if (Array.isArray(t.parent)) t.parent.splice(t.key as number, 1);
        else if (t.parent !== null) delete (t.parent as Record<string, unknown>)[t.key as string];
        break;
      case "duplicate":
        if (Array.isArray(t.parent)) t.parent.splice(t.key as number, 0, structuredClone(t.node));
        break;
      case "proto-key": {
        const target = t.node !== null && typeof t.node === "object" && !Array.isArray(t.node) ? t.node : null;
        if (target !== null) {
          const k = ["__proto__", "constructor", "prototype"][m.at % 3]!;
          Object.defineProperty(target, k, { value: JSON.parse('{"polluted":1}'), enumerable: true, writable: true, configurable: true });
        }
        break;
      }
      case "wrap":
        set([t.node]);
        break;
      case "stringify":
        set(JSON.stringify(t.node) ?? "null");
        break;
      case "empty":
        set(Array.isArray(t.node) ? [] : typeof t.node === "object" && t.node !== null ? {} : "");
        break;
    }
  }
  return doc;
}

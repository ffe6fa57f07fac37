/**
 * Hostile JSON (issue #8): prototype keys, 100,000 levels of nesting and very long arrays, fed to
 * every document parser and to the accessors of runChart, controlChart and stageDurations. Nothing
 * may pollute a prototype or overflow the stack; a QiError is a fine answer.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  QiError,
  controlChart,
  kaplanMeier,
  parseDriverDiagram,
  parseEvents,
  parseMeasure,
  parsePdsaCycle,
  parseProject,
  runChart,
  safeParseDriverDiagram,
  safeParseEvents,
  safeParseMeasure,
  safeParsePdsaCycle,
  safeParseProject,
  stageDurations,
  timescaleSeries,
} from "../../src/index.js";
import { PROJECT } from "../property/_documents.js";
import { expectNoPollution } from "../property/_reliability.js";
import { zoneFree } from "../_shared/zone.js";

const PARSERS: [string, (x: unknown) => unknown][] = [
  ["parseProject", parseProject],
  ["safeParseProject", safeParseProject],
  ["parsePdsaCycle", parsePdsaCycle],
  ["safeParsePdsaCycle", safeParsePdsaCycle],
  ["parseDriverDiagram", parseDriverDiagram],
  ["safeParseDriverDiagram", safeParseDriverDiagram],
  ["parseMeasure", parseMeasure],
  ["safeParseMeasure", safeParseMeasure],
  ["parseEvents", (x) => parseEvents(x)],
  ["safeParseEvents", (x) => safeParseEvents(x)],
  ["parseEvents (wide)", (x) => parseEvents(x, { format: "wide", dateColumns: ["__proto__", "constructor", "accommodated"] })],
];

/** Run f: a result or a QiError are fine; a stack overflow or any other error is not. */
function safely(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
}

/** `depth` levels of `{ a: { a: … } }` (plain objects, as JSON.parse gives) or `[[…]]`, built without recursion. */
function deep(depth: number, kind: "object" | "array", leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === "array" ? [v] : { a: v };
  return v;
}

const PROTO_DOCS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '[{"__proto__":{"polluted":"yes"},"child":"A","milestone":"accommodated","date":"2024-01-01"}]',
  '[{"constructor":{"prototype":{"polluted":"yes"}},"child":"A","milestone":"accommodated","date":"2024-01-01","accommodated":"2024-01-01"}]',
  '[{"child":"__proto__","milestone":"accommodated","date":"2024-01-01","__proto__":"2024-01-02"}]',
];

/** The example project with hostile keys added at several levels (own keys, via JSON.parse). */
function hostileProject(key: string): unknown {
  const text = JSON.stringify(PROJECT);
  const inject = `"${key}":{"polluted":"yes"},`;
  return JSON.parse(text.replace('{"id":"aim"', `{${inject}"id":"aim"`).replace('{"id":"m-26-weeks"', `{${inject}"id":"m-26-weeks"`).replace(/^\{/, `{${inject}`));
}

afterEach(() => expectNoPollution());

describe("prototype keys", () => {
  for (const [name, parse] of PARSERS) {
    it(`${name}: __proto__ / constructor / prototype keys never pollute a prototype or the result`, () => {
      for (const text of PROTO_DOCS) {
        const r = safely(() => parse(JSON.parse(text)));
        expectNoPollution();
        const data = r instanceof QiError ? undefined : (r as { data?: unknown }).data ?? r;
        // whatever came back: no object in it has a polluted prototype
        const stack = [data];
        while (stack.length > 0) {
          const v = stack.pop();
          if (v === null || typeof v !== "object" || v instanceof QiError) continue;
          expect([Object.prototype, Array.prototype, null]).toContain(Object.getPrototypeOf(v));
          expect((v as { polluted?: unknown }).polluted === undefined || Object.hasOwn(v, "polluted")).toBe(true);
          stack.push(...Object.values(v));
        }
      }
      for (const key of ["__proto__", "constructor", "prototype"]) {
        safely(() => parse(hostileProject(key)));
        expectNoPollution();
      }
    });
  }

  it("the strict document schemas reject prototype keys instead of copying them", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const r = safeParseProject(hostileProject(key));
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.some((i) => i.code === "unrecognized-keys")).toBe(true);
    }
  });

  it("loose event rows keep a __proto__ key as data, never as the row's prototype", () => {
    const rows = parseEvents(JSON.parse('[{"__proto__":{"polluted":"yes"},"child":"A","milestone":"accommodated","date":"2024-01-01"}]'));
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect((rows[0] as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("runChart, controlChart and stageDurations read fields named __proto__, constructor or prototype as own data only", () => {
    type Row = { __proto__: number; constructor: number; prototype: string };
    const rows = JSON.parse('[{"__proto__":3,"constructor":1,"prototype":"2024-01-01"},{"__proto__":5,"constructor":2,"prototype":"2024-01-02"},{"__proto__":4,"constructor":3,"prototype":"2024-01-03"}]') as Row[];
    const rc = runChart(rows, { x: "prototype", y: "__proto__", notes: "constructor", by: "constructor" });
    expect(rc.map((g) => g.chart.points[0]!.y)).toEqual([3, 5, 4]);
    const cc = controlChart(rows, { x: "prototype", y: "__proto__", n: "constructor", type: "u" });
    expect(cc.points.map((p) => p.y)).toEqual([3, 2.5, 4 / 3]);
    // rows without such own keys: the fields are missing, never Object.prototype's members
    const plain: Record<string, number>[] = [{ v: 1 }, { v: 2 }, { v: 3 }];
    expect(() => runChart(plain, { y: "constructor" })).toThrowError(QiError);
    expect(() => runChart(plain, { y: "toString" })).toThrowError(QiError);
    expect(() => controlChart(plain, { y: "__proto__" })).toThrowError(QiError);
    const ev = JSON.parse('[{"child":"__proto__","milestone":"accommodated","date":"2024-01-01"},{"child":"constructor","milestone":"accommodated","date":"2024-01-02"},{"child":"__proto__","milestone":"permanence-recommendation","date":"2024-02-01"}]') as unknown[];
    const d = stageDurations(ev, "recommendation", { asOf: "2024-03-01", group: "__proto__" });
    expect(d.rows.map((r) => [r.child, r.days, r.censored])).toEqual([["__proto__", 31, false], ["constructor", 59, true]]);
    expect(kaplanMeier(JSON.parse('[{"__proto__":{"days":1},"days":2}]') as unknown[]).steps[0]!.time).toBe(2);
  });
});

describe("deep nesting and long arrays", () => {
  const DEPTH = 100_000;
  const deepObject = deep(DEPTH, "object");
  const deepArray = deep(DEPTH, "array");

  for (const [name, parse] of PARSERS) {
    it(`${name}: ${DEPTH.toLocaleString("en")} levels of nesting give a QiError or a result, never a stack overflow`, () => {
      for (const v of [deepObject, deepArray, { diagram: deepObject, title: deepArray }, [deepObject], [{ child: deepArray, milestone: deepObject, date: "2024-01-01" }]]) {
        const r = safely(() => parse(v));
        expect(r instanceof QiError || (r !== null && typeof r === "object")).toBe(true);
      }
    });
  }

  it("deeply nested values in the data of runChart, controlChart, stageDurations and timescaleSeries are rejected cleanly", () => {
    const rows = [{ x: 1, y: deepObject }, { x: 2, y: deepArray }];
    for (const f of [
      () => runChart(rows, { x: "x", y: "y" }),
      () => controlChart(rows, { x: "x", y: "y" }),
      () => runChart([deepArray], {}),
      () => stageDurations([{ child: deepObject, milestone: "accommodated", date: "2024-01-01" }], "recommendation"),
      () => stageDurations([{ child: "A", milestone: deepArray, date: deepObject }], "recommendation"),
      () => timescaleSeries([{ start: deepObject, days: 1, censored: false }] as never),
      () => kaplanMeier([{ days: deepArray }]),
    ]) {
      expect(safely(f)).toBeInstanceOf(QiError);
    }
  });

  zoneFree("very long arrays of bad rows are reported, not exhausted stacks (parsers: 2·10⁴ rows; readers: 10⁵)", () => {
    // The document parsers list every issue (zod's, about 2 per bad event row: linear, ~15 µs each);
    // stageDurations keeps the first 1,000 and controlChart the first 100.
    const junk = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? null : { x: i }));
    for (const [, parse] of PARSERS) safely(() => parse(junk));
    const projectWithJunk = { ...(PROJECT as object), cycles: junk, data: junk };
    const r = safeParseProject(projectWithJunk);
    expect(r.success).toBe(false);
    const n = 100_000;
    const e = safely(() => stageDurations(Array.from({ length: n }, () => ({ child: "A", milestone: "nope", date: "x" })), "recommendation"));
    expect(e).toBeInstanceOf(QiError);
    expect((e as QiError).issues.length).toBeLessThanOrEqual(1000);
    const c = safely(() => controlChart(Array.from({ length: n }, () => ({ y: -1, n: 0 })), { type: "p", y: "y", n: "n" }));
    expect((c as QiError).issues.length).toBeLessThanOrEqual(100);
  });
});

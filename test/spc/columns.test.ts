import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONTROL_RULE_BITS,
  controlChart,
  controlRulesOf,
  type ControlChart,
  type ControlChartColumnar,
  type ControlChartPoint,
  type ControlChartType,
  type ControlRuleId,
} from "../../src/spc/index.js";

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** The point objects a columnar result stands for. */
function pointsOf(c: ControlChartColumnar): ControlChartPoint[] {
  const k = c.columns;
  const out: ControlChartPoint[] = [];
  for (let i = 0; i < k.length; i++) {
    const p: ControlChartPoint = {
      index: i,
      x: k.x[i]!,
      y: orNull(k.y[i]!),
      value: k.value === null ? null : orNull(k.value[i]!),
      n: k.n === null ? null : orNull(k.n[i]!),
      centre: orNull(k.centre[i]!),
      ucl: orNull(k.ucl[i]!),
      lcl: orNull(k.lcl[i]!),
      ucl2: orNull(k.ucl2[i]!),
      lcl2: orNull(k.lcl2[i]!),
      phase: k.phase[i]!,
      baseline: k.baseline[i] === 1,
      excluded: k.excluded[i] === 1,
      useful: k.useful[i] === 1,
      signals: controlRulesOf(k.signals[i]!),
      variation: k.variation === null ? null : k.variation[i]!,
      label: k.label === null ? null : k.label[i]!,
    };
    if (k.note !== undefined) p.note = k.note[i];
    out.push(p);
  }
  return out;
}

function expectSame(points: ControlChart, columns: ControlChartColumnar): void {
  const { points: p, ...rest } = points;
  const { columns: c, ...restColumns } = columns;
  expect(restColumns).toEqual(rest);
  expect(c.length).toBe(p.length);
  expect(pointsOf(columns)).toEqual(p);
}

describe("controlChart output: \"columns\"", () => {
  it("an i chart: typed arrays and the beyond-limits bit", () => {
    const data = [10, 12, 11, 13, 12, 40, 11, 12];
    const c = controlChart(data, { type: "i", output: "columns" });
    expect(c).not.toHaveProperty("points");
    expect(c.columns.ucl).toBeInstanceOf(Float64Array);
    expect(c.columns.n).toBeNull();
    expect(Array.from(c.columns.signals)).toEqual([0, 0, 0, 0, 0, CONTROL_RULE_BITS["beyond-limits"], 0, 0]);
    expectSame(controlChart(data, { type: "i" }), c);
  });

  it("x: a Float64Array for numbers and observation numbers, dates as given", () => {
    expect(controlChart([3, 4, 5, 4], { type: "i", output: "columns" }).columns.x).toEqual(Float64Array.from([1, 2, 3, 4]));
    const rows = [{ x: 10, y: 3 }, { x: 20, y: 4 }, { x: 30, y: 5 }, { x: 40, y: 4 }];
    expect(controlChart(rows, { type: "i", x: "x", y: "y", output: "columns" }).columns.x).toEqual(Float64Array.from([10, 20, 30, 40]));
    const shuffled = [rows[2]!, rows[0]!, rows[3]!, rows[1]!];
    expect(controlChart(shuffled, { type: "c", x: "x", y: "y", output: "columns" }).columns.x).toEqual(Float64Array.from([10, 20, 30, 40]));
    const dated = rows.map((r, i) => ({ ...r, x: `2024-0${i + 1}-01` }));
    expect(controlChart(dated, { type: "i", x: "x", y: "y", output: "columns" }).columns.x).toEqual(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]);
  });

  it("bits and lists agree in both directions; lists are shared and frozen", () => {
    expect(controlRulesOf(0)).toEqual([]);
    for (const [rule, bit] of Object.entries(CONTROL_RULE_BITS)) expect(controlRulesOf(bit)).toEqual([rule as ControlRuleId]);
    expect(controlRulesOf(511)).toHaveLength(9);
    expect(controlRulesOf(6)).toBe(controlRulesOf(6));
    expect(Object.isFrozen(controlRulesOf(6))).toBe(true);
  });

  it("p chart with denominators, xbar with subgroups, mdc labels, by groups and notes", () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ g: i < 30 ? "north" : "south", x: 1 + (i % 30), y: (i * 7) % 13, n: 20 + (i % 5), note: i === 4 ? "PDSA" : undefined }));
    for (const type of ["p", "pp", "u", "up", "c"] as const) {
      // A c chart has no denominator: n would be an error there.
      const n = type === "c" ? {} : { n: "n" as const };
      const a = controlChart(rows, { type, by: "g", x: "x", y: "y", ...n, notes: "note", multiply: 100 });
      const b = controlChart(rows, { type, by: "g", x: "x", y: "y", ...n, notes: "note", multiply: 100, output: "columns" });
      b.forEach((g, k) => expectSame(a[k]!.chart, g.chart));
    }
    const sub = rows.map((r) => ({ ...r, x: 1 + (r.x % 10) }));
    for (const type of ["xbar", "s"] as const) expectSame(controlChart(sub, { type, x: "x", y: "y" }), controlChart(sub, { type, x: "x", y: "y", output: "columns" }));
    const mdc = controlChart(rows, { type: "i", y: "y", rules: "mdc", direction: "increase", target: 8 });
    const mdcColumns = controlChart(rows, { type: "i", y: "y", rules: "mdc", direction: "increase", target: 8, output: "columns" });
    expect(mdcColumns.columns.variation).toHaveLength(60);
    expectSame(mdc, mdcColumns);
  });

  it("property: columns hold exactly what the points hold, for every chart type and rule set", () => {
    const types: ControlChartType[] = ["i", "mr", "p", "pp", "u", "up", "c", "g", "t"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ y: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constant(null) }), n: fc.integer({ min: 20, max: 30 }) }), { minLength: 2, maxLength: 60 }),
        fc.constantFrom(...types),
        fc.constantFrom("shewhart", "ihi", "western-electric", "nelson", "anhoej", "mdc"),
        fc.array(fc.nat({ max: 59 }), { maxLength: 2 }),
        fc.array(fc.nat({ max: 59 }), { maxLength: 3 }),
        fc.option(fc.integer({ min: 2, max: 20 }), { nil: undefined }),
        (rows, type, preset, phaseAt, exclude, baseline) => {
          const n = rows.length;
          const data = type === "t" ? rows.map((r) => ({ ...r, y: r.y === null ? null : r.y + 1 })) : rows;
          const options = {
            type,
            y: "y",
            n: "n",
            rules: preset,
            phases: [...new Set(phaseAt.filter((i) => i > 0 && i < n))].sort((a, b) => a - b),
            exclude: exclude.filter((i) => i < n),
            ...(baseline !== undefined ? { baseline } : {}),
          } as const;
          let points: ControlChart;
          try {
            points = controlChart(data, options);
          } catch (e) {
            expect(() => controlChart(data, { ...options, output: "columns" })).toThrow((e as Error).message);
            return;
          }
          expectSame(points, controlChart(data, { ...options, output: "columns" }));
        },
      ),
      { numRuns: 400 },
    );
  });
});

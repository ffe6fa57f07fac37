import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { controlChart, controlChartTypeHint } from "../../src/spc/index.js";

describe("bad input names the row", () => {
  const rows = [{ y: 3, n: 10 }, { y: 4, n: 0 }, { y: 5, n: 10 }, { y: 12, n: 10 }, { y: -1, n: 10 }, { y: 2, n: null }];
  it("p chart: every bad row is listed", () => {
    const e = fails(() => controlChart(rows, { type: "p", y: "y", n: "n" }));
    expect(e.code).toBe("invalid-denominator");
    expect(e.path).toEqual(["data", 1, "n"]);
    expect(e.issues.map((i) => [i.code, i.path[1]])).toEqual([
      ["invalid-denominator", 1],
      ["count-above-denominator", 3],
      ["negative-count", 4],
      ["invalid-denominator", 5],
    ]);
  });
  it("p, pp, u, up need n", () => {
    for (const type of ["p", "pp", "u", "up"] as const) expect(fails(() => controlChart([1, 2, 3], { type })).path).toEqual(["options", "n"]);
  });
  it("u chart: counts may exceed denominators, but not be negative", () => {
    expect(() => controlChart([{ y: 30, n: 10 }, { y: 20, n: 10 }], { type: "u", y: "y", n: "n" })).not.toThrow();
    expect(fails(() => controlChart([{ y: -3, n: 10 }, { y: 2, n: 10 }], { type: "u", y: "y", n: "n" })).code).toBe("negative-count");
  });
  it("c and g charts: negative counts", () => {
    expect(fails(() => controlChart([1, 2, -3, 4], { type: "c" })).path).toEqual(["data", 2, "y"]);
    expect(fails(() => controlChart([1, 2, -3, 4], { type: "g" })).code).toBe("negative-count");
  });
  it("t chart: times must be positive", () => {
    const e = fails(() => controlChart([5, 0, 3, 4], { type: "t" }));
    expect([e.code, e.path]).toEqual(["invalid-time", ["data", 1, "y"]]);
  });
  it("xbar / s: a subgroup of one value", () => {
    const data = [{ x: 1, y: 2 }, { x: 1, y: 3 }, { x: 2, y: 4 }, { x: 3, y: 5 }, { x: 3, y: 6 }];
    for (const type of ["xbar", "s"] as const) {
      const e = fails(() => controlChart(data, { type, x: "x", y: "y" }));
      expect([e.code, e.path]).toEqual(["subgroup-too-small", ["data", 2, "y"]]);
    }
  });
  it("fewer than 2 points for a moving range", () => {
    for (const type of ["i", "mr", "t", "pp"] as const) {
      const data = type === "pp" ? [{ y: 1, n: 5 }] : [4];
      expect(fails(() => controlChart(data as any[], { type, ...(type === "pp" ? { y: "y", n: "n" } : {}) } as any)).code).toBe("too-few-points");
    }
    const e = fails(() => controlChart([1, 2, 3, 4, 5], { type: "i", phases: [4] }));
    expect([e.code, e.path]).toEqual(["too-few-points", ["options", "phases"]]);
    // Points counted from 1, as in every other message (phase 2 is the 5th point alone).
    expect(e.message).toMatch(/^phase 2 \(point 5\) has no moving range in its baseline: an i chart/);
    expect(fails(() => controlChart([1, 2, 3, 4, 5, 6], { type: "i", phases: [3], exclude: [4, 5] })).message).toMatch(/^phase 2 \(points 4–6\) /);
    expect(fails(() => controlChart([1, 2, 3, 4, 5], { type: "cusum", phases: [4] })).message).toMatch(/^phase 2 \(point 5\) has too few values/);
  });
  it("duplicate x on an i chart", () => {
    expect(fails(() => controlChart([{ x: 1, y: 2 }, { x: 1, y: 3 }], { type: "i", x: "x", y: "y" })).code).toBe("duplicate-x");
  });
  it("a chart type in another case, under another name or misspelt says which type is meant", () => {
    const message = (type: string) => fails(() => controlChart([1, 2, 3], { type: type as any })).message;
    expect(message("XmR")).toContain('unknown chart type "XmR": XmR (individuals and moving range) is type "i" (its moving ranges alone: "mr")');
    expect(message("I-MR")).toContain('is type "i"');
    expect(message("P")).toContain('unknown chart type "P"; did you mean "p"?');
    expect(message("imedian")).toContain('did you mean "i-median"?');
    expect(message("run")).toContain("a run chart is made by runChart, not controlChart");
    // "bar" is one edit from "xbar", which is not a bar chart (a user trial): say what pace-qi draws.
    const bar = 'a bar chart is not a control chart: pace-qi draws run charts and control charts of a measure over time (for a plain bar chart use a spreadsheet or another charting tool; for the means of subgroups over time, an X-bar chart is type "xbar")';
    expect(message("bar")).toBe(`unknown chart type "bar": ${bar} (known: i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma) (at options.type)`);
    expect(message("Bar chart")).toContain(`unknown chart type "Bar chart": ${bar} (known:`);
    expect(controlChartTypeHint("bar")).toBe(bar);
    expect(controlChartTypeHint("XmR chart")).toBe('XmR (individuals and moving range) is type "i" (its moving ranges alone: "mr")');
    expect(controlChartTypeHint("xbr")).toBe('did you mean "xbar"?');
    // An alias is looked up among the table's own names only (not Object.prototype's "constructor").
    expect(controlChartTypeHint("constructor")).toBeNull();
    // Enum options say "did you mean" too.
    expect(fails(() => controlChart([1, 2, 3], { direction: "increse" as any })).message).toContain('not "increse"; did you mean "increase"?');
    // Words people write for the values (a second user trial: "p-chart", direction "up", aggregate "average").
    expect(message("p-chart")).toContain('unknown chart type "p-chart"; did you mean "p"?');
    expect(fails(() => controlChart([1, 2, 3], { direction: "up" as any })).message).toContain('not "up"; did you mean "increase"?');
    expect(fails(() => controlChart([{ x: 1, y: 2 }], { x: "x", y: "y", aggregate: "average" as any })).message).toContain('not "average"; did you mean "mean"?');
  });
  it("unknown chart type, rule set, option", () => {
    expect(fails(() => controlChart([1, 2, 3], { type: "x" as any })).code).toBe("unknown-option");
    expect(fails(() => controlChart([1, 2, 3], { rules: "westgard" as any })).code).toBe("unknown-option");
    expect(fails(() => controlChart([1, 2, 3], { rules: { preset: "nelsen" as any } })).code).toBe("unknown-option");
    expect(fails(() => controlChart([1, 2, 3], { rules: { shfit: false } as any })).code).toBe("unknown-option");
    expect(fails(() => controlChart([1, 2, 3], { sigmaConstant: 3 as any })).code).toBe("invalid-option");
    expect(fails(() => controlChart([1, 2, 3], { multiply: 0 })).code).toBe("invalid-option");
    expect(fails(() => controlChart([1, 2, 3], { tpye: "i" } as any)).code).toBe("unknown-option");
  });
  it("empty and all-missing data", () => {
    expect(fails(() => controlChart([], {})).code).toBe("empty-data");
    expect(fails(() => controlChart([null, null], {})).code).toBe("all-missing");
  });
});

describe("constant series", () => {
  it("an i chart of equal values has limits on the centre line (screening keeps zero moving ranges)", () => {
    const c = controlChart([0, 0, 0], { type: "i" });
    expect([c.points[0]!.centre, c.points[0]!.ucl, c.points[0]!.lcl]).toEqual([0, 0, 0]);
    expect(c.signals).toEqual([]);
  });
});

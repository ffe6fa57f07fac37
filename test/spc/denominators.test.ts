import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { controlChart } from "../../src/spc/index.js";
import { runChart } from "../../src/runchart/index.js";

// Hand-worked: y / n = 0.1, 0.2, 0.3, 0.4; mean 0.25; moving ranges 0.1, 0.1, 0.1 (AMR 0.1);
// σ̂ = 0.1 / 1.128; limits 0.25 ± 3σ̂ = 0.25 ± 0.265957… (qicharts2's i chart of y / n).
const rows = [
  { month: "2024-01-01", y: 1, n: 10 },
  { month: "2024-02-01", y: 4, n: 20 },
  { month: "2024-03-01", y: 6, n: 20 },
  { month: "2024-04-01", y: 2, n: 5 },
];

describe("i chart with n plots y / n (qicharts2, PowerBI-SPC)", () => {
  it("points, centre and limits of the ratio", () => {
    const c = controlChart(rows, { type: "i", x: "month", y: "y", n: "n" });
    expect(c.points.map((p) => p.y)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(c.points.map((p) => [p.value, p.n])).toEqual([[1, 10], [4, 20], [6, 20], [2, 5]]);
    expect(c.phases[0]!.centre).toBeCloseTo(0.25, 12);
    expect(c.points[0]!.ucl).toBeCloseTo(0.25 + (3 * 0.1) / 1.128, 12);
    expect(c.points[0]!.lcl).toBeCloseTo(0.25 - (3 * 0.1) / 1.128, 12);
  });
  it("multiply scales the ratio (per 1,000)", () => {
    const c = controlChart(rows, { type: "i", x: "month", y: "y", n: "n", multiply: 1000 });
    expect(c.points.map((p) => p.y)).toEqual([100, 200, 300, 400]);
  });
  it("rows sharing an x: Σy / Σn, with a warning saying so", () => {
    const c = controlChart([...rows, { month: "2024-01-01", y: 3, n: 10 }], { type: "i", x: "month", y: "y", n: "n" });
    expect(c.points[0]!.y).toBe(0.2); // (1 + 3) / (10 + 10)
    const w = c.warnings.find((x) => x.code === "rows-combined")!;
    expect(w.points).toEqual([0]);
    expect(w.message).toBe("2 rows share an x with another row (1 x value, the first at x = \"2024-01-01\"): their values and their denominators were summed, and the point is Σy / Σn (as qicharts2 with a denominator).");
  });
  it("with a period given, the first combined x is named by its label: rows dated by their quarter's first day (session 12)", () => {
    const quarters = ["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2024-01-01"].map((month, i) => ({ month, y: i + 1, n: 10 }));
    const c = controlChart(quarters, { type: "p", x: "month", y: "y", n: "n", period: "quarter" });
    expect(c.warnings.find((x) => x.code === "rows-combined")!.message).toMatch(/^2 rows share an x with another row \(1 x value, the first in 2024 Q1\): /);
    const r = runChart(quarters, { x: "month", y: "y", aggregate: "sum", period: "quarter" });
    expect(r.warnings.find((x) => x.code === "rows-combined")!.message).toMatch(/the first in 2024 Q1\)/);
    // A day or week period keeps the x as given: its label would not be shorter.
    const d = runChart(quarters, { x: "month", y: "y", aggregate: "sum", period: "day" });
    expect(d.warnings.find((x) => x.code === "rows-combined")!.message).toMatch(/the first at x = "2024-01-01"\)/);
  });
  it("a row with a denominator but no value is left out of Σy / Σn, and the warning says so (user trial)", () => {
    const p = controlChart([{ m: "2024-01-01", y: 5, n: 10 }, { m: "2024-01-01", y: null, n: 10 }, { m: "2024-02-01", y: 4, n: 10 }, { m: "2024-03-01", y: 6, n: 10 }], { type: "p", x: "m", y: "y", n: "n" });
    expect([p.points[0]!.y, p.points[0]!.n]).toEqual([0.5, 10]);
    expect(p.warnings.find((w) => w.code === "rows-combined")!.message).toBe(
      "2 rows share an x with another row (1 x value, the first at x = \"2024-01-01\"): their values and their denominators were summed, and the point is Σy / Σn (as qicharts2 with a denominator); 1 of these rows has no value and was left out of Σy / Σn (its denominator too).",
    );
  });
  it("rows without a value among rows that share an x are counted in the warning, however they are combined", () => {
    const rows = [{ x: 1, y: 2 }, { x: 1, y: null }, { x: 1, y: null }, { x: 2, y: 4 }, { x: 2, y: 6 }, { x: 3, y: 5 }];
    expect(controlChart(rows, { type: "i", x: "x", y: "y", aggregate: "mean" }).warnings[0]!.message).toMatch(/\(aggregate: "mean"\); 2 of these rows have no value and were left out\.$/);
    expect(controlChart(rows, { type: "i", x: "x", y: "y", aggregate: "count" }).warnings[0]!.message).toMatch(/; 2 of these rows have no value and were not counted\.$/);
    expect(controlChart([...rows, { x: 1, y: 3 }, { x: 3, y: 7 }], { type: "xbar", x: "x", y: "y", sigma: "range" }).warnings.find((w) => w.code === "rows-combined")!.message).toMatch(/\(xbar chart\); 2 of these rows have no value and were left out of their subgroups\.$/);
    expect(controlChart([{ x: 1, y: 2 }, { x: 1, y: 3 }, { x: 2, y: 4 }], { type: "c", x: "x", y: "y" }).warnings[0]!.message).not.toMatch(/no value/);
  });
  it("n on a chart without denominators is an error, as is a bad denominator", () => {
    for (const type of ["mr", "c", "g", "t", "xbar", "s"] as const) expect(fails(() => controlChart(rows, { type, x: "month", y: "y", n: "n" })).path).toEqual(["options", "n"]);
    expect(fails(() => controlChart([{ y: 1, n: 0 }, { y: 2, n: 3 }], { type: "i", y: "y", n: "n" })).code).toBe("invalid-denominator");
  });
});

describe("aggregate on control charts", () => {
  const dup = [
    { x: 1, y: 2 }, { x: 1, y: 4 }, { x: 1, y: 9 },
    { x: 2, y: 5 }, { x: 3, y: 6 }, { x: 4, y: 4 },
  ];
  it("each way of combining, with a warning naming it", () => {
    const got = (aggregate: "sum" | "mean" | "median" | "count" | "sd") => controlChart(dup, { type: "i", x: "x", y: "y", aggregate });
    expect(got("sum").points[0]!.y).toBe(15);
    expect(got("mean").points[0]!.y).toBe(5);
    expect(got("median").points[0]!.y).toBe(4);
    expect(got("count").points[0]!.y).toBe(3);
    const pairs = [...dup, { x: 2, y: 7 }, { x: 3, y: 9 }, { x: 4, y: 4 }];
    const sd = controlChart(pairs, { type: "i", x: "x", y: "y", aggregate: "sd" });
    // x = 1: values 2, 4, 9, mean 5, squares 9 + 1 + 16 = 26, / 2; x = 2: 5, 7 → √2; x = 3: 6, 9 → √4.5; x = 4: 0.
    expect(sd.points.map((p) => p.y)).toEqual([Math.sqrt(13), Math.SQRT2, Math.sqrt(4.5), 0].map((v) => expect.closeTo(v, 12)));
    // qicharts2 applies agg.fun to every x: a lone value's count is 1 and its sd NA.
    expect(got("count").points.map((p) => p.y)).toEqual([3, 1, 1, 1]);
    expect(got("median").warnings[0]).toEqual({
      code: "rows-combined",
      message: "3 rows share an x with another row (1 x value, the first at x = 1): the median of their values was taken (aggregate: \"median\").",
      points: [0],
    });
  });
  it("defaults as qicharts2: u and p charts Σy / Σn, c charts sum; i charts need aggregate", () => {
    const counts = [{ x: 1, y: 2, n: 10 }, { x: 1, y: 3, n: 5 }, { x: 2, y: 4, n: 10 }, { x: 3, y: 1, n: 10 }];
    const u = controlChart(counts, { type: "u", x: "x", y: "y", n: "n" });
    expect(u.points[0]!.y).toBe(5 / 15);
    expect(u.warnings.map((w) => w.code)).toContain("rows-combined");
    const c = controlChart(counts, { type: "c", x: "x", y: "y" });
    expect(c.points[0]!.y).toBe(5);
    expect(c.warnings[0]!.message).toContain(`summed (the c chart's default, as qicharts2; give aggregate ("sum", "mean", "median", "count" or "sd") to choose).`);
    expect(fails(() => controlChart(dup, { type: "i", x: "x", y: "y" })).code).toBe("duplicate-x");
    expect(fails(() => controlChart(counts, { type: "u", x: "x", y: "y", n: "n", aggregate: "mean" })).path).toEqual(["options", "aggregate"]);
    expect(fails(() => controlChart(dup, { type: "xbar", x: "x", y: "y", aggregate: "mean" })).path).toEqual(["options", "aggregate"]);
    expect(fails(() => controlChart(dup, { type: "i", x: "x", y: "y", aggregate: "max" as "sum" })).path).toEqual(["options", "aggregate"]);
  });
});

describe("every field name given must exist", () => {
  for (const [name, f] of [
    ["controlChart", (o: object) => controlChart(rows, { type: "i", x: "month", y: "y", ...o })],
    ["runChart", (o: object) => runChart(rows, { x: "month", y: "y", ...o })],
  ] as const) {
    it(name, () => {
      for (const key of ["x", "y", "n", "notes", "by"]) {
        const e = fails(() => f({ [key]: "nosuchcol" }));
        expect(e.code).toBe("unknown-field");
        expect(e.path).toEqual(["options", key]);
        expect(e.message).toContain('no row has a field "nosuchcol" (the rows have: "month", "y", "n")');
      }
    });
  }
  it("a field missing from some rows is fine (missing values); numbers have no fields", () => {
    expect(() => runChart([{ y: 1 }, { y: 2, note: "a" }, { y: 3 }], { y: "y", notes: "note" })).not.toThrow();
    expect(fails(() => runChart([1, 2, 3], { y: "value" as never })).message).toContain("the data are not rows with fields");
  });
});

describe("run charts: n, multiply, target", () => {
  it("n plots y / n; multiply scales; target is kept", () => {
    const r = runChart(rows, { x: "month", y: "y", n: "n", multiply: 100, target: 35 });
    expect(r.points.map((p) => p.y)).toEqual([10, 20, 30, 40]);
    expect(r.phases[0]!.centre).toBe(25);
    expect(r.settings.multiply).toBe(100);
    expect(r.settings.target).toBe(35);
    expect(runChart([1, 2, 3]).settings.target).toBeNull();
  });
  it("rows sharing an x with n: Σy / Σn and a warning; other aggregates refused", () => {
    const r = runChart([...rows, { month: "2024-01-01", y: 3, n: 10 }], { x: "month", y: "y", n: "n" });
    expect(r.points[0]!.y).toBe(0.2);
    expect(r.warnings[0]!.code).toBe("rows-combined");
    expect(fails(() => runChart(rows, { x: "month", y: "y", n: "n", aggregate: "median" })).path).toEqual(["options", "aggregate"]);
  });
  it("aggregate count and sd; every aggregate warns", () => {
    const dup = [{ x: 1, y: 2 }, { x: 1, y: 4 }, { x: 2, y: 5 }];
    expect(runChart(dup, { x: "x", y: "y", aggregate: "count" }).points.map((p) => p.y)).toEqual([2, 1]);
    const sd = runChart(dup, { x: "x", y: "y", aggregate: "sd" });
    expect(sd.points[0]!.y).toBeCloseTo(Math.SQRT2, 12);
    expect(sd.points[1]!.y).toBeNull();
    expect(runChart(dup, { x: "x", y: "y", aggregate: "mean" }).warnings[0]!.message).toBe(
      "2 rows share an x with another row (1 x value, the first at x = 1): their values were averaged (mean) (aggregate: \"mean\").",
    );
  });
  it("bad n and multiply are errors naming them", () => {
    expect(fails(() => runChart([{ y: 1, n: 0 }], { y: "y", n: "n" })).path).toEqual(["data", 0, "n"]);
    expect(fails(() => runChart([{ y: 1, n: null }], { y: "y", n: "n" })).code).toBe("invalid-denominator");
    expect(fails(() => runChart([1, 2], { multiply: 0 })).path).toEqual(["options", "multiply"]);
    expect(fails(() => runChart([1e308, 2], { multiply: 10 })).path).toEqual(["options", "multiply"]);
    expect(fails(() => runChart([1, 2], { target: Number.NaN })).path).toEqual(["options", "target"]);
  });
});

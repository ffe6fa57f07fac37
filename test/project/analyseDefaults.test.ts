import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { analyseDefaults, type DataSeries } from "../../src/project/index.js";
import type { Measure } from "../../src/measures/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { project } from "./fixture.js";

const out = project.measures.find((m) => m.id === "out")!;
const withPeriod = (period: Measure["definition"]["period"]): Measure => deepFreeze({ ...out, definition: { ...out.definition, period } });
const series = (xs: readonly (string | number)[], baseline?: number | string): DataSeries =>
  deepFreeze({ measure: "out", rows: xs.map((x, i) => ({ x, y: i })), ...(baseline !== undefined ? { baseline } : {}) });

describe("analyseDefaults", () => {
  it("gives x, y, the measure's direction and the series' baseline", () => {
    expect(analyseDefaults(withPeriod("month"), series(["2024-01-01", "2024-02-01"], "2024-01-01"))).toEqual({
      x: "x", y: "y", direction: out.direction, baseline: "2024-01-01", period: "month",
    });
    expect(analyseDefaults(withPeriod("month"), series([1, 2, 3], 2))).toEqual({ x: "x", y: "y", direction: out.direction, baseline: 2 });
  });
  it("gives the measure's period only when every x is a date that starts one", () => {
    expect(analyseDefaults(withPeriod("quarter"), series(["2024-01-01", "2024-04-01"])).period).toBe("quarter");
    expect(analyseDefaults(withPeriod("quarter"), series(["2024-01-01", "2024-05-01"])).period).toBeUndefined();
    expect(analyseDefaults(withPeriod("year"), series(["2023-01-01", "2024-01-01"])).period).toBe("year");
    expect(analyseDefaults(withPeriod("month"), series(["2024-01-01", "2024-02-15"])).period).toBeUndefined();
    // A measure of cases has no calendar period; an empty series none either.
    expect(analyseDefaults(withPeriod("case"), series(["2024-01-01", "2024-02-01"])).period).toBeUndefined();
    expect(analyseDefaults(withPeriod("month"), series([])).period).toBeUndefined();
  });
  it("refuses a series of another measure, or documents of the wrong shape, naming the path", () => {
    const e = (f: () => unknown): QiError => {
      try {
        f();
      } catch (err) {
        if (err instanceof QiError) return err;
      }
      throw new Error("expected a QiError");
    };
    const other = e(() => analyseDefaults(out, { ...series(["2024-01-01"]), measure: "proc" }));
    expect([other.code, other.path]).toEqual(["invalid-value", ["series", "measure"]]);
    expect(other.message).toBe('the series is of measure "proc", not of "out" (at series.measure)');
    expect(e(() => analyseDefaults(out, { measure: "out" } as unknown as DataSeries)).path).toEqual(["series", "rows"]);
    expect(e(() => analyseDefaults({ ...out, direction: undefined } as unknown as Measure, series([]))).path[0]).toBe("measure");
  });
});

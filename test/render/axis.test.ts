import { describe, expect, it } from "vitest";
import { dayNumberFromParts } from "../../src/_lib/calendar.js";
import { buildXAxis, buildYAxis, dateTickLabels } from "../../src/render/axis.js";
import { stepLines } from "../../src/render/steps.js";

const day = (y: number, m: number, d: number): number => dayNumberFromParts(y, m, d);

describe("date axis", () => {
  it("labels years, months (year on the first tick and on January) or days", () => {
    expect(dateTickLabels([day(2023, 1, 1), day(2024, 1, 1)])).toEqual(["2023", "2024"]);
    expect(dateTickLabels([day(2024, 10, 1), day(2025, 1, 1), day(2025, 4, 1)])).toEqual(["Oct 2024", "Jan 2025", "Apr"]);
    expect(dateTickLabels([day(2024, 12, 23), day(2024, 12, 30), day(2025, 1, 6)])).toEqual(["23 Dec 2024", "30 Dec", "6 Jan 2025"]);
  });
  it("puts ticks on UTC calendar days, the same in every time zone", () => {
    const keys = Array.from({ length: 24 }, (_, i) => day(2024 + Math.floor(i / 12), (i % 12) + 1, 1));
    const axis = buildXAxis("date", keys, [0, 600], false);
    expect(axis.ticks.map((t) => t.label)).toEqual(["Jan 2024", "Apr", "Jul", "Oct", "Jan 2025", "Apr", "Jul", "Oct"]);
    expect(axis.pos(keys[0]!)).toBe(0);
    expect(axis.pos(keys[23]!)).toBe(600);
    expect(axis.key("2024-03-01")).toBe(day(2024, 3, 1));
    expect(axis.key(new Date(Date.UTC(2024, 2, 1)))).toBe(day(2024, 3, 1));
    expect(axis.key(5)).toBeNaN();
    expect(axis.format(day(2024, 3, 1))).toBe("Mar 2024");
    // A date inside a month (an annotation on the 5th) is written as the day on a monthly axis.
    expect(axis.format(day(2024, 3, 5))).toBe("5 Mar 2024");
  });
  it("uses integer ticks for observation numbers", () => {
    const axis = buildXAxis("number", [1, 2, 3, 4, 5], [0, 400], true);
    expect(axis.ticks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
  });
  it("gives the y axis nice ticks with the decimals the step needs", () => {
    expect(buildYAxis([0.12, 0.87], [300, 0]).ticks.map((t) => t.label)).toEqual(["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"]);
    expect(buildYAxis([5, 5], [300, 0]).ticks.length).toBeGreaterThan(1);
  });
});

describe("stepLines", () => {
  const xs = [0, 10, 20, 30, 40];
  const id = (v: number): number => v;
  it("draws a constant line solid over the baseline and dashed beyond", () => {
    const out = stepLines({ start: 0, end: 4, baselineStart: 0, baselineEnd: 2 }, xs, [5, 5, 5, 5, 5], id);
    expect(out.solid).toEqual([[[0, 5], [20, 5]]]);
    expect(out.dashed).toEqual([[[20, 5], [40, 5]]]);
  });
  it("steps at the midpoints when the value varies, breaking at nulls", () => {
    const out = stepLines({ start: 0, end: 4, baselineStart: 0, baselineEnd: 4 }, xs, [1, 2, 2, null, 3], id);
    expect(out.solid).toEqual([[[0, 1], [5, 1], [5, 2], [25, 2]], [[35, 3], [40, 3]]]);
    expect(out.dashed).toEqual([]);
  });
  it("draws a fixed (not computed) line solid and a one-point phase as a short tick", () => {
    expect(stepLines({ start: 0, end: 4, baselineStart: null, baselineEnd: null }, xs, [5, 5, 5, 5, 5], id).solid).toEqual([[[0, 5], [40, 5]]]);
    expect(stepLines({ start: 2, end: 2, baselineStart: 2, baselineEnd: 2 }, xs, [0, 0, 7, 0, 0], id).solid).toEqual([[[12, 7], [28, 7]]]);
  });
});

// A user trial's board reader took the legend's "Excluded" under `analyse --period` for data
// someone had left out: the hollow points were periods the rows cover only in part (the CLI's
// partial-period note). The `partialPeriods` render option says which excluded points are such
// periods, and the legend and the tooltips say what they are.
import { describe, expect, it } from "vitest";
import { controlChart, runChart } from "../../src/index.js";
import { renderControlChart, renderRunChart } from "../../src/render/index.js";
import { fails } from "../_shared/fails.js";
import { months, RISE } from "./data.js";

const rows = months(12).map((month, i) => ({ month, y: RISE[i]! }));
const legend = (svg: string): string[] => [...svg.matchAll(/<g class="legend-item legend-([a-z-]+)">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => `${m[1]}: ${m[2]}`);
const hollow = (svg: string): string[] => [...svg.matchAll(/class="point excluded"[^>]*>.*?<title>([^<]*)<\/title>/g)].map((m) => m[1]!);

describe.each([
  ["renderRunChart", (exclude: number[], o: object) => renderRunChart(runChart(rows, { x: "month", y: "y", exclude }), o)],
  ["renderControlChart", (exclude: number[], o: object) => renderControlChart(controlChart(rows, { type: "c", x: "month", y: "y", exclude }), o)],
])("%s: what the hollow points are", (_name, render) => {
  it("all partial periods: 'Partial period (not counted)', in the legend and the tooltips", () => {
    const svg = render([0, 11], { partialPeriods: [0, 11] });
    expect(legend(svg).filter((l) => /excluded|partial/.test(l))).toEqual(["partial: Partial period (not counted)"]);
    expect(hollow(svg)).toEqual(["Jan 2024: 41 (partial period, not counted)", "Dec 2024: 38 (partial period, not counted)"]);
  });

  it("all excluded by the user: 'Excluded', as before", () => {
    const svg = render([3], {});
    expect(legend(svg).filter((l) => /excluded|partial/.test(l))).toEqual(["excluded: Excluded"]);
    expect(hollow(svg)).toEqual(["Apr 2024: 40 (excluded)"]);
  });

  it("both: one item (their marker is one) naming both; each tooltip says which", () => {
    const svg = render([3, 11], { partialPeriods: [11] });
    expect(legend(svg).filter((l) => /excluded|partial/.test(l))).toEqual(["excluded: Excluded or partial period (not counted)"]);
    expect(hollow(svg)).toEqual(["Apr 2024: 40 (excluded)", "Dec 2024: 38 (partial period, not counted)"]);
  });

  it.each([
    [{ partialPeriods: 11 }, ["options", "partialPeriods"], "partialPeriods must be an array of point indices (0-based), not 11"],
    [{ partialPeriods: [12] }, ["options", "partialPeriods", 0], "a partial period must be the index of a point (an integer from 0 to 11), not 12"],
    [{ partialPeriods: [11, 1.5] }, ["options", "partialPeriods", 1], "not 1.5"],
    [{ partialPeriods: [11, 4] }, ["options", "partialPeriods", 1], "point 4 (0-based) is not excluded: a partial period is drawn hollow as an excluded point, so give it in the chart's exclude option too"],
  ])("%j is an invalid-option error naming it", (options, path, message) => {
    const e = fails(() => render([11], options));
    expect(e.code).toBe("invalid-option");
    expect(e.path).toEqual(path);
    expect(e.message).toContain(message);
  });
});

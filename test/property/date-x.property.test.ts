import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlChart, renderControlChart, renderRunChart, runChart, summariseMeasures } from "../../src/index.js";

// A chart of local-midnight Dates is the chart of the same days written as ISO strings: the same
// JSON, the same SVG, the same summary, and the same SVG again after a JSON round trip — in every
// time zone the suite runs under (UTC, Los Angeles, Auckland). Session 13's user trial: east of
// UTC a result holding the caller's Date drew the day before after JSON.
const iso = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

describe("Date x and ISO-string x give the same results", () => {
  it("run and i charts, monthly and daily, with a phase given as a Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 40 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 40, maxLength: 40 }), (n, monthly, values) => {
        const dates = Array.from({ length: n }, (_, i) => (monthly ? new Date(2020, i, 1) : new Date(2023, 2, 20 + i)));
        const asDates = dates.map((d, i) => ({ x: d, y: values[i]! }));
        const asText = dates.map((d, i) => ({ x: iso(d), y: values[i]! }));
        const cut = dates[Math.floor(n / 2)]!;
        const charts = [
          [runChart(asDates, { x: "x", y: "y", direction: "increase", phases: [cut] }), runChart(asText, { x: "x", y: "y", direction: "increase", phases: [iso(cut)] })],
          [controlChart(asDates, { type: "i", x: "x", y: "y", direction: "increase", phases: [cut] }), controlChart(asText, { type: "i", x: "x", y: "y", direction: "increase", phases: [iso(cut)] })],
        ] as const;
        for (const [a, b] of charts) {
          const json = JSON.stringify(a);
          expect(json).toBe(JSON.stringify(b));
          const draw = (c: typeof a) => ("type" in c ? renderControlChart(c) : renderRunChart(c));
          expect(draw(JSON.parse(json) as typeof a)).toBe(draw(b));
          expect(JSON.stringify(summariseMeasures([{ name: "m", chart: a }]))).toBe(JSON.stringify(summariseMeasures([{ name: "m", chart: b }])));
        }
      }),
      { numRuns: 40 },
    );
  });
});

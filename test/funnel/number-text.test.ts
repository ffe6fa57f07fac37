/**
 * Numbers written as text (user trial 14): funnelPlot reads numerators and denominators as
 * runChart and controlChart read y and n (readNumbers, src/_lib/series.ts; docs/reliability.md,
 * "Numbers written as text"): plain decimals in strings are numbers, blanks are missing (an error
 * here: a funnel plot has no way to leave an organisation's count out), other text an error
 * naming the row and field.
 */
import { describe, expect, it } from "vitest";
import { funnelPlot } from "../../src/index.js";
import { fails } from "../_shared/fails.js";
import { deepFreeze } from "../_shared/freeze.js";

const PR = { group: "la", numerator: "within", denominator: "children" } as const;
const NUMBERS = deepFreeze([
  { la: "A", within: 40, children: 50 },
  { la: "B", within: 12, children: 30 },
  { la: "C", within: 70, children: 90 },
]);

describe("funnelPlot reads numbers written as text", () => {
  it("as a CSV reader gives them (\"40\", \" 12 \", \"70.0\"): the same result as numbers", () => {
    const text = deepFreeze([
      { la: "A", within: "40", children: "50" },
      { la: "B", within: " 12 ", children: "30" },
      { la: "C", within: "70.0", children: "9e1" },
    ]);
    const f = funnelPlot(text, PR);
    expect(f).toEqual(funnelPlot(NUMBERS, PR));
    expect(f.target).toBe(122 / 170);
    expect(f.groups.map((g) => [g.numerator, g.denominator])).toEqual([[40, 50], [12, 30], [70, 90]]);
  });
  it("through accessors too", () => {
    const f = funnelPlot(NUMBERS, { group: "la", numerator: (d) => String(d.within), denominator: (d) => `${d.children}` });
    expect(f.target).toBe(122 / 170);
  });
  it("text that is not a plain decimal is an error naming the row and field, as runChart's", () => {
    const e = fails(() => funnelPlot([...NUMBERS, { la: "D", within: "n/a", children: 10 }], PR));
    expect([e.code, e.path]).toEqual(["invalid-value", ["data", 3, "within"]]);
    // "n/a" is a published table's mark for a value not given: the message says what to do (user trial 16).
    expect(e.message).toBe('numerator must be a number; row 3 has "n/a": "n/a" looks like a mark for a value not published (suppressed, confidential or not available): leave the row out, or give the option suppressed: ["n/a"] to leave out each row with that mark, named in the result\'s leftOut (at data[3].within)');
    expect(fails(() => funnelPlot([...NUMBERS, { la: "D", within: "lots", children: 10 }], PR)).message).toBe('numerator must be a number; row 3 has "lots" (at data[3].within)');
    const hex = fails(() => funnelPlot([{ la: "A", within: 1, children: "0x1A" }], PR));
    expect([hex.code, hex.path]).toEqual(["invalid-value", ["data", 0, "children"]]);
    expect(fails(() => funnelPlot([{ la: "A", within: "1,190", children: 2000 }], PR)).message).toContain("thousands separator");
    expect(fails(() => funnelPlot([{ la: "A", within: true, children: 20 }], PR)).path).toEqual(["data", 0, "within"]);
  });
  it("a blank (\"\", \"  \", null, undefined, NaN) is missing: an error naming the row and field", () => {
    for (const blank of ["", "  ", null, undefined, Number.NaN]) {
      const e = fails(() => funnelPlot([...NUMBERS, { la: "D", within: 3, children: blank }], PR));
      expect([e.code, e.path]).toEqual(["invalid-value", ["data", 3, "children"]]);
      expect(e.message).toContain("the denominator of row 3 is missing");
    }
  });
  it("a numeric string of 0 is the denominator-0 error; a negative one the negative error", () => {
    expect(fails(() => funnelPlot([{ la: "A", within: "0", children: "0" }], PR)).message).toContain("is 0: a rate needs cases");
    expect(fails(() => funnelPlot([{ la: "A", within: "-1", children: "10" }], PR)).message).toContain("must not be negative");
  });
});

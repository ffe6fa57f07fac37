import { describe, expect, it } from "vitest";
import { countOf, valueScale } from "../../src/cli/projectRows.js";

describe("valueScale: how a measure's value is scaled from y / n", () => {
  it.each([
    [{ aggregation: "percentage", unit: "%" }, 100],
    [{ aggregation: "percentage", unit: "per cent of children" }, 100],
    [{ aggregation: "proportion", unit: "children" }, 1],
    [{ aggregation: "proportion", unit: "%" }, 100],
    [{ aggregation: "rate", unit: "per 1,000 bed days" }, 1000],
    [{ aggregation: "rate", unit: "per 10000 days" }, 10000],
    [{ aggregation: "rate", unit: "per child" }, 1],
    [{ aggregation: "rate", unit: "%" }, 100],
  ])("%j → ×%d", (definition, scale) => {
    expect(valueScale(definition)).toMatchObject({ scale });
  });
  it("a count, a mean or a rate whose unit names no scale is a problem in words", () => {
    expect(valueScale({ aggregation: "count", unit: "children" })).toEqual({ problem: "it is a count (its definition's aggregation), not a percentage, proportion or rate" });
    expect(valueScale({ aggregation: "rate", unit: "moves" })).toEqual({ problem: 'it is a rate whose unit "moves" does not say its scale (write "per 1,000 days", "per child" or "%")' });
    expect(valueScale(undefined)).toMatchObject({ problem: expect.stringContaining("not a ratio") });
  });
});

describe("countOf: the whole number of cases behind a rounded value", () => {
  it("finds the count within the value's rounding", () => {
    expect(countOf(60, 15, 100)).toEqual({ count: 9 });
    expect(countOf(66.7, 12, 100)).toEqual({ count: 8 }); // 8.004
    expect(countOf(6.2, 16, 100)).toEqual({ count: 1 }); // 0.992: 6.25 % rounded down, at the edge
    expect(countOf(0.333, 3, 1)).toEqual({ count: 1 });
    expect(countOf(2.5, 2000, 1000)).toEqual({ count: 5 }); // a rate per 1,000 days
    expect(countOf((11 / 21) * 100, 21, 100)).toEqual({ count: 11 }); // y / n × 100 computed, unrounded
  });
  it("says when no whole number fits, or more than one does", () => {
    expect(countOf(61.3, 15, 100)).toEqual({ problem: "y 61.3 with n 15 is 9.195 cases (y × n / 100), not a whole number: a chart of counts needs the number of cases behind each value" });
    expect(countOf(60, 300, 100)).toEqual({ problem: "y 60 with n 300 is 180 cases (y × n / 100), which could be any of 179 to 181 as y is rounded: write y with more decimals, or give the counts (--data with --n)" });
  });
});

describe("countOf names the likely slip", () => {
  it("a y that is itself a whole number of cases out of n: the value it should be", () => {
    expect(countOf(14, 31, 100)).toEqual({ problem: "y 14 with n 31 is 4.34 cases (y × n / 100), not a whole number: a chart of counts needs the number of cases behind each value (if 14 is the number of cases, y is 45.16: y is the measure's value, n the cases behind it)" });
  });
});

import { describe, expect, it } from "vitest";
import { anhoejLimits, runsLimits } from "../../src/runchart/limits.js";

// ../shared/reference/run-rules.md, "Limits by number of useful observations n".
const TABLE = `10 3 9 6 2
11 4 9 6 2
12 4 10 7 3
13 4 11 7 3
14 4 12 7 4
15 5 12 7 4
16 5 13 7 4
17 6 13 7 5
18 6 14 7 5
19 6 15 7 6
20 7 15 7 6
21 7 16 7 6
22 8 16 7 7
23 8 17 8 7
24 8 18 8 8
25 9 18 8 8
26 9 19 8 8
27 10 19 8 9
28 10 20 8 9
29 10 21 8 10
30 11 21 8 10
31 11 22 8 11
32 12 22 8 11
33 12 23 8 11
34 12 24 8 12
35 13 24 8 12
36 13 25 8 13
37 14 25 8 13
38 14 26 8 14
39 14 26 8 14
40 15 27 8 14
41 15 28 8 15
42 16 28 8 15
43 16 29 8 16
44 17 29 8 16
45 17 30 8 17
46 17 31 9 17
47 18 31 9 17
48 18 32 9 18
49 19 32 9 18
50 19 33 9 19
51 20 33 9 19
52 20 34 9 20
53 20 35 9 20
54 21 35 9 21
55 21 36 9 21
56 22 36 9 21
57 22 37 9 22
58 23 37 9 22
59 23 38 9 23
60 24 38 9 23`
  .split("\n")
  .map((line) => line.split(" ").map(Number) as [number, number, number, number, number]);

describe("runsLimits", () => {
  it.each(TABLE)("n = %i → lower %i, upper %i", (n, lower, upper) => {
    expect(runsLimits(n)).toEqual({ lower, upper });
  });
  it("rejects n < 2 and bad alpha", () => {
    expect(() => runsLimits(1)).toThrow(/at least 2/);
    expect(() => runsLimits(2.5)).toThrow();
    expect(() => runsLimits(20, { alpha: 0 })).toThrow(/alpha/);
  });
  it("is symmetric about the mean for large n and fast", () => {
    const { lower, upper } = runsLimits(1_000_000);
    const mean = 500_001;
    expect(mean - lower).toBeGreaterThan(900);
    expect(Math.abs(mean - lower - (upper - mean))).toBeLessThanOrEqual(2);
  });
});

describe("anhoejLimits", () => {
  it.each(TABLE)("n = %i → longest run max %i, crossings min %i", (n, _l, _u, longestRunMax, crossingsMin) => {
    expect(anhoejLimits(n)).toEqual({ longestRunMax, crossingsMin });
  });
  // run-rules.md: "Anhøj limits beyond 60"
  const beyond: Array<[number, number, number]> = [
    [61, 9, 24], [62, 9, 24], [63, 9, 25], [65, 9, 25], [66, 9, 26], [67, 9, 26], [68, 9, 27], [69, 9, 27],
    [70, 9, 28], [71, 9, 28], [72, 9, 29], [74, 9, 29], [75, 9, 30], [76, 9, 30], [77, 9, 31], [78, 9, 31],
    [79, 9, 32], [80, 9, 32], [81, 9, 33], [82, 9, 33], [83, 9, 34], [85, 9, 34], [86, 9, 35], [87, 9, 35],
    [88, 9, 36], [89, 9, 36], [90, 9, 37], [91, 10, 37], [92, 10, 38], [93, 10, 38], [94, 10, 39], [96, 10, 39],
    [97, 10, 40], [98, 10, 40], [99, 10, 41], [100, 10, 41], [181, 10, 81], [182, 11, 82],
  ];
  it.each(beyond)("n = %i → %i, %i", (n, longestRunMax, crossingsMin) => {
    const got = anhoejLimits(n);
    expect(got.longestRunMax).toBe(longestRunMax);
    if (n <= 100) expect(got.crossingsMin).toBe(crossingsMin);
  });
});

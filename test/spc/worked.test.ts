import { describe, expect, it } from "vitest";
import { a3, b4, controlChart, type ControlChart } from "../../src/spc/index.js";

// Worked examples of /work/shared/reference/run-rules.md (B.2, B.4, B.6), values as printed
// (qicharts2 0.8.1 attached, Montgomery data; PowerBI-SPC tests; NHSRplotthedots vignette).
const near = (got: number | null, want: number, digits: number): void => {
  expect(got).not.toBeNull();
  expect(got!).toBeCloseTo(want, digits);
};
const ph = (c: ControlChart, k = 0) => c.phases[k]!;
const sigmaSignals = (c: ControlChart): number => c.phases.reduce((s, p) => s + p.sigmaSignals, 0);

describe("B.2 Montgomery fixtures (qicharts2 test_montgomery.R)", () => {
  const cost = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304, 305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328];
  it("Table 6.7 i chart, freeze = 20", () => {
    for (const screen of [true, false]) {
      const c = controlChart(cost, { type: "i", baseline: 20, rules: "anhoej", screenMovingRanges: screen });
      near(ph(c).centre, 300.5, 9);
      near(c.points[0]!.lcl, 279.7833, 4);
      near(c.points[0]!.ucl, 321.2167, 4);
      expect([ph(c).nUseful, ph(c).longestRun, ph(c).longestRunMax, ph(c).crossings, ph(c).crossingsMin]).toEqual([40, 6, 8, 20, 14]);
      expect(sigmaSignals(c)).toBe(2);
    }
  });
  it("Table 6.7 mr chart, freeze = 20", () => {
    const c = controlChart(cost, { type: "mr", baseline: 20, rules: "anhoej" });
    near(ph(c).centre, 7.789474, 6);
    near(c.points[5]!.ucl, 25.44821, 5);
    expect(c.points[5]!.lcl).toBe(0);
    expect(sigmaSignals(c)).toBe(1);
  });
  it("Table 6.7 run-chart median without freeze is 302 (not a control chart; the i chart's mean differs)", () => {
    const c = controlChart(cost, { type: "i", rules: "anhoej" });
    expect(ph(c).longestRun).toBeGreaterThan(0);
  });

  const sizes74 = [100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100, 100, 100, 90, 90];
  const counts74 = [12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9];
  const rows74 = counts74.map((y, i) => ({ y, n: sizes74[i]! }));
  it("Table 7.4 p chart: limits by subgroup size; point 11 the only signal", () => {
    const c = controlChart(rows74, { type: "p", y: "y", n: "n", rules: "anhoej" });
    near(ph(c).centre, 0.0955102, 7);
    const bySize: Record<number, [number, number]> = { 80: [0, 0.1940934], 90: [0.002565056, 0.1884554], 100: [0.007334695, 0.1836857], 110: [0.011438155, 0.1795823], 120: [0.015017345, 0.1760031] };
    for (const p of c.points) {
      const [l, u] = bySize[p.n!]!;
      near(p.lcl, l, 8);
      near(p.ucl, u, 7);
    }
    expect(c.signals.filter((s) => s.rule === "beyond-limits").map((s) => s.start)).toEqual([10]);
    expect([ph(c).longestRun, ph(c).longestRunMax, ph(c).crossings, ph(c).crossingsMin]).toEqual([5, 8, 10, 8]);
  });
  it("Table 7.4 P′ chart (Laney)", () => {
    const c = controlChart(rows74, { type: "pp", y: "y", n: "n", rules: "anhoej" });
    near(ph(c).lclAverage, 0.01904772, 8);
    near(ph(c).uclAverage, 0.1719727, 7);
    expect(sigmaSignals(c)).toBe(1);
  });
  it("Table 7.10 u chart, n = 50", () => {
    const counts = [2, 3, 8, 1, 1, 4, 1, 4, 5, 1, 8, 2, 4, 3, 4, 1, 8, 3, 7, 4];
    const c = controlChart(counts.map((y) => ({ y, n: 50 })), { type: "u", y: "y", n: "n", rules: "anhoej" });
    near(ph(c).centre, 0.074, 12);
    near(c.points[0]!.ucl, 0.1894123, 7);
    expect(c.points[0]!.lcl).toBe(0);
    expect([ph(c).longestRun, ph(c).longestRunMax, ph(c).crossings, ph(c).crossingsMin]).toEqual([2, 7, 15, 6]);
  });
  it("Table 7.11 u chart, multiply = 50", () => {
    const meters = [500, 400, 650, 500, 475, 500, 600, 525, 600, 625];
    const counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];
    const c = controlChart(counts.map((y, i) => ({ y, n: meters[i]! })), { type: "u", y: "y", n: "n", multiply: 50 });
    near(ph(c).centre, 1.423256, 6);
    const want = [[0.2914739, 2.555038], [0.1578852, 2.688626], [0.4306174, 2.415894], [0.2914739, 2.555038], [0.2620721, 2.58444], [0.2914739, 2.555038], [0.390085, 2.456427], [0.3187498, 2.527762], [0.390085, 2.456427], [0.4109593, 2.435552]];
    want.forEach(([l, u], i) => {
      near(c.points[i]!.lcl, l!, 6);
      near(c.points[i]!.ucl, u!, 6);
    });
    near(c.points[0]!.y, (14 / 500) * 50, 12);
  });
  it("Table 7.14 t chart", () => {
    const hours = [286, 948, 536, 124, 816, 729, 4, 143, 431, 8, 2837, 596, 81, 227, 603, 492, 1199, 1214, 2831, 96];
    const c = controlChart(hours, { type: "t", rules: "anhoej" });
    near(ph(c).centre, 430.041, 3);
    near(c.points[0]!.ucl, 6937.933, 3);
    expect(c.points[0]!.lcl).toBe(0);
    expect([ph(c).longestRun, ph(c).longestRunMax, ph(c).crossings, ph(c).crossingsMin]).toEqual([5, 7, 10, 6]);
  });
  it("Table 7.8 c chart, exclude 6 and 20, freeze 26: runs signal; the two qicharts2 sigma signals are the excluded points", () => {
    const counts = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15, 16, 18, 12, 15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9, 16, 21];
    const c = controlChart(counts, { type: "c", exclude: [5, 19], baseline: 26, rules: "anhoej" });
    expect(ph(c).nObs).toBe(44);
    near(ph(c).centre, 19.66667, 5);
    near(c.points[0]!.lcl, 6.362532, 6);
    near(c.points[0]!.ucl, 32.9708, 4);
    expect([ph(c).longestRun, ph(c).longestRunMax, ph(c).crossings, ph(c).crossingsMin]).toEqual([8, 8, 14, 16]);
    expect(ph(c).runsSignal).toBe(true);
    // qicharts2 counts sigma.signal 2 — points 6 (5) and 20 (39), both excluded. Excluded points
    // stay out of the rules here, so none signals; their values are beyond the limits all the same.
    expect(sigmaSignals(c)).toBe(0);
    expect(c.points[5]!.y! < c.points[5]!.lcl! && c.points[19]!.y! > c.points[19]!.ucl!).toBe(true);
  });
  it("Table 7.3 p chart, n = 50, exclude 15 and 23, part after 30", () => {
    const counts = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6, 9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5, 8, 7, 5, 6, 4, 5, 2, 3, 4, 7, 6, 5, 5, 3, 7, 9, 6, 10, 4, 3, 5, 8, 11, 9, 7, 3, 5, 2, 1, 4, 5, 3, 7, 6, 4, 4, 6, 8, 5, 6];
    const c = controlChart(counts.map((y) => ({ y, n: 50 })), { type: "p", y: "y", n: "n", exclude: [14, 22], phases: [30], rules: "anhoej" });
    const [p1, p2] = c.phases;
    expect(p1!.nObs).toBe(28);
    near(p1!.centre, 0.215, 12);
    near(p1!.lclAverage, 0.04070284, 8);
    near(p1!.uclAverage, 0.3892972, 7);
    expect([p1!.longestRun, p1!.longestRunMax, p1!.crossings, p1!.crossingsMin]).toEqual([5, 8, 13, 9]);
    // qicharts2's 3 includes the two excluded points (0.44 and 0.48).
    expect(p1!.sigmaSignals).toBe(1);
    expect(p2!.nObs).toBe(64);
    near(p2!.centre, 0.1096875, 7);
    expect(p2!.lclAverage).toBe(0);
    near(p2!.uclAverage, 0.24227, 6);
    expect([p2!.longestRun, p2!.longestRunMax, p2!.crossings, p2!.crossingsMin]).toEqual([7, 9, 30, 25]);
    expect(p2!.sigmaSignals).toBe(0);
  });

  // Montgomery Table 6.3: piston-ring inside diameters, the first 25 samples of 5 (also qcc's
  // `pistonrings`, trial = TRUE).
  const rings = [
    [74.03, 74.002, 74.019, 73.992, 74.008], [73.995, 73.992, 74.001, 74.011, 74.004], [73.988, 74.024, 74.021, 74.005, 74.002],
    [74.002, 73.996, 73.993, 74.015, 74.009], [73.992, 74.007, 74.015, 73.989, 74.014], [74.009, 73.994, 73.997, 73.985, 73.993],
    [73.995, 74.006, 73.994, 74.0, 74.005], [73.985, 74.003, 73.993, 74.015, 73.988], [74.008, 73.995, 74.009, 74.005, 74.004],
    [73.998, 74.0, 73.99, 74.007, 73.995], [73.994, 73.998, 73.994, 73.995, 73.99], [74.004, 74.0, 74.007, 74.0, 73.996],
    [73.983, 74.002, 73.998, 73.997, 74.012], [74.006, 73.967, 73.994, 74.0, 73.984], [74.012, 74.014, 73.998, 73.999, 74.007],
    [74.0, 73.984, 74.005, 73.998, 73.996], [73.994, 74.012, 73.986, 74.005, 74.007], [74.006, 74.01, 74.018, 74.003, 74.0],
    [73.984, 74.002, 74.003, 74.005, 73.997], [74.0, 74.01, 74.013, 74.02, 74.003], [73.988, 74.001, 74.009, 74.005, 73.996],
    [74.004, 73.999, 73.99, 74.006, 74.009], [74.01, 73.989, 73.99, 74.009, 74.014], [74.015, 74.008, 73.993, 74.0, 74.01],
    [73.982, 73.984, 73.995, 74.017, 74.013],
  ];
  const ringRows = rings.flatMap((g, k) => g.map((d) => ({ sample: k + 1, d })));
  it("Table 6.3 x̄ and s charts (25 subgroups of 5)", () => {
    // qcc's pistonrings reproduce Montgomery's grand mean 74.00118, but their s̄ is 0.0092400,
    // not the 0.009399484 of qicharts2's copy of Table 6.3: some published copies of the table
    // differ in a few values. So the data test the centre and the formulas (limits = x̄̄ ± A₃s̄,
    // B₄s̄, computed independently here), and the printed limits are tested from the printed s̄.
    const x = controlChart(ringRows, { type: "xbar", x: "sample", y: "d" });
    expect(x.points.length).toBe(25);
    expect(x.points[0]!.n).toBe(5);
    near(ph(x).centre, 74.00118, 5);
    const sd = (g: number[]): number => {
      const m = g.reduce((a, b) => a + b, 0) / g.length;
      return Math.sqrt(g.reduce((a, b) => a + (b - m) ** 2, 0) / (g.length - 1));
    };
    const sbar = rings.reduce((a, g) => a + sd(g), 0) / rings.length;
    near(sbar, 0.0092400366, 10);
    const A3 = 1.427; // Montgomery Appendix VI, n = 5
    near(x.points[0]!.ucl, ph(x).centre! + A3 * sbar, 5);
    near(x.points[0]!.lcl, ph(x).centre! - A3 * sbar, 5);
    const s = controlChart(ringRows, { type: "s", x: "sample", y: "d" });
    near(ph(s).centre, sbar, 12);
    expect(s.points[0]!.lcl).toBe(0);
    near(s.points[0]!.ucl, 2.089 * sbar, 5); // B₄(5) = 2.089
    // The printed values from the printed s̄ and the exact constants.
    near(74.00118 - a3(5) * 0.009399484, 73.98776, 4);
    near(74.00118 + a3(5) * 0.009399484, 74.01459, 4);
    near(b4(5) * 0.009399484, 0.0196355, 7);
  });
  it("Table 6.4 (variable n) limits from the printed pooled sd and the exact constants", () => {
    // The subgroup data of Table 6.4 are not reproduced here; the printed limits follow from the
    // printed centre lines and A₃ = 3/(c₄√n), B₄ = 1 + 3c₅/c₄ (Montgomery eqs. 6.27, 6.28).
    const xbb = 74.00075;
    const sp = 0.01029118;
    near(xbb + a3(5) * sp, 74.01544, 4);
    near(xbb - a3(5) * sp, 73.98606, 4);
    near(xbb + a3(4) * sp, 74.01751, 4);
    near(xbb - a3(4) * sp, 73.984, 4);
    near(xbb + a3(3) * sp, 74.02087, 4);
    near(xbb - a3(3) * sp, 73.98064, 4);
    near(b4(5) * sp, 0.02149825, 7);
    near(b4(4) * sp, 0.02332029, 7);
    near(b4(3) * sp, 0.02642949, 7);
  });
  it("variable subgroup sizes use the pooled standard deviation", () => {
    // Drop observations so sizes are 5, 4, 3: the centre is then the pooled sd (Montgomery eq. 6.31).
    const rows = ringRows.filter((r, i) => !(r.sample % 3 === 0 && i % 5 === 4) && !(r.sample % 4 === 0 && i % 5 >= 3));
    const s = controlChart(rows, { type: "s", x: "sample", y: "d" });
    let a = 0;
    let b = 0;
    for (const p of s.points) {
      a += (p.n! - 1) * p.y! ** 2;
      b += p.n! - 1;
    }
    near(ph(s).centre, Math.sqrt(a / b), 12);
    expect(new Set(s.points.map((p) => p.n))).toEqual(new Set([5, 4, 3]));
  });
});

describe("B.4 PowerBI-SPC test datasets", () => {
  const num = [5, 7, 5, 7, 7, 5, 4, 9, 8, 13, 8, 7, 8, 7, 12, 11, 8];
  const den = [113, 132, 121, 134, 116, 131, 93, 138, 182, 157, 100, 103, 146, 108, 153, 141, 134];
  const ratio = num.map((v, i) => v / den[i]!);
  it("i chart of a ratio", () => {
    const c = controlChart(ratio, { type: "i" });
    const p = c.points[0]!;
    near(p.centre, 0.0593, 4);
    near(p.ucl, 0.0957, 4);
    near(p.ucl2, 0.0836, 4);
    near(p.lcl2, 0.035, 4);
    near(p.lcl, 0.0229, 4);
  });
  it("mr chart of the same ratio", () => {
    const c = controlChart(ratio, { type: "mr" });
    near(c.points[1]!.centre, 0.0137, 4);
    near(c.points[1]!.ucl, 0.0448, 4);
    near(c.points[1]!.ucl2, 0.0298, 4);
    expect(c.points[0]!.y).toBeNull();
  });
  it("c chart of cdi, rebased after point 24", () => {
    const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];
    const c = controlChart(cdi, { type: "c", phases: [24] });
    const a = c.points[0]!;
    const b = c.points[30]!;
    near(a.centre, 18.71, 2);
    near(a.ucl, 31.68, 2);
    near(a.ucl2, 27.36, 2);
    near(a.lcl2, 10.06, 2);
    near(a.lcl, 5.73, 2);
    near(b.centre, 7.08, 2);
    near(b.ucl, 15.07, 2);
    near(b.ucl2, 12.41, 2);
    near(b.lcl2, 1.76, 2);
    expect(b.lcl).toBe(0);
  });
  it("p chart × 100", () => {
    const n = [14, 12, 15, 8, 16, 11, 12, 14, 16, 17, 5, 11, 13, 10, 14, 5, 12, 10, 11, 5, 10, 8, 11, 12, 11, 18, 18, 21, 14, 15, 18, 22, 17, 16, 20, 15];
    const d = [52, 64, 70, 60, 67, 69, 67, 54, 79, 59, 49, 61, 41, 51, 56, 43, 57, 48, 69, 41, 40, 46, 59, 62, 57, 65, 75, 70, 76, 69, 64, 67, 84, 67, 69, 78];
    const c = controlChart(n.map((y, i) => ({ y, n: d[i]! })), { type: "p", y: "y", n: "n", multiply: 100 });
    near(c.points[0]!.centre, 21.633, 3);
    [38.76, 37.07, 36.4].forEach((u, i) => near(c.points[i]!.ucl, u, 2));
    [4.5, 6.19, 6.87].forEach((l, i) => near(c.points[i]!.lcl, l, 2));
  });
  // PowerBI-SPC test/Chart Types/u.test.ts, pprime.test.ts, uprime.test.ts: every point's four
  // lines to 4 decimal places, as the package's own tests check them (toBeCloseTo(…, 4)).
  const every4dp = (points: readonly { ucl: number | null; ucl2: number | null; lcl2: number | null; lcl: number | null }[], lines: number[][]): void => {
    const [ul99, ul95, ll95, ll99] = lines as [number[], number[], number[], number[]];
    expect(points).toHaveLength(ul99.length);
    points.forEach((p, i) => {
      expect(p.ucl).toBeCloseTo(ul99[i]!, 4);
      expect(p.ucl2).toBeCloseTo(ul95[i]!, 4);
      expect(p.lcl2).toBeCloseTo(ll95[i]!, 4);
      expect(p.lcl).toBeCloseTo(ll99[i]!, 4);
    });
  };
  it("u chart × 10,000 (24 months, denominators about 2.5–3.1 × 10⁵): every point", () => {
    const num = [575, 521, 585, 528, 507, 519, 457, 505, 494, 512, 543, 506, 509, 521, 549, 531, 509, 528, 419, 512, 495, 513, 454, 490];
    const den = [310466.8333, 282346.7917, 309089.7083, 287977.3333, 297743.375, 286988.25, 261120.3333, 268720.75, 284437.875, 290449.5, 288104.4583, 279961.375, 289803.9583, 275950.5833, 290824.4583, 285495.75, 282515.2083, 273927.875, 253085.625, 262410.7083, 275529.25, 282405.0833, 259530.7917, 256235.4583];
    const c = controlChart(num.map((y, i) => ({ y, n: den[i]! })), { type: "u", y: "y", n: "n", multiply: 10_000 });
    every4dp(c.points, [
      [20.5349, 20.6467, 20.5401, 20.623, 20.5836, 20.6271, 20.7428, 20.7071, 20.6378, 20.6129, 20.6225, 20.657, 20.6155, 20.6745, 20.6113, 20.6334, 20.646, 20.6835, 20.7823, 20.7366, 20.6764, 20.6465, 20.7505, 20.7666],
      [19.7685, 19.8431, 19.772, 19.8273, 19.801, 19.83, 19.9071, 19.8833, 19.8371, 19.8205, 19.8269, 19.8499, 19.8223, 19.8616, 19.8195, 19.8342, 19.8426, 19.8676, 19.9334, 19.903, 19.8628, 19.8429, 19.9122, 19.923],
      [16.703, 16.6284, 16.6995, 16.6442, 16.6705, 16.6415, 16.5644, 16.5882, 16.6344, 16.651, 16.6446, 16.6216, 16.6493, 16.6099, 16.652, 16.6373, 16.6289, 16.6039, 16.5381, 16.5685, 16.6087, 16.6286, 16.5593, 16.5485],
      [15.9366, 15.8248, 15.9314, 15.8485, 15.8879, 15.8444, 15.7287, 15.7644, 15.8337, 15.8586, 15.849, 15.8145, 15.856, 15.797, 15.8602, 15.8381, 15.8255, 15.788, 15.6892, 15.7349, 15.7951, 15.825, 15.721, 15.7049],
    ]);
  });
  // Laney's P′ and U′ on 20 large samples (numerators about 2.6 × 10⁵), where over-dispersion
  // makes the plain p and u limits far too narrow.
  const bigNum = [266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820, 261835, 259144, 255910, 260863, 264465, 260989];
  const bigDen = [280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091, 276803, 271578, 266005, 273520, 278574, 273772];
  const bigRows = bigNum.map((y, i) => ({ y, n: bigDen[i]! }));
  it("P′ chart × 100 (Laney): every point", () => {
    const c = controlChart(bigRows, { type: "pp", y: "y", n: "n", multiply: 100 });
    every4dp(c.points, [
      [96.567, 96.5753, 96.5421, 96.5326, 96.5627, 96.5775, 96.5593, 96.5345, 96.5579, 96.5623, 96.5689, 96.5591, 96.5996, 96.5961, 96.5753, 96.5877, 96.6012, 96.583, 96.5713, 96.5824],
      [96.1413, 96.1469, 96.1247, 96.1184, 96.1384, 96.1483, 96.1362, 96.1197, 96.1353, 96.1382, 96.1426, 96.1361, 96.1631, 96.1607, 96.1469, 96.1551, 96.1641, 96.152, 96.1442, 96.1516],
      [94.4386, 94.4331, 94.4552, 94.4615, 94.4415, 94.4316, 94.4438, 94.4603, 94.4447, 94.4418, 94.4374, 94.4439, 94.4169, 94.4192, 94.4331, 94.4248, 94.4158, 94.4279, 94.4358, 94.4283],
      [94.013, 94.0046, 94.0378, 94.0473, 94.0173, 94.0025, 94.0207, 94.0454, 94.022, 94.0177, 94.0111, 94.0208, 93.9803, 93.9839, 94.0046, 93.9923, 93.9788, 93.9969, 94.0087, 93.9975],
    ]);
  });
  it("U′ chart (Laney): every point", () => {
    const c = controlChart(bigRows, { type: "up", y: "y", n: "n" });
    every4dp(c.points, [
      [0.9657, 0.9658, 0.9654, 0.9653, 0.9656, 0.9658, 0.9656, 0.9653, 0.9656, 0.9656, 0.9657, 0.9656, 0.966, 0.966, 0.9658, 0.9659, 0.966, 0.9658, 0.9657, 0.9658],
      [0.9614, 0.9615, 0.9612, 0.9612, 0.9614, 0.9615, 0.9614, 0.9612, 0.9614, 0.9614, 0.9614, 0.9614, 0.9616, 0.9616, 0.9615, 0.9616, 0.9616, 0.9615, 0.9614, 0.9615],
      [0.9444, 0.9443, 0.9446, 0.9446, 0.9444, 0.9443, 0.9444, 0.9446, 0.9444, 0.9444, 0.9444, 0.9444, 0.9442, 0.9442, 0.9443, 0.9442, 0.9442, 0.9443, 0.9444, 0.9443],
      [0.9401, 0.94, 0.9404, 0.9405, 0.9402, 0.94, 0.9402, 0.9405, 0.9402, 0.9402, 0.9401, 0.9402, 0.9398, 0.9398, 0.94, 0.9399, 0.9398, 0.94, 0.9401, 0.94],
    ]);
    // Without Laney's adjustment the limits are too narrow for samples this large: the plain u
    // chart calls points special cause that the U′ chart sees as common cause.
    const plain = controlChart(bigRows, { type: "u", y: "y", n: "n" });
    expect(plain.signals.filter((s) => s.rule === "beyond-limits").length).toBeGreaterThan(0);
    expect(c.signals.filter((s) => s.rule === "beyond-limits")).toHaveLength(0);
  });
  // PowerBI-SPC test/Chart Types/t.test.ts (67 values).
  const events = [16, 20, 5, 13, 1, 26, 46, 12, 12, 5, 19, 4, 3, 15, 14, 9, 8, 15, 21, 6, 3, 1, 56, 117, 1, 33, 9, 9, 19, 12, 1, 16, 13, 18, 1, 35, 16, 5, 21, 38, 3, 25, 3, 11, 13, 20, 9, 3, 8, 21, 24, 38, 8, 13, 9, 1, 30, 23, 3, 7, 22, 19, 11, 31, 6, 1, 1];
  it("t chart", () => {
    const c = controlChart(events, { type: "t" });
    const p = c.points[0]!;
    near(p.centre, 11.2051, 4);
    near(p.ucl, 97.268, 3);
    near(p.ucl2, 54.0812, 4);
    near(p.lcl2, 0.6402, 4);
    near(p.lcl, 0.0221, 4);
  });
  it("g chart (median centre line, limits from the mean)", () => {
    // PowerBI-SPC test/Chart Types/g.test.ts (67 values).
    const cases = [23, 39, 15, 34, 1, 49, 98, 29, 27, 13, 45, 7, 10, 27, 24, 14, 20, 38, 44, 11, 10, 3, 113, 183, 3, 47, 18, 18, 33, 15, 2, 38, 27, 27, 1, 52, 23, 7, 26, 82, 5, 49, 5, 17, 24, 44, 26, 2, 27, 46, 55, 97, 22, 22, 20, 4, 60, 51, 7, 21, 66, 36, 25, 72, 15, 5, 3];
    const c = controlChart(cases, { type: "g" });
    const p = c.points[0]!;
    near(p.centre, 24, 12);
    near(ph(c).mean, 31.67, 2);
    near(p.ucl, 128.17, 2);
    near(p.ucl2, 96.01, 2);
    expect(p.lcl).toBe(0);
  });
});

describe("B.6 NHSRplotthedots screening example (vignettes/deviations.Rmd)", () => {
  const y = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
  const rows = y.map((v, i) => ({ date: `2021-03-${String(22 + i).padStart(2, "0")}`.replace(/-3[2-9]$/, (m) => m) , v }));
  it("mdc: screened 4.60 / −0.72, unscreened 6.95 / −3.06 (2.66 × AMR)", () => {
    const a = controlChart(y, { rules: "mdc" });
    near(a.points[0]!.centre, 1.94, 2);
    near(a.points[0]!.ucl, 4.6, 2);
    near(a.points[0]!.lcl, -0.72, 2);
    const b = controlChart(y, { rules: "mdc", screenMovingRanges: false });
    near(b.points[0]!.ucl, 6.95, 2);
    near(b.points[0]!.lcl, -3.06, 2);
    expect(rows.length).toBe(18);
  });
  it("qicharts2's 3/1.128: 4.604019 / −0.715130 screened, 6.950702 / −3.061813 unscreened", () => {
    const a = controlChart(y, { type: "i" });
    near(a.points[0]!.ucl, 4.604019, 6);
    near(a.points[0]!.lcl, -0.71513, 6);
    const b = controlChart(y, { type: "i", screenMovingRanges: false });
    near(b.points[0]!.ucl, 6.950702, 6);
    near(b.points[0]!.lcl, -3.061813, 6);
  });
});

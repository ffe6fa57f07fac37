// Issue #18, finding 7: crashes and silent drops at the edges of the numbers.
import { describe, expect, it } from "vitest";
import { controlChart, summariseControlChart } from "../../src/spc/index.js";

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code?: string; path?: unknown[] };
  }
  throw new Error("did not throw");
};

describe("control charts at the edges of the numbers", () => {
  it("twelve values of 1e308 have a centre (the sum overflowed: 'no values')", () => {
    const c = controlChart(Array(12).fill(1e308), { type: "i" });
    expect(c.warnings).toEqual([]);
    expect(c.points.map((p) => p.centre)).toEqual(Array(12).fill(1e308));
    const mixed = controlChart([1.7e308, 1.6e308, 1.75e308, 1.5e308], { type: "i" });
    expect(mixed.points[0]!.centre).toBeCloseTo(1.6375e308, -300);
    expect(mixed.points[0]!.ucl).toBeNull(); // above MAX_VALUE: does not exist
    expect(mixed.points[0]!.lcl).toBeCloseTo(1.6375e308 - (3 / 1.128) * (0.5e308 / 3), -300);
  });

  it("a limit beyond ±MAX_VALUE is null with a limits-out-of-range warning naming it, never silently (user trial 14)", () => {
    // mean 2.7e308/7 = 3.857e307; AMR (1e300 + 1e300 + 9.7e307 + 7e307 + 1.69e308 + 1e300) / 6 = 5.667e307;
    // UCL 3.857e307 + 2.6596 · 5.667e307 = 1.89e308 > MAX_VALUE (1.797e308); LCL −1.121e308.
    const c = controlChart([1e300, 2e300, 3e300, 1e308, 1.7e308, 1e300, 2e300]);
    expect(c.points.every((p) => p.ucl === null)).toBe(true);
    expect(c.points[0]!.lcl).toBeCloseTo(-1.1213778955775075e308, -300);
    expect(c.warnings).toEqual([
      {
        code: "limits-out-of-range",
        points: [0, 1, 2, 3, 4, 5, 6],
        message: "The upper control limit is beyond the largest number JavaScript can hold (±1.8e308) at 7 points (1–7): it is left out (null), and no value can be above it. Rescale the values (divide them by a power of ten) to draw it.",
      },
    ]);
    const text = summariseControlChart(c);
    expect(text).toContain("Phase 1 (points 1–7): mean 3.86e+307, control limits -1.12e+308 to none, no points beyond the limits.");
    expect(text).toContain("\nNote: The upper control limit is beyond the largest number");
    // Both sides on an MDC chart ("process limit"): mean 0, AMR 1.6e308, 3σ = 4.26e308.
    const both = controlChart([0.8e308, -0.8e308, 0.8e308, -0.8e308], { type: "i", rules: "mdc" });
    expect(both.points.map((p) => [p.ucl, p.lcl])).toEqual(Array(4).fill([null, null]));
    expect(both.warnings.map((w) => w.message)).toEqual([
      "The upper and lower process limits are beyond the largest number JavaScript can hold (±1.8e308) at 4 points (1–4): they are left out (null), and no value can be beyond them. Rescale the values (divide them by a power of ten) to draw them.",
    ]);
    // An EWMA's limits too.
    expect(controlChart([1e308, 1.5e308, 1e308, 1.2e308, 1.4e308], { type: "ewma", sigma: 1e308 }).warnings.map((w) => w.code)).toContain("limits-out-of-range");
    // A chart whose limits fit has no such warning.
    expect(controlChart(Array(12).fill(1e308), { type: "i" }).warnings).toEqual([]);
  });

  it("values near -MAX_VALUE give a centre and finite limits where they exist", () => {
    const c = controlChart([-1.79e308, -1.0e308, -1.79e308, -1.2e308, -1.5e308], { type: "i" });
    expect(c.points[0]!.centre).toBeCloseTo(-1.456e308, -305);
    expect(Number.isFinite(c.points[0]!.ucl!)).toBe(true);
    expect(c.points[0]!.lcl).toBeNull(); // below -MAX_VALUE: does not exist
  });

  it("moving ranges beyond MAX_VALUE are a coded error, not 'no moving range'", () => {
    expect(thrown(() => controlChart([1.7e308, -1.7e308, 1.7e308, -1.7e308], { type: "i" }))).toMatchObject({ code: "invalid-value", path: ["data"] });
  });

  it("a u chart with n = 5e-324 is invalid-denominator, not a point dropped while its count enters the centre", () => {
    const rows = [{ y: 1, n: 10 }, { y: 2, n: 5e-324 }, { y: 3, n: 10 }, { y: 2, n: 10 }];
    expect(thrown(() => controlChart(rows, { type: "u", y: "y", n: "n" }))).toMatchObject({ code: "invalid-denominator", path: ["data", 1, "n"] });
    expect(thrown(() => controlChart(rows, { type: "up", y: "y", n: "n" }))).toMatchObject({ code: "invalid-denominator", path: ["data", 1, "n"] });
    // A zero count over a tiny n is a rate of 0: fine.
    expect(controlChart([{ y: 1, n: 10 }, { y: 0, n: 5e-324 }, { y: 3, n: 10 }], { type: "u", y: "y", n: "n" }).points[1]!.y).toBe(0);
  });
});

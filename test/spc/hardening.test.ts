// Issue #18, finding 7: crashes and silent drops at the edges of the numbers.
import { describe, expect, it } from "vitest";
import { controlChart } from "../../src/spc/index.js";

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

import { describe, expect, it } from "vitest";
import { createArena } from "../../src/_lib/arena.js";
import { runChart } from "../../src/runchart/index.js";

describe("arena", () => {
  it("arrays carved from a reused buffer start at zero, small and large", () => {
    for (const bytes of [1024, 4 << 20]) {
      const a = createArena(bytes);
      const f = a.f64(bytes / 16);
      const u = a.u16(8);
      f.fill(7);
      u.fill(9);
      a.release();
      const b = createArena(bytes);
      expect(b.f64(bytes / 16).every((v) => v === 0)).toBe(true);
      expect(b.u16(8).every((v) => v === 0)).toBe(true);
      b.release();
    }
  });

  it("asks beyond its buffer are served by fresh arrays", () => {
    const a = createArena(64);
    expect(a.f64(100)).toHaveLength(100);
    expect(a.u8(1000).every((v) => v === 0)).toBe(true);
    a.release();
  });

  it("back-to-back long analyses that reuse the large buffer give the same answers as fresh ones", () => {
    const a = Array.from({ length: 60_000 }, (_, i) => ((i * 7919) % 101) + (i > 30_000 ? 5 : 0));
    const b = Array.from({ length: 60_000 }, (_, i) => ((i * 104_729) % 89) - (i % 1000 === 0 ? 400 : 0));
    const first = runChart(a, { output: "columns" });
    const other = runChart(b, { output: "columns" });
    const again = runChart(a, { output: "columns" });
    expect(again).toEqual(first);
    expect(other.phases[0]!.centre).not.toBe(first.phases[0]!.centre);
  });
});

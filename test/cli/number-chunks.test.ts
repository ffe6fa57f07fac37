import { describe, expect, it } from "vitest";
import { NumberChunks } from "../../src/cli/cells.js";

// Issue #18: the CLI's growable columns (chunks that double) against a plain array.
describe("NumberChunks", () => {
  it("reads, writes, keeps and flattens what a plain array holds, across chunk boundaries", () => {
    for (const n of [0, 1, 65_535, 65_536, 65_537, 196_607, 196_608, 500_001]) {
      for (const int of [false, true]) {
        const c = new NumberChunks(int);
        const model: number[] = [];
        for (let i = 0; i < n; i++) {
          const v = int ? (i * 7) % 1000 : i * 0.5;
          c.push(v);
          model.push(v);
        }
        expect(c.length).toBe(n);
        for (const i of [0, 65_535, 65_536, 196_607, 196_608, n - 1]) if (i >= 0 && i < n) expect(c.get(i)).toBe(model[i]);
        if (n > 2) {
          c.set(n - 2, 42);
          model[n - 2] = 42;
        }
        const rows = model.map((_, i) => i).filter((i) => i % 3 !== 1);
        c.keep(rows);
        const kept = rows.map((i) => model[i]!);
        expect(c.length).toBe(kept.length);
        for (let k = 0; k < kept.length; k += 997) expect(c.get(k)).toBe(kept[k]);
        if (!int) {
          const a = c.array();
          expect(Array.from(a)).toEqual(kept);
          expect(c.array()).toBe(a);
          c.truncate(Math.floor(kept.length / 2));
          expect(c.array().length).toBe(Math.floor(kept.length / 2));
        }
      }
    }
  });
});

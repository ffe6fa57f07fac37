import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeLabels } from "../../src/render/lanes.js";

describe("placeLabels", () => {
  it("puts labels that do not clash in lane 0", () => {
    expect(placeLabels([{ x: 10, width: 50 }, { x: 100, width: 50 }], 0, 500)).toEqual([{ lane: 0, start: 10 }, { lane: 0, start: 100 }]);
  });
  it("stacks a label that would cover a later marker's leader line above it", () => {
    // The right label is placed first (lane 0); the left one covers its marker, so it goes up.
    expect(placeLabels([{ x: 10, width: 100 }, { x: 50, width: 50 }], 0, 500)).toEqual([{ lane: 1, start: 10 }, { lane: 0, start: 50 }]);
  });
  it("shifts a label left to fit the right edge", () => {
    expect(placeLabels([{ x: 480, width: 60 }], 0, 500)).toEqual([{ lane: 0, start: 440 }]);
  });
  it("is deterministic and has no overlaps and no leader line through a label", () => {
    const gap = 6;
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 400 }), width: fc.integer({ min: 5, max: 100 }) }), { maxLength: 25 }), (items) => {
        const out = placeLabels(items, 0, 600, gap);
        expect(placeLabels(items, 0, 600, gap)).toEqual(out);
        for (let a = 0; a < items.length; a++) {
          const A = { ...out[a]!, end: out[a]!.start + items[a]!.width, x: items[a]!.x };
          expect(A.start).toBe(A.x); // nothing needed shifting (x + width ≤ 500 < 600)
          for (let b = 0; b < items.length; b++) {
            if (a === b) continue;
            const B = { ...out[b]!, end: out[b]!.start + items[b]!.width, x: items[b]!.x };
            if (A.lane === B.lane) expect(A.end + gap <= B.start || B.end + gap <= A.start).toBe(true);
            // B's leader line rises through lanes below B's; it must miss A's text unless it shares A's leader line.
            if (A.lane < B.lane && Math.abs(A.x - B.x) > gap) expect(B.x < A.start - gap || B.x > A.end + gap).toBe(true);
          }
        }
      }),
    );
  });
});

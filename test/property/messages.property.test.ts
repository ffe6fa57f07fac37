import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flat, formatNumber, wholeText } from "../../src/engine/messages.js";
import { sideOf } from "../../src/engine/runs.js";
import { findShifts } from "../../src/engine/shift.js";
import { findTrends } from "../../src/engine/trend.js";
import { runs } from "../_shared/zone.js";

// The fast paths of signal building (issue #16, session 6) against the plain code they replace.

const RUNS = { numRuns: runs(300) };

/**
 * formatNumber as it was written before the digit tables, with the change of user trial 14:
 * from 1e21 (where String() turns to exponent form with every digit) three significant digits.
 */
function formatNumberReference(v: number): string {
  if (Math.abs(v) >= 1e21 && Number.isFinite(v)) return String(Number(v.toPrecision(3)));
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 100) return String(Math.round(v * 10) / 10);
  return String(Number(v.toPrecision(3)));
}

describe("message text fast paths", () => {
  it("wholeText is String for every whole number 0–999,999 and −0", () => {
    let bad = -1;
    for (let v = 0; v < 1_000_000; v++) {
      if (wholeText(v) !== String(v)) {
        bad = v;
        break;
      }
    }
    expect(bad).toBe(-1);
    expect(wholeText(-0)).toBe(String(-0));
  });

  it("formatNumber reads the same as before for any number", () => {
    const anyNumber = fc.oneof(
      fc.integer({ min: -2_000_000, max: 2_000_000 }),
      fc.double({ noNaN: false }),
      fc.constantFrom(-0, 0, 999_999, 1_000_000, 1e21, -1e21, Number.MAX_SAFE_INTEGER, 0.5, Infinity, -Infinity),
    );
    fc.assert(fc.property(anyNumber, (v) => formatNumber(v) === formatNumberReference(v)), RUNS);
  });

  it("flat returns the same string", () => {
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 12 }), (parts) => flat(parts.join("")) === parts.join("") && flat(`${parts[0] ?? ""}${parts.join(", ")}`) === `${parts[0] ?? ""}${parts.join(", ")}`), RUNS);
  });
});

/** y with ties and gaps (NaN), and which points are active. */
const series = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 120 })
  .map((rows) => ({ y: Float64Array.from(rows, ([v, g]) => (g === 0 ? Number.NaN : v)), active: Uint8Array.from(rows, ([, g]) => (g <= 1 ? 0 : 1)) }));

describe("signal point lists written at their length", () => {
  it("a shift's points are its active points on its side, in order", () => {
    fc.assert(
      fc.property(series, fc.constantFrom<"skip" | "break">("skip", "break"), fc.integer({ min: 2, max: 7 }), ({ y, active }, onCentre, length) => {
        for (const s of findShifts(y, active, 0, y.length - 1, 3, { length, onCentre })) {
          const expected: number[] = [];
          for (let k = s.start; k <= s.end; k++) if (active[k] === 1 && sideOf(y[k]!, 3) === s.side) expected.push(k);
          expect(s.points).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  it("a trend's points are its active points, and its counted points the first of each run of equal values", () => {
    fc.assert(
      fc.property(series, fc.constantFrom<"skip" | "break">("skip", "break"), fc.integer({ min: 2, max: 6 }), ({ y, active }, ties, length) => {
        for (const t of findTrends(y, active, 0, y.length - 1, { length, ties })) {
          const points: number[] = [];
          const counted: number[] = [];
          for (let k = t.start; k <= t.end; k++) {
            if (active[k] === 0) continue;
            if (points.length === 0 || y[k] !== y[points[points.length - 1]!]) counted.push(k);
            points.push(k);
          }
          expect(t.points).toEqual(points);
          expect(t.counted).toEqual(counted);
        }
      }),
      RUNS,
    );
  });
});

// Second user trial, finding 9: "the EWMA (10.2) is below the lower control limit 10.2" (10.2462
// vs 10.2483): the digits that show the difference, as every other comparing message
// (formatApart); "the lower CUSUM (-5.36) is beyond the decision interval −5" mixed the
// hyphen-minus of every number in a message with U+2212.
import { describe, expect, it } from "vitest";
import { bernoulliCusum, controlChart } from "../../src/index.js";

const x = [10, 11, 9, 10, 12, 10, 11, 9, 10, 10, 12, 13, 12, 13, 14, 13, 12, 14];

describe("CUSUM and EWMA messages", () => {
  it("an EWMA just beyond its limit shows the digits that tell them apart", () => {
    const ew = controlChart(x, { type: "ewma" });
    expect(ew.signals[0]!.message).toBe("At point 10 the EWMA (10.246) is below the lower control limit 10.248: a sustained shift down.");
  });

  it("a negative number is written with the hyphen-minus, as in every message", () => {
    expect(controlChart(x, { type: "cusum" }).signals[0]!.message).toBe("At point 10 the lower CUSUM (-5.36) is beyond the decision interval -5: a sustained shift down.");
    const b = bernoulliCusum([...Array(40).fill(1), ...Array(200).fill(0)], { target: 0.5 });
    const lower = b.signals.find((s) => s.side === "lower")!;
    expect(lower.message).toMatch(/^Case \d+: the lower CUSUM reached -[\d.]+ ≤ -3\.5: /);
    expect(b.signals.every((s) => !s.message.includes("−"))).toBe(true);
  });
});

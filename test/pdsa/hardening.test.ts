// Issue #18, finding 6: fidelity on 10⁵ cycles took about 150 s (each cycle searched every earlier
// one for a small-scale test).
import { describe, expect, it } from "vitest";
import { fidelity, ramp, type PdsaCycle } from "../../src/pdsa/index.js";
import { zoneFree } from "../_shared/zone.js";

const cycle = (i: number, size: number): PdsaCycle => ({
  id: `k${i}`,
  changeIdea: "ci",
  sequence: i + 1,
  objective: "o",
  questions: [{ question: "q", prediction: "p" }],
  scale: { size },
  do: { date: "2024-03-04" },
  act: { decision: "adapt", nextSteps: "n" },
});

describe("fidelity: linear in the cycles of a ramp", () => {
  zoneFree("scores a ramp of 100,000 cycles none of which is small", () => {
    const f = fidelity(ramp(Array.from({ length: 100_000 }, (_, i) => cycle(i, 10)), "ci"));
    expect(f.cycles).toHaveLength(100_000);
    expect(f.cycles[99_999]!.criteria.find((c) => c.criterion === "small-scale")!.met).toBe(false);
  });

  it("names the nearest earlier small test", () => {
    const f = fidelity(ramp([cycle(0, 10), cycle(1, 2), cycle(2, 4), cycle(3, 10), cycle(4, 20)], "ci"));
    expect(f.cycles.map((c) => c.criteria.find((k) => k.criterion === "small-scale")!.reason)).toEqual([
      "tested on 10, more than the small-scale threshold of 5, with no smaller test before it",
      "tested on 2 (small scale: at most 5)",
      "tested on 4 (small scale: at most 5)",
      "scaled up to 10 after a small test on 4 (cycle k2)",
      "scaled up to 20 after a small test on 4 (cycle k2)",
    ]);
    expect(fidelity(ramp([cycle(0, 3), cycle(1, 10)], "ci"), { smallScaleMax: 2 }).cycles[1]!.criteria[2]!.met).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { controlChart, runChart } from "../../src/index.js";

function fails(fn: () => unknown): { code: string; path: unknown; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; path: unknown; message: string };
  }
  throw new Error("did not throw");
}

describe("one rules resolver for both charts (issue #16)", () => {
  it("an unknown preset is unknown-option with did you mean, on either chart and either form", () => {
    const cases = [
      [fails(() => runChart([1, 2], { rules: "pacee" as never })), ["options", "rules"], "pace"],
      [fails(() => runChart([1, 2], { rules: { preset: "anhoj" as never } })), ["options", "rules", "preset"], "anhoej"],
      [fails(() => controlChart([1, 2], { rules: "nelsen" as never })), ["options", "rules"], "nelson"],
      [fails(() => controlChart([1, 2], { rules: { preset: "shewart" as never } })), ["options", "rules", "preset"], "shewhart"],
    ] as const;
    for (const [e, path, near] of cases) {
      expect(e.code).toBe("unknown-option");
      expect(e.path).toEqual(path);
      expect(e.message).toContain(`did you mean "${near}"?`);
      expect(e.message.match(/\(at /g)).toHaveLength(1);
    }
  });

  it("a preset that is not a string stays invalid-option; a far-off name gets no suggestion", () => {
    expect(fails(() => runChart([1, 2], { rules: { preset: 3 as never } })).code).toBe("invalid-option");
    const far = fails(() => controlChart([1, 2], { rules: "zzzzzzzz" as never }));
    expect([far.code, far.message.includes("did you mean")]).toEqual(["unknown-option", false]);
  });

  it("run charts and control charts give the same runs verdict field", () => {
    const y = [12, 14, 11, 13, 12, 14, 13, 7, 6, 7, 5, 6, 5, 6];
    const run = runChart(y, { rules: "anhoej" });
    const control = controlChart(y, { type: "i", rules: "anhoej" });
    expect(run.phases[0]!.runsSignal).toBe(true);
    expect(run.phases[0]!.signal).toBe(run.phases[0]!.runsSignal);
    expect(control.phases[0]!.runsSignal).toBe(true);
  });
});

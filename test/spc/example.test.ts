import { expect, it } from "vitest";
import { controlChart } from "../../src/spc/index.js";

it("the JSDoc example", () => {
  const chart = controlChart([10, 12, 11, 13, 12, 40, 11, 12], { type: "i" });
  expect(chart.phases[0]!.centre).toBe(15.125);
  expect(chart.signals.map((s) => s.rule)).toEqual(["beyond-limits"]);
});

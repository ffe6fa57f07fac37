// tz-independent: numbers only.
// A control chart of a few points has no signal because it has too little data, not because its
// variation is common cause only (Provost & Murray 2011: limits from at least 12 points).
import { describe, expect, it } from "vitest";
import { controlChart, summariseControlChart } from "../../src/index.js";

describe("summariseControlChart on short charts", () => {
  it("3 points: no signals, but too few to call the variation common cause", () => {
    const text = summariseControlChart(controlChart([5, 7, 6], { type: "i" }));
    expect(text).not.toContain("common-cause variation only");
    expect(text).toContain("No signals, but the chart has only 3 points: too few to call the variation common cause only (limits need at least 12 points");
  });

  it("12 points or more: common-cause variation only", () => {
    const y = [5, 7, 6, 5, 6, 7, 5, 6, 7, 6, 5, 6];
    expect(summariseControlChart(controlChart(y, { type: "i" }))).toContain("No signals: common-cause variation only.");
  });

  it("names the short phase of a phased chart", () => {
    const y = [5, 7, 6, 5, 6, 7, 5, 6, 7, 6, 5, 6, 8, 9, 8];
    const text = summariseControlChart(controlChart(y, { type: "i", phases: [12] }));
    expect(text).toContain("No signals, but phase 2 has 3 points");
  });
});

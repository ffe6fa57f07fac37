// tz-independent: numbers only.
// What a control chart draws must agree with what it says: a chart whose current phase has no
// signal and fewer than 12 points (Provost & Murray 2011; spc/tooFew.ts currentPhaseTooShort)
// reads "too few points" in summariseVerdict, on the summary board and in summariseControlChart,
// so its Making Data Count variation icon is the insufficient-data icon, not common cause.
import { describe, expect, it } from "vitest";
import { controlChart, renderControlChart, renderRunChart, renderSmallMultiples, runChart, summariseControlChart, summariseMeasures, summariseVerdict } from "../../src/index.js";

const NINE = [5, 7, 6, 8, 5, 6, 7, 6, 5];
const TOO_FEW = "no signal, but the chart has only 9 points: too few to call the variation common cause (limits need at least 12; Provost & Murray 2011)";

/** The variation icon's class and its aria-label and <title>. */
function variationIcon(svg: string): { cls: string; label: string; title: string } {
  const m = /<g class="mdc-icon variation ([^"]*)" role="img" aria-label="([^"]*)"><title>([^<]*)<\/title>/.exec(svg);
  if (m === null) throw new Error("no variation icon");
  return { cls: m[1]!, label: m[2]!, title: m[3]! };
}

describe("the drawn variation icon of a short control chart", () => {
  it("9 points, no signal: the icon is insufficient data, in the verdict's words, and the summary's Variation line says so", () => {
    const chart = controlChart(NINE, { type: "i", rules: "mdc" });
    expect(chart.phases[0]!.variationIcon).toBe("common-cause"); // the phase's own icon is unchanged
    expect(summariseVerdict(chart)).toEqual({ kind: "insufficient-data", text: TOO_FEW, rule: null, signals: 0 });
    expect(summariseMeasures([{ name: "m", chart }]).rows[0]!.category).toBe("insufficient");
    const svg = renderControlChart(chart);
    const icon = variationIcon(svg);
    expect(icon.cls).toBe("insufficient");
    const words = `Variation: insufficient data: ${TOO_FEW}.`;
    expect(icon.label).toBe(words.replace("&", "&amp;"));
    expect(icon.title).toBe(words.replace("&", "&amp;"));
    expect(svg).not.toContain("common-cause variation: the latest point");
    // No common-cause dots in the icon: a dashed ring with "?".
    const g = /<g class="mdc-icon variation insufficient"[\s\S]*?<\/g>/.exec(svg)![0];
    expect(g).toContain('stroke-dasharray="4 3"');
    expect(g).not.toContain('r="1.6"');
    const text = summariseControlChart(chart);
    expect(text).toContain(words);
    expect(text).not.toContain("Variation: common-cause");
  });

  it("the same in a small-multiples panel", () => {
    const rows = NINE.map((y, i) => ({ team: "a", i, y }));
    const svg = renderSmallMultiples(controlChart(rows, { type: "i", x: "i", y: "y", by: "team", rules: "mdc" }));
    expect(variationIcon(svg).cls).toBe("insufficient");
  });

  it("12 points: common cause, as the verdict says", () => {
    const chart = controlChart([...NINE, 6, 7, 5], { type: "i", rules: "mdc" });
    expect(summariseVerdict(chart).kind).toBe("no-signal");
    expect(variationIcon(renderControlChart(chart)).cls).toBe("common-cause");
  });

  it("a short current phase with a signal of its own keeps the signal's icon, as the verdict does", () => {
    // Mean 7.73, mean moving range 3.3: UPL 7.73 + 2.66 × 3.3 = 16.5, and 30 is beyond it.
    const chart = controlChart([5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 30], { type: "i", rules: "mdc", direction: "increase" });
    expect(summariseVerdict(chart).kind).toBe("improvement");
    expect(variationIcon(renderControlChart(chart)).cls).toBe("improvement");
  });

  it("a short earlier phase does not make a long current phase insufficient", () => {
    const chart = controlChart([5, 7, 6, 8, 5, 6, 5, 7, 6, 8, 5, 6, 7, 6, 5, 6, 7, 5], { type: "i", rules: "mdc", phases: [6] });
    expect(summariseVerdict(chart).kind).toBe("no-signal");
    expect(variationIcon(renderControlChart(chart)).cls).toBe("common-cause");
  });

  it("a short current phase after a long one: insufficient, in the current phase's words", () => {
    const chart = controlChart([5, 7, 6, 8, 5, 6, 5, 7, 6, 8, 5, 6, 7, 6, 5, 6, 7], { type: "i", rules: "mdc", phases: [12] });
    const verdict = summariseVerdict(chart);
    expect(verdict.text).toBe("no signal, but the current phase has only 5 points: too few to call the variation common cause (limits need at least 12; Provost & Murray 2011)");
    expect(variationIcon(renderControlChart(chart)).label).toBe(`Variation: insufficient data: ${verdict.text.replace("&", "&amp;")}.`);
  });

  it("for every length from 2 to 14, the icon is insufficient exactly when the verdict is", () => {
    const y = [5, 7, 6, 8, 5, 6, 7, 6, 5, 7, 6, 5, 6, 7];
    for (let n = 2; n <= y.length; n++) {
      const chart = controlChart(y.slice(0, n), { type: "i", rules: "mdc" });
      expect([n, variationIcon(renderControlChart(chart)).cls === "insufficient"]).toEqual([n, summariseVerdict(chart).kind === "insufficient-data"]);
    }
  });

  it("a run chart draws no variation icon, and its <desc> already says too few data", () => {
    const svg = renderRunChart(runChart(NINE));
    expect(svg).not.toContain("mdc-icon");
    expect(svg).toContain("No signals found, but there are too few data to tell a change from chance.");
  });
});

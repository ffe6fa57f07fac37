import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { controlChart, runChart } from "../../src/index.js";
import { renderControlChart, renderRunChart } from "../../src/render/index.js";
import { summariseControlChart, summariseRunChart } from "../../src/index.js";
import { months, RISE } from "./data.js";
import { checkMarkup, countClass, elementText } from "./xml.js";

const rows = RISE.map((v, i) => ({ month: months(24)[i]!, v, n: 100, note: i === 12 ? "New form <b>" : undefined }));

describe("markers agree with the signals and the verdict", () => {
  it("a point in an improvement shift and a deterioration trend is marked as both, and the legend says so", () => {
    // Whole-period median: Dec 2024 (38) is in the improving (low) shift… and in the upward trend that deteriorates.
    const y = [41, 38, 44, 40, 39, 43, 37, 42, 40, 38, 41, 36, 38, 52, 58, 61, 63, 60, 59, 64, 62, 58, 61, 65];
    const chart = runChart(y, { direction: "decrease" });
    const both = chart.points.filter((p) => {
      const kinds = new Set(chart.signals.filter((s) => s.points.includes(p.index)).map((s) => s.assessment));
      return kinds.has("improvement") && kinds.has("deterioration");
    });
    expect(both.length).toBeGreaterThan(0);
    const svg = renderRunChart(chart);
    checkMarkup(svg);
    expect(countClass(svg, "point", "mixed")).toBe(both.length);
    expect(svg).toContain("In an improvement and a deterioration signal (both apply)");
    // No point of an improvement-only signal is drawn as deterioration.
    expect(countClass(svg, "point", "deterioration")).toBe(chart.points.filter((p) => {
      const kinds = new Set(chart.signals.filter((s) => s.points.includes(p.index)).map((s) => s.assessment));
      return kinds.has("deterioration") && !kinds.has("improvement");
    }).length);
  });
  it("flags limits the markers to one kind (PowerBI-SPC's process flag type)", () => {
    const chart = runChart(RISE, { direction: "increase" });
    const imp = renderRunChart(chart, { flags: "improvement" });
    expect(countClass(imp, "point", "deterioration")).toBe(0);
    expect(countClass(imp, "point", "improvement")).toBeGreaterThan(0);
    expect(imp).toContain("Only improvement signals are marked");
    const det = renderRunChart(chart, { flags: "deterioration" });
    expect(countClass(det, "point", "improvement")).toBe(0);
    expect(countClass(det, "point", "deterioration")).toBeGreaterThan(0);
    expect(fails(() => renderRunChart(chart, { flags: "better" as never })).path).toEqual(["options", "flags"]);
  });
});

describe("messages", () => {
  it("a value beyond a limit never prints the same as the limit", async () => {
    // A rate a hair below its lower limit (the "0.00141 below 0.00141").
    const { beyondLimitsMessage } = await import("../../src/spc/messages.js");
    expect(beyondLimitsMessage(() => "Jul 2016", 0, 0.001412, -1, 0.0014149, "control limit", "neutral")).toBe(
      "Jul 2016 (0.001412) is below the lower control limit 0.001415: special-cause variation.",
    );
  });
  it("formatApart adds digits until the two numbers differ", async () => {
    const { formatApart } = await import("../../src/engine/messages.js");
    expect(formatApart(0.001412, 0.0014149)).toEqual(["0.001412", "0.001415"]);
    expect(formatApart(0.00141, 0.00141)).toEqual(["0.00141", "0.00141"]);
    expect(formatApart(12.5, 30)).toEqual(["12.5", "30"]);
  });
  it("too few data: no claim about chance", () => {
    expect(summariseRunChart(runChart([3, 5, 4]))).not.toContain("consistent with chance");
    expect(summariseRunChart(runChart([3, 5, 4]))).toContain("No signals found, but there are too few data to tell a change from chance.");
    expect(summariseRunChart(runChart([5, 7, 6, 8, 4, 3, 6, 9, 2, 7, 5, 8, 4, 6]))).toContain("No signals: the variation is consistent with chance.");
  });
});

describe("Making Data Count", () => {
  const y = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 10, 9, 10, 25];
  const chart = controlChart(y, { rules: "mdc", direction: "increase", target: 5 });
  it("icons drawn as shapes with text alternatives; process limits; the summary says both icons", () => {
    const svg = renderControlChart(chart);
    checkMarkup(svg);
    expect(svg).toContain('class="mdc-icon variation improvement" role="img"');
    expect(svg).toContain('class="mdc-icon assurance pass" role="img"');
    expect(svg).toContain("<title>Variation: special-cause improvement: the latest point is part of a pattern of high values.</title>");
    expect(svg).toContain("Process limits (3σ)");
    expect(svg).toMatch(/>UPL [\d.]+</);
    expect(svg).toMatch(/>LPL [\d.]+</);
    expect(svg).not.toContain("Control limits");
    const text = summariseControlChart(chart);
    expect(text).toContain("process limits");
    expect(text).toContain("Variation: special-cause improvement: the latest point is part of a pattern of high values.");
    expect(text).toContain("Assurance: consistently passing the target 5: both process limits are on its better side");
    expect(elementText(svg, "desc")).toBe(text);
    // The icons are paths and circles: no <text> inside them but the two captions.
    const icons = /<g class="mdc-icons"[\s\S]*?<\/g><text/.exec(svg)![0];
    expect(icons).not.toMatch(/<text[^>]*>[HLPF?]</);
  });
  it("markers follow each point's variation, so they agree with the icon", () => {
    const svg = renderControlChart(chart);
    expect(countClass(svg, "point", "improvement")).toBe(chart.points.filter((p) => p.variation === "improvement").length);
    expect(countClass(svg, "point", "deterioration")).toBe(chart.points.filter((p) => p.variation === "concern").length);
  });
  it("no target: the assurance icon says why there is none", () => {
    const c = controlChart(y, { rules: "mdc", direction: "increase" });
    expect(summariseControlChart(c)).toContain("Assurance: no icon (no target given).");
  });
  // The README's dashboard pattern (a user trial): the target given to the renderer, not to
  // controlChart. The line was drawn at 80 while the icon and <desc> said "no target given".
  const assurance = (svg: string): string => /class="mdc-icon assurance[^"]*" role="img" aria-label="([^"]*)"/.exec(svg)![1]!;
  const rows = Array.from({ length: 24 }, (_, i) => ({ month: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, met: 10 + (i > 15 ? 6 : 0) + (i % 3), children: 20 + (i % 4) }));
  const p = { type: "p", x: "month", y: "met", n: "children", multiply: 100, direction: "increase", rules: "mdc" } as const;
  it("a render target is the one the assurance icon and <desc> judge, as controlChart's target would be", () => {
    const rendered = renderControlChart(controlChart(rows, p), { title: "% within 26 weeks", target: 80 });
    const analysed = renderControlChart(controlChart(rows, { ...p, target: 80 }), { title: "% within 26 weeks" });
    expect(countClass(rendered, "target")).toBe(1);
    // p̄ = 312 / 516 = 60.47 %; the latest point's n = 23: 3σ = 3√(p̄(1 − p̄)/23) = 30.58, so 29.9 to
    // 91; the others' upper limits run to 93.3 (n = 20). The limits vary with n: the icon's are the latest point's.
    expect(assurance(rendered)).toBe("Assurance: hit and miss: the target 80 lies between the latest point&#39;s process limits (lower 29.9, upper 91, for its n = 23), and at every other point&#39;s (upper 91–93.3), so the process will sometimes meet it and sometimes not.");
    expect(assurance(rendered)).toBe(assurance(analysed));
    expect(elementText(rendered, "desc")).toBe(elementText(analysed, "desc"));
    expect(rendered).toContain('class="mdc-icon assurance inconsistent"');
  });
  it("a render target that differs from the analysis' is the one judged; null hides the line and the icon says there is no target", () => {
    const chart = controlChart(rows, { ...p, target: 80 });
    const low = renderControlChart(chart, { target: 20 });
    expect(assurance(low)).toBe("Assurance: consistently passing the target 20 at the latest point&#39;s process limits (lower 29.9, for its n = 23), and at every other point&#39;s (lower 27.7–29.9), so the process will meet it unless something changes.");
    expect(elementText(low, "desc")).toContain("the target 20");
    expect(elementText(low, "desc")).not.toContain("the target 80");
    const none = renderControlChart(chart, { target: null });
    expect(countClass(none, "target")).toBe(0);
    expect(assurance(none)).toBe("Assurance: no icon (no target given).");
    // The analysis itself is not changed.
    expect(chart.settings.target).toBe(80);
    expect(chart.phases.at(-1)!.assuranceIcon).toBe("inconsistent");
  });
});

describe("qicharts2's everyday render options", () => {
  const chart = runChart(rows, { x: "month", y: "v", n: "n", notes: "note", baseline: 12, direction: "increase", target: 0.6 });
  it("notes are drawn at their points (escaped); the run chart's target is drawn", () => {
    const svg = renderRunChart(chart);
    checkMarkup(svg);
    expect(svg).toContain("New form &lt;b&gt;");
    expect(countClass(svg, "annotation")).toBe(1);
    expect(svg).toContain('class="target"');
  });
  it("yPercent, decimals, caption and phase labels", () => {
    const svg = renderRunChart(chart, { yPercent: true, decimals: 1, caption: "Source: simulated & checked", phaseLabels: ["All months"] });
    checkMarkup(svg);
    expect(svg).toMatch(/>median 40\.0%</);
    expect(svg).toMatch(/>target 60\.0%</);
    expect(svg).toMatch(/>50%</); // a y tick
    expect(svg).toContain("Source: simulated &amp; checked");
    expect(svg).toContain(">All months: median 40.0%<");
  });
  it("unknown or bad render options are errors naming them", () => {
    expect(fails(() => renderRunChart(chart, { titel: "x" } as never))).toMatchObject({ code: "unknown-option", path: ["options", "titel"] });
    expect(fails(() => renderRunChart(chart, { titel: "x" } as never)).message).toContain('did you mean "title"');
    expect(fails(() => renderRunChart(chart, { decimals: -1 })).path).toEqual(["options", "decimals"]);
    expect(fails(() => renderRunChart(chart, { yPercent: "yes" as never })).path).toEqual(["options", "yPercent"]);
    expect(fails(() => renderRunChart(chart, { phaseLabels: ["a", "b"] })).path).toEqual(["options", "phaseLabels"]);
    expect(fails(() => renderRunChart(chart, { caption: 3 as never })).path).toEqual(["options", "caption"]);
  });
});

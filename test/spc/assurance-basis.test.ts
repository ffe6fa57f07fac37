import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { controlChart, renderControlChart, renderSummaryTable, summariseControlChart, summariseMeasures } from "../../src/index.js";

// User trial 16, finding 1: a p chart with limits varying with n, frozen from a 20-month baseline,
// read "consistently failing the target 80 … will not meet it without a change" while 6 of the 16
// months after the change were at or above 80. The icon stays NHSRplotthedots' (the target against
// the latest point's limits); the words say which limits, what the others say, and that limits
// from before a sustained shift describe the process before the change.

const csv = readFileSync(new URL("../fixtures/trial16/plan28.csv", import.meta.url), "utf8");
const plan = csv.trim().split("\n").slice(1).map((line) => {
  const [d, met, n] = line.split(",");
  const [dd, mm, yyyy] = d!.split("/");
  return { month: `${yyyy}-${mm}-${dd}`, met: Number(met), n: Number(n) };
});
const P = { type: "p", x: "month", y: "met", n: "n", multiply: 100, rules: "mdc", direction: "increase" } as const;
const line = (text: string, head: string): string => text.split("\n").find((l) => l.startsWith(head))!;
const desc = (svg: string): string => /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1]!.replace(/&#39;/g, "'");

describe("assurance: which limits the icon rests on (trial 16, plan28.csv)", () => {
  it("frozen baseline, a shift going on at the latest point, varying limits: the trial's exact sentences", () => {
    const chart = controlChart(plan, { ...P, baseline: 20, target: 80 });
    // The icon is unchanged: 80 is above the latest point's upper limit.
    expect(chart.phases[0]!.assuranceIcon).toBe("fail");
    // By hand: p̄ = Σmet / Σn over the first 20 months = 50.15 %. Mar 2025 (n = 29): 3√(p̄(1 − p̄)/29)
    // = 27.85, so upper 78.0. The upper limit is at or above 80 for n ≤ 25 (n = 25: 50.15 + 30.0 =
    // 80.2); 24 of the other 35 months have n from 8 to 25 (n = 8: the limit is 100). The baseline
    // ends Nov 2023; the shift above the mean runs from Sep 2023 to the latest point.
    const text = summariseControlChart(chart);
    const assurance = "Assurance: consistently failing the target 80 at the latest point's process limits (upper 78, for its n = 29), but 80 lies between the limits of the 24 points with n from 8 to 25 (upper 80.2–100). Those limits were fixed from the baseline up to Nov 2023, and the latest point is part of a shift above the mean since Sep 2023: they describe the process before the change, not now. Start a new phase from Sep 2023 to judge the target against the new process.";
    expect(line(text, "Assurance:")).toBe(assurance);
    expect(text).toContain("- 19 points above the mean from Sep 2023 to Mar 2025: a shift, an improvement.");
    expect(desc(renderControlChart(chart))).toContain(assurance);
    const row = summariseMeasures([{ name: "Plan within 28 days", chart, unit: "%" }]).rows[0]!;
    expect(row.assurance).toBe("fail");
    expect(row.reading).toBe("special cause improvement since Sep 2023; the target of 80 % is judged against limits from before the change (baseline up to Nov 2023): start a new phase from Sep 2023 to judge it against the new process");
    expect(row.assuranceText).toBe("the target of 80 % is judged against limits from before the change (baseline up to Nov 2023): start a new phase from Sep 2023 to judge it against the new process");
    const table = renderSummaryTable(summariseMeasures([{ name: "Plan within 28 days", chart, unit: "%" }]));
    expect(table).toContain("the target of 80 % is judged against limits from before the change (baseline up to Nov 2023)");
    // The icon's tooltip says what the reading says (it said "the target is consistently missed").
    expect(table).toContain("<title>Assurance: the target of 80 % is judged against limits from before the change (baseline up to Nov 2023): start a new phase from Sep 2023 to judge it against the new process</title>");
    expect(table).not.toContain("consistently missed");
    // Under the icon, as the variation icon has its category: "not judged".
    expect(table).toMatch(/stroke-dasharray="3 2"\/><path[^>]*\/><circle[^>]*\/><\/svg><span class="qi-icon-text">not judged<\/span><\/td>/);
    // Drawn as the words say (user trial 17: the orange F stayed beside them): not judged, a dashed
    // grey "?", on the chart and in the table; the result keeps NHSRplotthedots' icon.
    expect(row.assuranceBeforeChange).toBe(true);
    const svg = renderControlChart(chart);
    expect(svg).toContain('class="mdc-icon assurance before-change"');
    expect(svg).not.toContain('class="mdc-icon assurance fail"');
    expect(table).toMatch(/<svg class="qi-icon"[^>]*aria-label="Assurance: the target of 80 % is judged[^"]*"><title>[^<]*<\/title><circle cx="12" cy="12" r="10.5" fill="#fff" stroke="#737373" stroke-width="1.6" stroke-dasharray="3 2"\/><path d="M9 9.5/);
  });
  it("varying limits, no baseline, the target beyond the latest point's limit but within others': met or missed by the denominator", () => {
    const chart = controlChart(plan, { ...P, target: 95 });
    expect(chart.phases[0]!.assuranceIcon).toBe("fail");
    // By hand: p̄ over all 36 months = 64.6 %; n = 29: upper 64.6 + 3√(p̄(1 − p̄)/29) = 91.2; the
    // upper limit reaches 95 for n ≤ 22 (n = 22: 95.2), 21 of the other months (n 8 to 22).
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: consistently failing the target 95 at the latest point's process limits (upper 91.2, for its n = 29), but 95 lies between the limits of the 21 points with n from 8 to 22 (upper 95.2–100), so whether a point meets it depends on its denominator.");
    const row = summariseMeasures([{ name: "Plan", chart }]).rows[0]!;
    expect(row.reading).toBe("common cause variation at the latest point; last signal: special cause improvement Dec 2023–Feb 2025, none since (1 point); the target of 95 is consistently missed at the latest point's limits (n = 29), met and missed at random at those of the 21 points with n from 8 to 22");
  });
  it("a new phase from the change: the target is judged against the new process", () => {
    // Phase 2 from Sep 2023 (point 18): its own mean 75.2 and limits; 80 lies between them at every point.
    const chart = controlChart(plan, { ...P, target: 80, phases: [17] });
    expect(chart.phases[1]!.assuranceIcon).toBe("inconsistent");
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: hit and miss: the target 80 lies between the latest point's process limits (lower 51.1, upper 99.2, for its n = 29), and at every other point's (upper 98.8–100), so the process will sometimes meet it and sometimes not.");
  });
});

// An i chart (constant limits): 20 baseline months alternating 11, 9 (mean 10, AMR 2, limits
// 10 ± 2.66 × 2 = 4.68 to 15.3), then 10 months alternating 21, 19 (a shift of 10 points above the mean from the 21st, Sep 2023).
const months = (k: number): string => `${2022 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01`;
const stepUp = Array.from({ length: 30 }, (_, k) => ({ month: months(k), y: (k < 20 ? 10 : 20) + (k % 2 === 0 ? 1 : -1) }));
const I = { x: "month", y: "y", rules: "mdc", direction: "increase" } as const;

describe("assurance: limits from before a sustained shift (constant limits)", () => {
  it("a baseline before a shift still going on: the limits describe the process before the change", () => {
    const chart = controlChart(stepUp, { ...I, baseline: 20, target: 25 });
    expect(chart.phases[0]!.assuranceIcon).toBe("fail");
    expect(chart.phases[0]!.variationIcon).toBe("improvement");
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: consistently failing the target 25 against process limits fixed from the baseline up to Aug 2023, but the latest point is part of a shift above the mean since Sep 2023: they describe the process before the change, not now. Start a new phase from Sep 2023 to judge the target against the new process.");
    const passing = controlChart(stepUp, { ...I, baseline: 20, target: 2 });
    expect(line(summariseControlChart(passing), "Assurance:")).toBe("Assurance: consistently passing the target 2 against process limits fixed from the baseline up to Aug 2023, but the latest point is part of a shift above the mean since Sep 2023: they describe the process before the change, not now. Start a new phase from Sep 2023 to judge the target against the new process.");
    const between = controlChart(stepUp, { ...I, baseline: 20, target: 12 });
    expect(line(summariseControlChart(between), "Assurance:")).toBe("Assurance: hit and miss: the target 12 lies between process limits fixed from the baseline up to Aug 2023, but the latest point is part of a shift above the mean since Sep 2023: they describe the process before the change, not now. Start a new phase from Sep 2023 to judge the target against the new process.");
    const row = summariseMeasures([{ name: "y", chart }]).rows[0]!;
    expect(row.reading).toBe("special cause improvement since Sep 2023; the target of 25 is judged against limits from before the change (baseline up to Aug 2023): start a new phase from Sep 2023 to judge it against the new process");
  });
  it("a concern: the same words (the shift's side and the direction)", () => {
    const chart = controlChart(stepUp, { ...I, direction: "decrease", baseline: 20, target: 3 });
    expect(chart.phases[0]!.variationIcon).toBe("concern");
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: consistently failing the target 3 against process limits fixed from the baseline up to Aug 2023, but the latest point is part of a shift above the mean since Sep 2023: they describe the process before the change, not now. Start a new phase from Sep 2023 to judge the target against the new process.");
  });
  it("no baseline (the limits from every point): the icon's words as before", () => {
    const chart = controlChart(stepUp, { ...I, target: 40 });
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: consistently failing the target 40: both process limits are on its worse side, so the process will not meet it without a change.");
    expect(summariseMeasures([{ name: "y", chart }]).rows[0]!.reading).toMatch(/; the target of 40 is consistently missed$/);
    // The limits stand: the F is drawn, on the chart and in the table.
    expect(summariseMeasures([{ name: "y", chart }]).rows[0]!.assuranceBeforeChange).toBe(false);
    expect(renderControlChart(chart)).toContain('class="mdc-icon assurance fail"');
  });
  it("a single point beyond the limits after the baseline is not a sustained shift: the limits stand", () => {
    const spike = stepUp.map((r, k) => ({ ...r, y: k < 29 ? 10 + (k % 2 === 0 ? 1 : -1) : 30 }));
    const chart = controlChart(spike, { ...I, baseline: 20, target: 25 });
    expect(chart.phases[0]!.variationIcon).toBe("improvement");
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: consistently failing the target 25: both process limits are on its worse side, so the process will not meet it without a change.");
  });
  it("the latest point back within the old process (common cause): the limits stand", () => {
    const back = [...stepUp, { month: months(30), y: 10 }];
    const chart = controlChart(back, { ...I, baseline: 20, target: 25 });
    expect(chart.phases[0]!.variationIcon).toBe("common-cause");
    expect(line(summariseControlChart(chart), "Assurance:")).toBe("Assurance: consistently failing the target 25: both process limits are on its worse side, so the process will not meet it without a change.");
  });
});

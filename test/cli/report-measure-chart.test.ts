/**
 * User trial 16, finding 5: `report --chart p` applied to every measure, so the run-chart measures
 * (days, moves) dropped out of the board summary ("2 measures have no chart yet"), their sections
 * showed library text ("(at options.chart)") and "PDSA cycles on this chart:" under no chart. Now
 * --chart is drawn where it fits and the other measures get their own chart (the project's
 * `chart`, else a run chart) with a note; a measure's `chart` in the project is its chart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const PROJECT = readFileSync(new URL("../fixtures/trial16/project.json", import.meta.url), "utf8");
type Doc = { measures: { id: string; chart?: string }[] };
const DAYS = "Median days from accommodation to permanence panel";
const PLAN = "Children with a permanence plan within 28 days";
const BOOKED = "Panel date booked at the 12-week LAAC review";
const MOVES = "Placement moves";
const NO_N = "a p chart plots counts over n, the number of cases behind each value, and this measure's rows have no n";
const DEFAULT = `--chart p is not applied to this measure: ${NO_N}; drawn as a run chart, the default (set the measure's "chart" in the project to choose another)`;
const RULES = "--rules mdc is not a rule set for run charts: this run chart uses the default set (pace)";

function withCharts(charts: Record<string, string>): string {
  const doc = JSON.parse(PROJECT) as Doc;
  for (const m of doc.measures) {
    const chart = charts[m.id];
    if (chart !== undefined) m.chart = chart;
  }
  return JSON.stringify(doc);
}
/** The board's "Summary of measures" section of a report. */
function summarySection(html: string): string {
  const start = html.indexOf("<h2>Summary of measures</h2>");
  return html.slice(start, html.indexOf("</section>", start));
}
const countOf = (html: string, text: string): number => html.split(text).length - 1;

describe.skipIf(!HAVE_BIN).concurrent("report: a chart per measure", { timeout: 120_000 }, () => {
  it("--chart p draws p charts of the percentages and run charts of the rest, with a note each; all four on the board", async () => {
    const dir = tempDir({ "project.json": PROJECT });
    const r = await run(["report", "project.json", "--chart", "p", "--rules", "mdc", "--out", "r.html"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "Anyshire Council PACE: time to permanence panel",
        `- ${DAYS}: improvement signal: 16 points below the median from Nov 2023 to Mar 2025: a shift, an improvement (and 3 other signals in this phase: 1 trend, 2 astronomical points)`,
        `  Note: ${DEFAULT}`,
        `  Note: ${RULES}`,
        "  Note: 1 point has no value; it is drawn as a gap and skipped by the rules.",
        `- ${PLAN}: improvement signal: 19 points above the mean from Sep 2023 to Mar 2025: a shift, an improvement (and 9 other signals in this phase: 6 points beyond the limits, 2 of 3 beyond 2 sigma (3))`,
        `- ${BOOKED}: improvement signal: 18 points above the mean from Oct 2023 to Mar 2025: a shift, an improvement (and 9 other signals in this phase: 7 points beyond the limits, 2 of 3 beyond 2 sigma (2))`,
        `- ${MOVES}: no signal`,
        `  Note: ${DEFAULT}`,
        `  Note: ${RULES}`,
        "Wrote r.html",
        "",
      ].join("\n"),
    );
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(countOf(html, 'class="qi-chart qi-control-chart qi-p-chart')).toBe(2);
    expect(countOf(html, 'class="qi-chart qi-run-chart')).toBe(2);
    const board = summarySection(html);
    for (const name of [DAYS, PLAN, BOOKED, MOVES]) expect(board).toContain(`<th scope="row">${name}</th>`);
    expect(html).not.toContain("no chart yet");
    expect(html).not.toContain("(at options");
    expect(html).not.toContain("No chart");
  });

  it("a measure's chart in the project is its chart; --rules mdc is for its control charts", async () => {
    const dir = tempDir({ "project.json": withCharts({ "m-days": "i", "m-moves": "c" }) });
    const r = await run(["report", "project.json", "--rules", "mdc"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "Anyshire Council PACE: time to permanence panel",
        `- ${DAYS}: improvement signal: 16 points below the mean from Nov 2023 to Mar 2025: a shift, an improvement (and 11 other signals in this phase: 10 points beyond the limits, 2 of 3 beyond 2 sigma)`,
        "  Note: 1 point has no value; it is drawn as a gap and skipped by the rules.",
        `- ${PLAN}: improvement signal: 16 points above the median from Dec 2023 to Mar 2025: a shift, an improvement (and 1 other signal in this phase: too few runs)`,
        `  Note: ${RULES}`,
        `- ${BOOKED}: improvement signal: 18 points above the median from Oct 2023 to Mar 2025: a shift, an improvement (and 1 other signal in this phase: too few runs)`,
        `  Note: ${RULES}`,
        `- ${MOVES}: improvement signal: 9 points below the mean from Aug 2023 to Apr 2024: a shift, an improvement.`,
        "Wrote report.html",
        "",
      ].join("\n"),
    );
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(countOf(html, 'class="qi-chart qi-control-chart qi-i-chart')).toBe(1);
    expect(countOf(html, 'class="qi-chart qi-control-chart qi-c-chart')).toBe(1);
    expect(countOf(html, 'class="qi-chart qi-run-chart')).toBe(2);
  });

  it("--chart p on a measure whose own chart is c: drawn as its c chart, said", async () => {
    const dir = tempDir({ "project.json": withCharts({ "m-moves": "c" }) });
    const r = await run(["report", "project.json", "--chart", "p"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`- ${MOVES}: no signal\n  Note: --chart p is not applied to this measure: ${NO_N}; drawn as its chart in the project\n`);
    expect(countOf(readFileSync(join(dir, "report.html"), "utf8"), 'class="qi-chart qi-control-chart qi-c-chart')).toBe(1);
  });

  it("a measure whose own chart does not fit: no chart, said in words a board reads; its cycles are not 'on this chart'", async () => {
    const dir = tempDir({ "project.json": withCharts({ "m-days": "p" }) });
    const r = await run(["report", "project.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`pace-qi: note: measure 'm-days': no p chart: ${NO_N}; the report shows it without a chart\n`);
    expect(r.stdout).toContain(`- ${DAYS}: could not analyse: no p chart: ${NO_N}\n`);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain(`<p>No chart: no p chart: ${NO_N.replace("'", "&#39;")}</p>`);
    expect(html).not.toContain("(at options");
    expect(summarySection(html)).toContain(`<p class="muted">1 measure could not be charted (the measure's section says why): “${DAYS}”.</p>`);
    expect(html).not.toContain("no chart yet");
    const cycles = "Panel booking: one child (2023-11-06, adapt); Panel booking: four children (2024-01-08, adapt); Panel booking: all reviews (2024-03-04, adopt).";
    expect(html).toContain(`<p class="muted">PDSA cycles of this measure: ${cycles}</p>`);
    expect(countOf(html, `<p class="muted">PDSA cycles on this chart: ${cycles}</p>`)).toBe(1); // m-booked's, which has its chart
  });

  it("--rules for no measure's chart family is the usage error it was; a chart the project cannot name is a document error", async () => {
    const dir = tempDir({ "project.json": PROJECT, "np.json": withCharts({ "m-plan28": "np" }) });
    const r = await run(["report", "project.json", "--rules", "mdc"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("pace-qi report: --rules 'mdc' is not a rule set for run charts: pace, ihi, anhoej");
    const np = await run(["report", "np.json"], dir);
    expect(np.code).toBe(1);
    expect(np.stderr.split("\n")[0]).toMatch(/^pace-qi: np\.json: measures\[1\]\.chart: Invalid option: expected one of "run"\|"i"\|/);
  });

  it("a control chart whose latest point is common cause: the section's verdict says so, as the board's row does (user trial 17: 'improvement signal' beside 'common cause … none since (11 points)')", async () => {
    const dir = tempDir({ "project.json": withCharts({ "m-days": "run", "m-plan28": "p", "m-booked": "p", "m-moves": "c" }) });
    const r = await run(["report", "project.json", "--rules", "mdc", "--out", "r.html"], dir);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    const verdicts = [...html.matchAll(/<p class="verdict ([a-z-]+)"><strong>Verdict:<\/strong> ([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);
    expect(verdicts.at(-1)).toEqual(["no-signal", "common cause variation at the latest point (part of no special-cause pattern); the phase's last signal: 9 points below the mean from Aug 2023 to Apr 2024: a shift, an improvement."]);
    expect(html).toContain("common cause variation at the latest point; last signal: special cause improvement Aug 2023–Apr 2024, none since (11 points)");
    // A signal going on at the latest point keeps its verdict.
    expect(verdicts[1]![0]).toBe("improvement");
  });
});

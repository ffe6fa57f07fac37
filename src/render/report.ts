import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys } from "../_lib/options.js";
import type { Measure } from "../measures/types.js";
import { fidelity } from "../pdsa/fidelity.js";
import { ramp } from "../pdsa/ramp.js";
import type { PdsaCycle } from "../pdsa/types.js";
import { rollUp, type AnalyseContext, type ChangeIdeaSummary, type MeasureSummary } from "../project/rollUp.js";
import { chartedCycles } from "../project/validate.js";
import type { Project, SeriesRow } from "../project/types.js";
import type { ChartLike } from "../project/verdict.js";
import { runChart } from "../runchart/runChart.js";
import { xLabel } from "../summary/xLabel.js";
import type { RunChart } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";
import { renderControlChart } from "./controlChart.js";
import { renderDriverDiagram } from "./driverDiagram.js";
import { xKind } from "./axis.js";
import { escapeXml } from "./escape.js";
import { formatValue } from "./number.js";
import { checkTextOptions } from "./options.js";
import { REPORT_CSS } from "./reportStyle.js";
import { renderRunChart } from "./runChart.js";
import { reportSummarySection } from "./reportSummary.js";
import { reportGroupSections } from "./reportGroups.js";
import { SUMMARY_CSS } from "./summaryTable.js";
import type { RenderReportOptions } from "./types.js";

/**
 * The report's Content-Security-Policy (issue #18): nothing may load or run — no script, no
 * fetch, no image, font, frame or form target — and only the report's own inline <style> applies.
 * A second line of defence behind the escaping: an escaping bug could not run a script.
 */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const AIM_ELEMENT: Record<string, string> = { what: "What will improve", howMuch: "How much", byWhen: "By when", forWhom: "For whom" };
const PERIOD: Record<string, string> = {
  day: "daily",
  week: "weekly",
  month: "monthly",
  quarter: "quarterly",
  year: "yearly",
  "financial-year": "by financial year (April to March)",
  "financial-quarter": "by financial quarter (Q1 April to June)",
  "clas-year": "by CLAS year (August to July)",
  case: "one point per case",
};
const CRITERION: Record<string, string> = {
  "iterative-cycles": "Iterative cycles",
  "prediction-based": "Prediction-based test",
  "small-scale": "Small-scale testing",
  "data-over-time": "Data over time",
  documentation: "Documentation",
};

type Analysed = { chart: RunChart | ControlChart } | { error: string };

/**
 * Render a whole improvement project as one self-contained HTML document: the aim (with its SMART
 * check), the driver diagram with each change idea's status, each measure's chart with its
 * verdict in words (from {@link rollUp}) and its PDSA cycles as annotations, and the PDSA log per
 * change idea (cycle, dates, objective, predictions against results, decision) with Taylor et al.
 * (2014) fidelity notes. Inline SVG and CSS only: no scripts, fonts or other requests; prints on
 * A4 with each measure on its own page. The default analysis is a run chart with the measure's
 * direction and its series' baseline; pass `analyse(measure, rows, { series, defaults })` for
 * control charts, spreading `defaults` (those options) to keep the baseline. Across groups (the project document has none of
 * its own), `funnel: { plot }` adds a {@link funnelPlot} section and `smallMultiples: [{ title,
 * groups }]` draws `by` results with {@link renderSmallMultiples}. Deterministic: nothing depends on the clock
 * (pass `generated` to stamp a date).
 *
 * @example
 * const project = { title: "Demo", diagram: { aim: { id: "aim", statement: "…" }, nodes: [], links: [] },
 *   measures: [], cycles: [], data: [] };
 * const html = renderReport(project, { generated: "2025-01-31" });
 * html.startsWith("<!DOCTYPE html>") //=> true
 */
export function renderReport(project: Project, options: RenderReportOptions = {}): string {
  checkKeys(checkTextOptions(options, ["title", "generated"]), ["title", "analyse", "generated", "funnel", "smallMultiples"], ["options"], "report option");
  if (options.analyse !== undefined && typeof options.analyse !== "function") {
    throw new QiError("invalid-option", ["options", "analyse"], `analyse must be a function (measure, rows, context) => chart, not ${describeValue(options.analyse)}`);
  }
  const { summary, analysed } = analyseProject(project, options.analyse);
  const title = options.title ?? project.title;
  const measureById = new Map<string, Measure>();
  for (const m of project.measures) if (!measureById.has(m.id)) measureById.set(m.id, m);
  const rowsOf = new Map<string, readonly SeriesRow[]>();
  for (const s of project.data) if (!rowsOf.has(s.measure)) rowsOf.set(s.measure, s.rows);

  const body: string[] = [headerSection(project, title, summary.illustrative, options.generated)];
  // The board's one page first: every measure's icons and reading (issue 14).
  body.push(reportSummarySection(summary.measures, analysed, measureById));
  body.push(aimSection(project, summary));
  // Driver diagram.
  const status = Object.fromEntries(summary.changeIdeas.map((c) => [c.id, c.status]));
  body.push(`<section class="drivers"><h2>Driver diagram</h2><figure>${renderDriverDiagram(project.diagram, { status, id: "qi-driver-diagram" })}</figure></section>`);
  // Measures.
  summary.measures.forEach((ms, k) => body.push(measureSection(ms, measureById.get(ms.id)!, analysed.get(ms.id), rowsOf.get(ms.id), k)));
  // Across groups (issue 14): the funnel plot and small multiples the caller analysed by group.
  const groupSections = reportGroupSections(options.funnel, options.smallMultiples);
  if (groupSections !== "") body.push(groupSections);
  // PDSA log.
  body.push(pdsaSection(project, summary.changeIdeas, rowsOf));
  if (summary.issues.length > 0) body.push(issuesSection(summary.issues));
  body.push(`<footer>${escapeXml(methodsUsed([...analysed.values()], project.cycles.length > 0))}</footer>`);
  return page(title, body);
}

/** Roll the project up, analysing each measure once (the caller's `analyse`, else the default) and keeping each chart or error for its section. */
function analyseProject(project: Project, given: RenderReportOptions["analyse"]): { summary: ReturnType<typeof rollUp>; analysed: Map<string, Analysed> } {
  const analyse = given ?? defaultAnalyse;
  const analysed = new Map<string, Analysed>();
  const summary = rollUp(project, {
    analyse: (m, rows, context) => {
      try {
        const chart = analyse(m, rows, context);
        if (!isChart(chart)) throw new QiError("invalid-option", ["options", "analyse"], `analyse must return a runChart() or controlChart() result, not ${describeValue(chart)}`);
        analysed.set(m.id, { chart });
        return "type" in chart ? controlChartLike(chart) : chart;
      } catch (e) {
        if (e instanceof QiError) analysed.set(m.id, { error: e.message });
        throw e;
      }
    },
  });
  return { summary, analysed };
}

/** The title, the illustrative-data notice, the description and the "Generated" line. */
function headerSection(project: Project, title: string, illustrative: boolean, generated: string | undefined): string {
  const out: string[] = [`<header><h1>${escapeXml(title)}</h1>`];
  if (illustrative) out.push(`<p class="illustrative">Illustrative example: made-up data, not real people or services.</p>`);
  if (project.description) out.push(`<p>${escapeXml(project.description)}</p>`);
  if (generated !== undefined) out.push(`<p class="muted">Generated ${escapeXml(generated)}.</p>`);
  out.push("</header>");
  return out.join("\n");
}

/** The aim, its SMART check and the coverage of its change ideas. */
function aimSection(project: Project, summary: ReturnType<typeof rollUp>): string {
  const cov = summary.aim.coverage;
  const out: string[] = [`<section class="aim"><h2>Aim</h2><p class="aim-statement">${escapeXml(summary.aim.statement)}</p><ul class="checks">`];
  const aim = project.diagram.aim;
  for (const e of summary.aim.check.elements) {
    // A sound element shows what the aim says; a weak one shows the advice.
    const text = e.ok && typeof aim[e.element] === "string" && aim[e.element]!.trim() !== "" ? aim[e.element]! : e.feedback;
    out.push(`<li class="${e.ok ? "ok" : "not-ok"}"><strong>${escapeXml(AIM_ELEMENT[e.element] ?? e.element)}:</strong> ${escapeXml(text)}</li>`);
  }
  out.push(
    `</ul><p>${cov.changeIdeas} change idea${cov.changeIdeas === 1 ? "" : "s"}: ${cov.tested} tested (${cov.testing} testing, ${cov.adopted} adopted, ${cov.adapted} adapted, ${cov.abandoned} abandoned), ${cov.untested} untested.</p></section>`,
  );
  return out.join("\n");
}

/** Validation issues, when there are any. */
function issuesSection(issues: ReturnType<typeof rollUp>["issues"]): string {
  const out: string[] = [`<section class="issues"><h2>Data and document checks</h2><ul class="issues">`];
  for (const i of issues) out.push(`<li class="${i.severity}">${escapeXml(`${i.severity}: ${i.message}`)} <span class="muted">(${escapeXml(i.path.join("."))})</span></li>`);
  out.push("</ul></section>");
  return out.join("\n");
}

/** The self-contained HTML page around the body. */
function page(title: string, body: readonly string[]): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${REPORT_CSS}${SUMMARY_CSS}</style>`,
    "</head>",
    "<body><main>",
    body.join("\n"),
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}

/** What `analyse` returned has the arrays a chart section draws from. */
function isChart(chart: unknown): chart is RunChart | ControlChart {
  if (chart === null || typeof chart !== "object") return false;
  const c = chart as Record<string, unknown>;
  return Array.isArray(c.points) && Array.isArray(c.phases) && Array.isArray(c.signals);
}

/**
 * A control chart as the roll-up's {@link ChartLike}: its phases carry no runs verdict
 * (`signal`), so a phase without values counts as "insufficient data" and any other as analysed;
 * with its type and each phase's points and centre, summariseVerdict calls a current phase too
 * short for firm limits insufficient data too, as the board table does.
 */
function controlChartLike(chart: ControlChart): ChartLike {
  return {
    type: chart.type,
    signals: chart.signals,
    phases: chart.phases.map((p) => ({ signal: p.centre === null ? null : p.sigmaSignals > 0 || p.runsSignal === true, nObs: p.nObs, centre: p.centre })),
  };
}

/**
 * A run chart in the measure's direction, with the series' baseline when it has one (the context's
 * defaults). A measure whose `chart` is another type is an error shown as its "No chart" (never a
 * run chart in its place without a word): the rows' y is the measure's value, which a p or u
 * chart's counts must be found from (`pace-qi report` does), so the caller's `analyse` draws it.
 */
function defaultAnalyse(measure: Measure, rows: readonly SeriesRow[], context: AnalyseContext): RunChart {
  const chart = measure.chart;
  if (chart !== undefined && chart !== "run") {
    throw new QiError("invalid-option", [], `its chart is "${chart}" and renderReport's default analysis draws run charts: pass analyse to draw it (pace-qi report does), or set its chart to "run"`);
  }
  return runChart(rows, context.defaults);
}

/** Whether a chart's x axis is dated, so a PDSA cycle's date has a place on it (a numbered axis has none; the renderer refuses such an annotation). */
function datedAxis(chart: RunChart | ControlChart): boolean {
  return xKind(chart.points.map((p) => p.x)) === "date";
}

/**
 * The section's verdict. A control chart with Making Data Count icons whose latest point is part of
 * no special-cause pattern (a common cause icon) while its phase had signals reads as the summary
 * table's row does — common cause at the latest point, then the phase's last signal — not as the
 * bare "improvement signal: …" of {@link summariseVerdict} (user trial 17: the section said
 * "improvement signal" beside a table row and icon saying common cause, "none since (11 points)").
 */
function verdictLine(verdict: MeasureSummary["verdict"], analysed: Analysed | undefined): string {
  const chart = analysed !== undefined && "chart" in analysed ? analysed.chart : null;
  const icon = chart !== null && "type" in chart ? (chart.phases[chart.phases.length - 1]?.variationIcon ?? null) : null;
  const signalled = verdict.kind === "improvement" || verdict.kind === "deterioration" || verdict.kind === "signal";
  const stop = /[.!?]$/.test(verdict.text) ? "" : ".";
  if (icon !== "common-cause" || !signalled) return `<p class="verdict ${verdict.kind}"><strong>Verdict:</strong> ${escapeXml(verdict.text)}${stop}</p>`;
  // "improvement signal: 9 points below …" → "9 points below …": the message says what it was.
  const message = verdict.text.replace(/^(?:improvement |deterioration )?signal: /, "");
  return `<p class="verdict no-signal"><strong>Verdict:</strong> common cause variation at the latest point (part of no special-cause pattern); the phase's last signal: ${escapeXml(message)}${stop}</p>`;
}

function measureSection(ms: MeasureSummary, m: Measure, analysed: Analysed | undefined, rows: readonly SeriesRow[] | undefined, k: number): string {
  const out: string[] = [`<section class="measure" id="measure-${k + 1}"><h2>${escapeXml(ms.name)}</h2>`];
  const d = m.definition;
  const facts: Array<[string, string]> = [
    ["Type", `${ms.type} measure`],
    ["Better when", ms.direction === "increase" ? "higher" : ms.direction === "decrease" ? "lower" : "no direction set"],
    ["Unit", `${d.unit}, ${PERIOD[d.period] ?? d.period} (${d.aggregation})`],
  ];
  if (d.description) facts.push(["Definition", d.description]);
  if (d.numerator) facts.push(["Numerator", d.numerator]);
  if (d.denominator) facts.push(["Denominator", d.denominator]);
  // Latest and target in the measure's unit ("61.1 %"), as the board's summary table writes them.
  const inUnit = (v: number): string => `${formatValue(v)}${d.unit === "" ? "" : ` ${d.unit}`}`;
  if (ms.target) facts.push(["Target", `${inUnit(ms.target.value)}${ms.target.by ? ` by ${ms.target.by}` : ""}${ms.target.label ? ` (${ms.target.label})` : ""}`]);
  // The latest x as the chart writes it ("Dec 2025", "2024 Q2"), as the summary table does.
  const period = analysed !== undefined && "chart" in analysed ? (analysed.chart.settings.period ?? null) : null;
  if (ms.latest) facts.push(["Latest", `${inUnit(ms.latest.y)} (${xLabel(ms.latest.x, period)}), ${ms.points} data point${ms.points === 1 ? "" : "s"}`]);
  out.push(`<dl class="definition">${facts.map(([t, v]) => `<dt>${escapeXml(t)}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`);
  out.push(verdictLine(ms.verdict, analysed));
  if (analysed !== undefined && "chart" in analysed) {
    const chartOptions = {
      title: ms.name,
      subtitle: `${ms.type} measure · ${PERIOD[d.period] ?? d.period}`,
      ...("type" in analysed.chart && analysed.chart.type === "cusum" ? {} : { yLabel: d.unit }), // a CUSUM's sums are in standard errors (its own label), not the measure's unit
      target: ms.target?.value ?? null,
      annotations: datedAxis(analysed.chart) ? ms.annotations.map((a) => ({ x: a.x, label: a.label })) : [],
      id: `qi-measure-${k + 1}`,
      width: 900,
      height: 440,
    };
    const chart = analysed.chart;
    out.push(`<figure>${"type" in chart ? renderControlChart(chart, chartOptions) : renderRunChart(chart, chartOptions)}</figure>`);
  } else if (analysed !== undefined) {
    out.push(`<p>No chart: ${escapeXml(analysed.error)}</p>`);
  } else if (rows === undefined || rows.length === 0) {
    out.push(`<p class="muted">No data yet.</p>`);
  }
  if (ms.annotations.length > 0) {
    // Without a chart the cycles are the measure's, not "on this chart" (a user trial read that under "No chart").
    const charted = analysed !== undefined && "chart" in analysed;
    const undrawn = charted && !datedAxis(analysed.chart) ? " (not drawn: this chart's x axis is numbered, not dated)" : "";
    out.push(`<p class="muted">${charted ? `PDSA cycles on this chart${undrawn}` : "PDSA cycles of this measure"}: ${ms.annotations.map((a) => escapeXml(`${a.label} (${a.x}${a.decision ? `, ${a.decision}` : ""})`)).join("; ")}.</p>`);
  }
  out.push("</section>");
  return out.join("\n");
}

function pdsaSection(project: Project, ideas: readonly ChangeIdeaSummary[], rowsOf: Map<string, readonly SeriesRow[]>): string {
  // With the measures each cycle is charted on, so fidelity and the charts agree.
  const byIdea = new Map<string, PdsaCycle[]>();
  for (const c of chartedCycles(project)) {
    const list = byIdea.get(c.changeIdea) ?? [];
    list.push(c);
    byIdea.set(c.changeIdea, list);
  }
  const dataPoints = (id: string): number | undefined => rowsOf.get(id)?.reduce((n, r) => n + (typeof r.y === "number" && Number.isFinite(r.y) ? 1 : 0), 0);
  const out: string[] = [`<section class="pdsa"><h2>PDSA log</h2>`];
  const known = new Set(ideas.map((c) => c.id));
  for (const idea of ideas) {
    const cycles = byIdea.get(idea.id) ?? [];
    out.push(`<h3>${escapeXml(idea.label)} <span class="badge ${escapeXml(idea.status)}">${escapeXml(idea.status)}</span></h3>`);
    if (cycles.length === 0) {
      out.push(`<p class="muted">Not tested yet.</p>`);
      continue;
    }
    const r = ramp(cycles, idea.id);
    out.push(cycleTable(r.cycles));
    const f = fidelity(r, { dataPoints });
    out.push(
      `<p><strong>Fidelity</strong> (Taylor et al. 2014): ${f.metCount} of ${f.assessedCount} assessable criteria met.</p><ul class="checks fidelity">${f.criteria
        .map((c) => `<li class="${c.met === null ? "unknown" : c.met ? "ok" : "not-ok"}"><strong>${escapeXml(CRITERION[c.criterion] ?? c.criterion)}:</strong> ${escapeXml(c.reason)}</li>`)
        .join("")}</ul>`,
    );
  }
  const orphans = chartedCycles(project).filter((c) => !known.has(c.changeIdea));
  if (orphans.length > 0) {
    out.push(`<h3>Cycles under unknown change ideas</h3>`, cycleTable(orphans));
  }
  out.push("</section>");
  return out.join("\n");
}

function cycleTable(cycles: readonly PdsaCycle[]): string {
  const rows = cycles.map((c, k) => {
    const dates = c.do?.date ? `${c.do.date}${c.do.endDate ? ` to ${c.do.endDate}` : ""}` : "not run yet";
    const results = c.study?.results ?? [];
    const qs = c.questions.map((q, qi) => {
      const res = results.find((r) => r.question === qi);
      const met = res?.predictionMet === true ? "ok" : res?.predictionMet === false ? "not-ok" : "unknown";
      return `<li><strong>${escapeXml(q.question)}</strong><br>Predicted: ${escapeXml(q.prediction ?? "(no prediction)")}<br><span class="${res ? met : "unknown"}">Result: ${escapeXml(res?.result ?? "not studied yet")}</span></li>`;
    });
    const learning = c.study?.learning ? `<br><em>Learning:</em> ${escapeXml(c.study.learning)}` : "";
    const decision = c.act ? `<strong>${escapeXml(c.act.decision)}</strong>${c.act.nextSteps ? `<br>${escapeXml(c.act.nextSteps)}` : ""}` : "none yet";
    // A cycle without a title is named by its place in the ramp, never by its id.
    const n = c.sequence ?? k + 1;
    const name = c.title !== undefined && c.title.trim() !== "" ? `${n}. ${c.title}` : `PDSA ${n}`;
    return `<tr><td>${escapeXml(name)}${c.scale?.size !== undefined ? `<br><span class="muted">${escapeXml(`${c.scale.size} ${c.scale.unit ?? ""}`.trim())}</span>` : ""}</td><td class="dates">${escapeXml(dates)}</td><td>${escapeXml(c.objective)}</td><td><ul>${qs.join("")}</ul>${learning}</td><td>${decision}</td></tr>`;
  });
  return `<table class="cycles"><thead><tr><th>Cycle</th><th>Dates</th><th>Objective</th><th>Prediction vs result</th><th>Decision</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

const RUN_RULES: Record<string, string> = {
  pace: "the median with the IHI run rules: shift, trend, runs and astronomical points (Perla, Provost & Murray 2011)",
  ihi: "the median with the IHI run rules: shift, trend, runs and astronomical points (Perla, Provost & Murray 2011)",
  anhoej: "the median with Anhøj's rules: longest run and crossings (Anhøj & Olesen 2014; Anhøj 2015)",
};
const CONTROL_RULES: Record<string, string> = {
  shewhart: "points beyond 3-sigma limits (Shewhart; Montgomery)",
  ihi: "the IHI control-chart rules (Provost & Murray 2011)",
  "western-electric": "the Western Electric rules (Western Electric 1956)",
  nelson: "Nelson's tests (Nelson 1984)",
  anhoej: "3-sigma limits with Anhøj's run rules (as qicharts2)",
  mdc: "NHS England's Making Data Count rules and icons",
};

/** The footer: only the methods this report used, each with its source. */
function methodsUsed(analysed: readonly Analysed[], hasCycles: boolean): string {
  const run = new Set<string>();
  const control = new Map<string, Set<string>>();
  for (const a of analysed) {
    if (!("chart" in a)) continue;
    const preset = a.chart.settings.rules.preset;
    if ("type" in a.chart) {
      const types = control.get(preset) ?? new Set<string>();
      types.add(a.chart.type);
      control.set(preset, types);
    } else run.add(preset);
  }
  const parts = ["Made with pace-qi."];
  if (run.size > 0) parts.push(`Run charts: ${[...run].map((p) => RUN_RULES[p] ?? `${p} rules`).filter((v, i, all) => all.indexOf(v) === i).join("; ")}.`);
  for (const [preset, types] of control) parts.push(`Control charts (${[...types].join(", ")}): ${CONTROL_RULES[preset] ?? `${preset} rules`}.`);
  if (hasCycles) parts.push("PDSA fidelity: Taylor et al. 2014.");
  return parts.join(" ");
}

import { lstatSync } from "node:fs";
import { join } from "node:path";
import { intFlag, parseCommandArgs, stringFlag } from "./args.js";
import { UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { isControl } from "./analyse.js";
import { PACE_STAGES, renderControlChart, renderRunChart, runChart, simulateCases, timescaleSeries, type Measure, type SimulatedEvent } from "./lib.js";
import { toCsv, writeAll, type PlannedFile } from "./output.js";
import { buildReport, verdictLines } from "./report.js";
import { computeTimescales, timescaleOutputs, type TimescaleSettings } from "./timescales.js";

declare const __PACE_QI_DEMO_TEMPLATE__: string;

const C = "demo";
const SPEC = { out: { type: "string" }, seed: { type: "string" }, force: { type: "boolean" } } as const;

/** The demo's files a person may have edited since (its project and case records): never replaced without `--force`. */
export const DEMO_KEEP = ["project.json", "cases.csv"] as const;

/** Anything at `path` (a file, link or folder); a path through a non-folder is not there. */
function present(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // ENOTDIR and the like: writing will say why
  }
}

/**
 * Refuse to replace an existing project.json or cases.csv in `outDir` unless `force` (issue #18:
 * a second `demo --out DIR` silently replaced an edited project). A usage error, exit 2, naming
 * the file(s); the other outputs (report, charts, analysis) are regenerated freely.
 */
export function checkDemoTarget(outDir: string, force: boolean): void {
  if (force) return;
  const existing = DEMO_KEEP.map((name) => join(outDir, name)).filter(present);
  if (existing.length === 0) return;
  throw new UsageError(
    `${existing.join(" and ")} already exist${existing.length === 1 ? "s" : ""}; the demo would replace ${existing.length === 1 ? "it" : "them"}: give --force to replace, or --out another folder`,
    C,
  );
}

/**
 * The simulation behind the demo: five years of Scottish case records, better from June 2024.
 * The simulated services start empty in 2021, so their first years fill up (the first
 * recommendations are the quick ones): the charts start after that warm-up, and each measure's
 * centre line is set by the months before the change — its baseline — so that the signals show
 * where the change is.
 */
export const DEMO = {
  start: "2021-01-01",
  end: "2025-12-31",
  improvementFrom: "2024-06-01",
  improvementFactor: 0.6,
  /** The monthly headline measure is charted from here: 17 baseline months before the change. */
  monthlyFrom: "2023-01-01",
  /** The last month wholly before the change. */
  monthlyBaseline: "2024-05-01",
  /** The quarterly timescale measure is charted from here (the first year is warm-up)… */
  quarterlyFrom: "2022-01-01",
  /** …and its baseline is the nine quarters wholly before the change. */
  quarterlyBaseline: "2024-01-01",
} as const;

const DAYS_MEASURE: Measure = {
  id: "m-recommendation-days",
  name: "Days from accommodation to permanence recommendation (quarterly median)",
  type: "outcome",
  description: "SYNTHETIC: computed by pace-qi timescales from the simulated case records.",
  definition: {
    description: "Median calendar days from accommodation to the permanence recommendation, of the recommendations made in the quarter.",
    clock: { start: "accommodated", stop: "permanence recommendation" },
    unit: "days",
    aggregation: "median",
    period: "quarter",
    dataSource: "simulated case records (pace-qi demo)",
    owner: "pace-qi demo (synthetic)",
  },
  direction: "decrease",
  target: { value: 182, label: "26 weeks (PACE Aim 2)" },
  links: ["aim"],
};

const monthName = (iso: string): string => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * The headline measure as its series is built: children accommodated in each month (all of them),
 * the share with a permanence recommendation within 182 days.
 */
function headlineMeasure(template: Measure): Measure {
  return {
    ...template,
    description:
      "SYNTHETIC: from the simulated case records, by month of accommodation; a month is shown once every child accommodated in it has had 182 days of follow-up.",
    definition: {
      ...template.definition,
      description: "Of the children accommodated in the month, the percentage with a permanence recommendation within 182 days (26 weeks) of being accommodated.",
      numerator: "children in the denominator with a permanence recommendation dated no later than 182 days after accommodation",
      denominator: "children accommodated in the month (all of them: a child who returns home or leaves care before a recommendation counts as not within 26 weeks)",
      inclusions: ["every child accommodated in the month in the simulated case records"],
      exclusions: [],
      dataSource: "simulated case records (pace-qi demo)",
      owner: "pace-qi demo (synthetic)",
    },
  };
}

/** The aim with the baseline the headline chart really has. */
function demoAim(aim: Record<string, unknown>, baseline: number, councils: number): Record<string, unknown> {
  const about = `about ${Math.round(baseline)}%`;
  const span = `${monthName(DEMO.monthlyFrom)} to ${monthName(DEMO.monthlyBaseline)}`;
  return {
    ...aim,
    statement: `By 31 March 2026, 80% of children accommodated in the ${councils} simulated councils have a permanence recommendation within 26 weeks of being accommodated (baseline ${about}, ${span}).`,
    howMuch: `from ${about} (the median of ${span}) to 80%`,
    forWhom: `children and young people accommodated in the ${councils} simulated Scottish councils (synthetic data)`,
  };
}

/**
 * The demo's project: the illustrative PACE project with its headline measure replaced by the
 * simulated series (from the recommendation stage's durations), plus the timescale itself as a measure.
 */
function demoProject(events: readonly SimulatedEvent[], durations: Parameters<typeof timescaleSeries>[0], seed: number): Record<string, unknown> {
  const template = JSON.parse(__PACE_QI_DEMO_TEMPLATE__) as Record<string, unknown> & {
    diagram: Record<string, unknown> & { aim: Record<string, unknown> };
    measures: Measure[];
    data: { measure: string; rows: unknown[] }[];
  };
  const cohorts = timescaleSeries(durations, { series: "cohort", asOf: DEMO.end }).filter((r) => r.complete && r.pctWithinTarget !== null && r.x >= DEMO.monthlyFrom);
  const pctRows = cohorts.map((r) => ({ x: r.x, y: Math.round(r.pctWithinTarget! * 10) / 10, n: r.n }));
  const quarters = timescaleSeries(durations, { series: "period", period: "quarter", asOf: DEMO.end });
  const daysRows = quarters.filter((r) => !r.partial && r.x >= DEMO.quarterlyFrom).map((r) => ({ x: r.x, y: r.y }));
  // The aim's baseline is the headline chart's own centre line.
  const baseline = runChart(pctRows, { x: "x", y: "y", direction: "increase", baseline: DEMO.monthlyBaseline }).phases[0]!.centre!;
  const councils = new Set(events.map((e) => e.authority)).size;
  const measures = [...template.measures, DAYS_MEASURE].map((m) => (m.id === "m-26-weeks" ? headlineMeasure(m) : m));
  const data = [
    ...template.data.filter((d) => d.measure !== "m-26-weeks"),
    { measure: "m-26-weeks", baseline: DEMO.monthlyBaseline, rows: pctRows },
    { measure: DAYS_MEASURE.id, baseline: DEMO.quarterlyBaseline, rows: daysRows },
  ];
  const doc = {
    ...template,
    $schema: "https://unpkg.com/pace-qi/schemas/project.schema.json",
    title: "PACE-style permanence project — pace-qi demo (SYNTHETIC DATA)",
    description: `Generated by \`pace-qi demo\` (seed ${seed}). Case records are simulated for ${councils} Scottish councils, ${DEMO.start} to ${DEMO.end}, with every stage ${Math.round((1 - DEMO.improvementFactor) * 100)}% faster for children who became looked after from ${DEMO.improvementFrom}. The two permanence measures come from the simulation; the simulated services start empty, so their charts begin after a warm-up (${monthName(DEMO.monthlyFrom)}; ${monthName(DEMO.quarterlyFrom)} for the quarterly measure), and every chart's centre line is its baseline: the period before the change. The other measures, the driver diagram and the PDSA cycles are the illustrative example project. Nothing here is real data or guidance.`,
    diagram: { ...template.diagram, aim: demoAim(template.diagram.aim, baseline, councils) },
    measures,
    data,
  };
  return doc;
}

/** `pace-qi demo [--out DIR] [--seed N] [--force]` */
export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(C, argv, SPEC, { min: 0, max: 0, what: "" });
  const outDir = stringFlag(values, "out") ?? "out";
  const seed = intFlag(C, "seed", stringFlag(values, "seed"), 0) ?? 42;
  checkDemoTarget(outDir, values.force === true);

  const events: SimulatedEvent[] = simulateCases({ seed, ...DEMO });
  // The stage charts, like the report's, start after the warm-up and are judged against the months before the change.
  const settings: TimescaleSettings = { stages: Object.values(PACE_STAGES), asOf: DEMO.end, period: "month", group: true, chartFrom: DEMO.monthlyFrom, baseline: DEMO.monthlyBaseline };
  const rows = events.map((_, i) => i);
  const ts = computeTimescales(
    {
      rows,
      options: { child: (i) => events[i]!.child, milestone: (i) => events[i]!.milestone, date: (i) => events[i]!.date, group: (i) => events[i]!.authority },
      ctx: { command: C, file: "cases.csv" },
    },
    settings,
    io.stderr,
  );
  const timescales = timescaleOutputs(ts, settings, "cases.csv (synthetic)");

  const doc = demoProject(events, ts.stages.find((s) => s.stage.id === "recommendation")!.durations, seed);
  const { html, project, charts } = buildReport(
    doc,
    "project.json",
    new Map(),
    { rules: undefined, baseline: undefined, phases: [], exclude: [], target: undefined },
    { generated: DEMO.end },
  );

  const files: PlannedFile[] = [];
  const add = (name: string, content: PlannedFile["content"]) => files.push({ path: join(outDir, name), content });
  add("report.html", html);
  add("project.json", `${JSON.stringify(doc, null, 2)}\n`);
  add("analysis.json", `${JSON.stringify(Object.fromEntries(charts), null, 2)}\n`);
  add("cases.csv", toCsv(events, ["child", "milestone", "date", "authority"]));
  for (const f of timescales.files) add(f.name, f.content);
  for (const m of project.measures) {
    const c = charts.get(m.id);
    if (c === undefined) continue;
    const o = { title: m.name, yLabel: m.definition.unit, target: m.target?.value ?? null };
    add(`measure-${m.id}.svg`, isControl(c) ? renderControlChart(c, o) : renderRunChart(c, o));
  }
  await writeAll(files);
  io.stdout.write(
    [
      `pace-qi demo: ${events.length.toLocaleString("en-GB")} simulated events for ${new Set(events.map((e) => e.child)).size.toLocaleString("en-GB")} children (seed ${seed}), improvement from ${DEMO.improvementFrom}.`,
      "",
      timescales.summary,
      "Measures:",
      ...verdictLines(project, charts),
      "",
      `Wrote ${files.length} files to ${outDir}/:`,
      `  ${join(outDir, "report.html")}   the report (open it in a browser)`,
      `  ${join(outDir, "cases.csv")}     the simulated case records (try: pace-qi timescales ${join(outDir, "cases.csv")})`,
      `  ${join(outDir, "analysis.json")} the run chart analysis of each measure`,
      `  ${join(outDir, "project.json")}  the project (try: pace-qi report ${join(outDir, "project.json")})`,
      `  durations.csv, drift.csv, series.json, km.json, charts.json and ${files.filter((f) => f.path.endsWith(".svg")).length} SVG charts`,
      "",
    ].join("\n"),
  );
  return 0;
}

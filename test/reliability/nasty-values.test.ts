// tz-independent: the pass rule (a result or a coded QiError) does not depend on the zone; dates in every zone are checked by tz-golden.test.ts and the timescale suites.
/**
 * The deterministic "nasty values" sweep (docs/reliability.md): every exported function, called
 * with a small valid input, then with each argument, each option (nested ones too), each field
 * of its rows and each accessor replaced in turn by each nasty value below. Every call must
 * either succeed with a JSON-serialisable result or throw a QiError with a non-empty `code` and
 * an array `path`. The one exception: a value that throws on coercion (its own toString/valueOf)
 * may let its own Error through unchanged — that is the caller's bug, not a TypeError of ours.
 *
 * Whole documents and chart results (`documents` below: the project, diagram, cycle, measure, aim
 * or chart a function takes) are swept too: the whole argument, each of its fields, the first
 * element of each array field and each field of that element (`chart.points[0].y`,
 * `diagram.nodes[0].id`) get each nasty value in turn. Validators (`validate*`, `checkPdsaCycle`,
 * `checkMeasure`) answer with issues; the others throw `invalid-value` at `[argument, …]`.
 *
 * One documented limit (docs/reliability.md): identifiers the caller supplies (notes, group keys,
 * ids, labels) are copied into results as given, so a 10n among them leaves a bigint in the
 * result: JSON.stringify is then checked with bigints written as strings (the library never
 * makes a bigint itself).
 *
 * A new export fails the "every exported function has an entry" test until it gets one here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { QiError } from "../../src/index.js";
import { deepFreeze } from "../_shared/freeze.js";

// ---- nasty values ---------------------------------------------------------------------------

const BOOM = "boom";
function throwingObject(): object {
  return Object.freeze({
    toString(): string {
      throw new Error(BOOM);
    },
    valueOf(): number {
      throw new Error(BOOM);
    },
  });
}

/** Each nasty value as [label, factory]; a fresh (frozen where possible) value per call. */
const NASTY: ReadonlyArray<readonly [string, () => unknown]> = [
  ["Symbol", () => Symbol("s")],
  ["null-prototype object", () => Object.freeze(Object.create(null) as object)],
  ["throwing toString/valueOf", throwingObject],
  ["10n", () => 10n],
  ["null", () => null],
  ["undefined", () => undefined],
  ["NaN", () => Number.NaN],
  ["-0", () => -0],
  ["Infinity", () => Number.POSITIVE_INFINITY],
  ["[]", () => Object.freeze([])],
  ["[Symbol]", () => Object.freeze([Symbol("s")])],
  ["[null-prototype object]", () => Object.freeze([Object.freeze(Object.create(null) as object)])],
  ["{}", () => Object.freeze({})],
  ["() => 1", () => () => 1],
  ['"__proto__"', () => "__proto__"],
  ["Invalid Date", () => new Date(Number.NaN)],
  ["[[[[1]]]]", () => deepFreeze([[[[1]]]])],
  ["10,000-char string", () => "x".repeat(10_000)],
];
const THROWING = "throwing toString/valueOf";


// ---- fixtures (frozen: a function that writes to its input fails with a TypeError) -------------

const Y = [12, 15, 11, 14, 13, 16, 12, 18, 17, 19, 20, 18, 21, 22, 19, 23, 24, 22, 25, 26];
const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const ROWS = deepFreeze(Y.map((y, i) => ({ date: month(i), y, n: 30, note: i === 3 ? "new form" : null })));
const RUN = { x: "date", y: "y", notes: "note" } as const;
const P_CHART = { type: "p", x: "date", y: "y", n: "n", notes: "note" } as const;

const RUN_CHART = deepFreeze(lib.runChart(ROWS, RUN));
const CONTROL_CHART = deepFreeze(lib.controlChart(ROWS, P_CHART));
const I_CHART = deepFreeze(lib.controlChart(Y));
const CUSUM_CHART = deepFreeze(lib.controlChart(Y, { type: "cusum", decisionInterval: 4 }));
const EWMA_CHART = deepFreeze(lib.controlChart(Y, { type: "ewma", lambda: 0.2 }));
const SUBGROUP_ROWS = deepFreeze(Y.map((y, i) => ({ x: Math.floor(i / 4), y, note: null })));
const OUTCOMES = deepFreeze([0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1]);
const REASONS = deepFreeze([{ r: "Court", d: 30 }, { r: "Panel", d: 10 }, { r: "Court", d: 5 }, { r: null, d: 2 }]);
const PARETO = deepFreeze(lib.paretoChart(REASONS, { category: "r" }));

const EVENTS = deepFreeze(lib.simulateCases({ seed: 1, children: 5, start: "2023-01-01", end: "2023-12-31" }));
const AS_OF = "2024-01-31";
// Issue #11: dates of birth (on each child's first row) for ages, and a months target.
const EVENTS_DOB = deepFreeze(EVENTS.map((e, i) => ({ ...e, dob: i === 0 || EVENTS[i - 1]!.child !== e.child ? "2015-06-30" : null })));
const AGE_STAGE = { id: "young", from: "accommodated", to: "permanence-recommendation", target: { months: 6 }, ages: [0, 11] };
// Issue #11: an England adoption journey for the scorecard (one adopted child, one waiting).
const ADOPTION_EVENTS = deepFreeze([
  { child: "A", milestone: "looked-after", date: "2021-01-10", team: "North" },
  { child: "A", milestone: "placement-order", date: "2021-09-01", team: "North" },
  { child: "A", milestone: "matched", date: "2021-12-01", team: "North" },
  { child: "A", milestone: "placed-for-adoption", date: "2022-01-10", team: "North" },
  { child: "A", milestone: "adoption-order", date: "2022-07-01", team: "North" },
  { child: "D", milestone: "looked-after", date: "2022-06-01", team: "South" },
  { child: "D", milestone: "placement-order", date: "2023-01-10", team: "South" },
]);
const DURATIONS = deepFreeze(lib.stageDurations(EVENTS, "recommendation", { asOf: AS_OF }));
const CUMINC_ROWS_LIST = [
  { child: "A", days: 10, route: "home" },
  { child: "B", days: 20, route: "adoption" },
  { child: "C", days: 20, route: null },
  { child: "D", days: 35, route: "home" },
];
const CUMINC_ROWS = deepFreeze(CUMINC_ROWS_LIST);
const CUMINC = deepFreeze(lib.cumulativeIncidence(CUMINC_ROWS_LIST));
const WIDE = deepFreeze([
  { id: "c1", acc: "2023-01-05", rec: "2023-05-01" },
  { id: "c2", acc: "2023-02-10", rec: null },
  { id: "c3", acc: "2023-03-01", rec: "2023-11-20" },
]);
const WIDE_OPTIONS = { format: "wide", child: "id", columns: { accommodated: "acc", "permanence-recommendation": "rec" }, asOf: AS_OF } as const;

const PROJECT_JSON = readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8");
const fresh = (): { diagram: unknown; measures: unknown[]; cycles: unknown[] } => JSON.parse(PROJECT_JSON) as never;
const PROJECT = deepFreeze(lib.parseProject(fresh()));
const DIAGRAM = PROJECT.diagram;
const CYCLES = PROJECT.cycles;
const CYCLE = CYCLES[0]!;
const CHANGE_IDEA = CYCLE.changeIdea;
const RAMP = deepFreeze(lib.ramp(CYCLES, CHANGE_IDEA));
const MEASURE = PROJECT.measures[0]!;
const CHANGE = DIAGRAM.nodes.find((n) => n.kind === "change")!.id;
const SECONDARY = DIAGRAM.nodes.find((n) => n.kind === "secondary")!.id;
const PRIMARY = DIAGRAM.nodes.find((n) => n.kind === "primary")!.id;

// ---- the table ------------------------------------------------------------------------------

/** One valid call and what to poke in it. */
interface Case {
  /** A fresh valid argument list. */
  args: () => unknown[];
  /** Plain-object arguments whose keys (dotted for nested objects) get nasty values: [argument index, keys]. */
  objects?: ReadonlyArray<readonly [number, readonly string[]]>;
  /** Keys (in `objects`' argument) that take a function: also given `() => nasty`. [argument index, keys]. */
  accessors?: readonly [number, readonly string[]];
  /** An argument that is an array of row objects, and the row fields read. */
  rows?: readonly [number, readonly string[]];
  /** An argument that is an array of values (numbers, ids): its elements get nasty values. */
  elements?: number;
  /** Arguments that take a parsed document or a chart result: also swept one and two levels in (see above). */
  documents?: readonly number[];
  /** A validator: a malformed document gives issues, never an exception (options may still throw). */
  validator?: true;
}

const RUN_KEYS = [
  "x", "y", "n", "multiply", "target", "notes", "aggregate", "rules", "direction", "baseline", "phases", "exclude", "centre", "rephase", "astronomical", "by", "output", "period",
  "rules.preset", "rules.shift", "rules.trend", "rules.runs", "rules.longRun", "rules.crossings", "rules.method",
  "rules.shift.length", "rules.shift.onCentre", "rules.trend.length", "rules.trend.ties", "rules.runs.minUseful", "rules.runs.alpha",
  "rules.longRun.minUseful", "rules.crossings.minUseful",
  "rephase.runLength", "rephase.baselinePoints", "rephase.side", "rephase.onCentre",
  "astronomical.method", "astronomical.k", "astronomical.sigma", "astronomical.minPoints", "astronomical.points",
];
const CONTROL_KEYS = [
  "type", "x", "y", "n", "aggregate", "notes", "by", "rules", "direction", "target", "baseline", "phases", "exclude", "centre", "screenMovingRanges", "sigmaConstant", "multiply", "output", "period",
  "rules.preset", "rules.beyondLimits", "rules.shift", "rules.trend", "rules.twoOfThree", "rules.fourOfFive", "rules.innerThird", "rules.alternating",
  "rules.mixture", "rules.longRun", "rules.crossings",
  "rules.shift.length", "rules.shift.onCentre", "rules.trend.length", "rules.trend.ties",
  "rules.twoOfThree.count", "rules.twoOfThree.window", "rules.twoOfThree.sigma", "rules.twoOfThree.variant",
  "rules.innerThird.length", "rules.alternating.length", "rules.mixture.length", "rules.longRun.minUseful", "rules.crossings.minUseful",
  "sigma", "constants",
];
const SEQUENTIAL_KEYS = ["type", "x", "y", "notes", "direction", "baseline", "phases", "exclude", "centre", "sigma", "constants", "screenMovingRanges", "sigmaConstant", "output", "period"];
const CASE_RECORD_KEYS = [
  "format", "child", "milestone", "date", "episode", "splitEpisodesAt", "columns", "catalogue", "unknownMilestones", "group", "dates", "excelSerials",
  "catalogue.milestones", "catalogue.routes", "catalogue.jurisdiction",
];
const STAGE_KEYS = [...CASE_RECORD_KEYS, "asOf", "target", "negative", "afterAsOf"];
const CASE_ACCESSORS = ["child", "milestone", "date", "episode", "group"];
const EVENT_FIELDS = ["child", "milestone", "date", "episode"];
const DURATION_FIELDS = ["child", "episode", "start", "end", "days", "censored", "target"];
const RENDER_CHART_KEYS = ["title", "subtitle", "xLabel", "yLabel", "width", "height", "target", "annotations", "id", "caption", "decimals", "yPercent", "phaseLabels", "flags", "partialPeriods"];
const FIDELITY_KEYS = ["smallScaleMax", "minDataPoints", "dataPoints"];
const SERIES_KEYS = ["series", "period", "y", "target", "asOf", "dates"];

const FUNNEL_ROWS = deepFreeze([
  { la: "A", within: 40, children: 50 },
  { la: "B", within: 12, children: 30 },
  { la: "C", within: 70, children: 90 },
  { la: "D", within: 20, children: 35 },
]);
const FUNNEL_KEYS = ["group", "numerator", "denominator", "type", "srMethod", "overdispersion", "unadjusted", "trim", "multiplier", "shmiRounding", "groups", "suppressed"];
const FUNNEL = deepFreeze(lib.funnelPlot(FUNNEL_ROWS, { group: "la", numerator: "within", denominator: "children" }));

const SUMMARY = deepFreeze(lib.summariseMeasures([{ name: "m", chart: CONTROL_CHART }, { name: "r", chart: RUN_CHART }]));

const fromTo = () => ({ from: ["accommodated"], to: "permanence-recommendation" });

const TABLE: Record<string, readonly Case[]> = {
  // run charts
  runChart: [
    { args: () => [ROWS, { ...RUN }], objects: [[1, RUN_KEYS]], accessors: [1, ["x", "y", "notes", "by"]], rows: [0, ["date", "y", "note"]] },
    { args: () => [Y, {}], elements: 0 },
  ],
  runRulesOf: [{ args: () => [lib.RUN_RULE_BITS.shift | lib.RUN_RULE_BITS.trend] }],
  controlRulesOf: [{ args: () => [lib.CONTROL_RULE_BITS.shift | lib.CONTROL_RULE_BITS["beyond-limits"]] }],
  runsLimits: [{ args: () => [20, {}], objects: [[1, ["alpha"]]] }],
  anhoejLimits: [{ args: () => [20] }],
  summariseRunChart: [{ args: () => [RUN_CHART], documents: [0] }],
  // control charts
  controlChart: [
    { args: () => [ROWS, { ...P_CHART }], objects: [[1, CONTROL_KEYS]], accessors: [1, ["x", "y", "n", "notes", "by"]], rows: [0, ["date", "y", "n", "note"]] },
    { args: () => [Y, {}], objects: [[1, CONTROL_KEYS]], elements: 0 },
    { args: () => [Y, { type: "cusum", decisionInterval: 4, shift: 1, headStart: 1 }], objects: [[1, [...SEQUENTIAL_KEYS, "decisionInterval", "shift", "headStart"]]], elements: 0 },
    { args: () => [Y, { type: "ewma", lambda: 0.2, sigmas: 3, ewmaLimits: "exact" }], objects: [[1, [...SEQUENTIAL_KEYS, "lambda", "sigmas", "ewmaLimits"]]], elements: 0 },
    { args: () => [SUBGROUP_ROWS, { type: "r", x: "x", y: "y", notes: "note" }], objects: [[1, CONTROL_KEYS]], accessors: [1, ["x", "y", "notes"]], rows: [0, ["x", "y", "note"]] },
    { args: () => [SUBGROUP_ROWS, { type: "ewma", x: "x", y: "y" }], objects: [[1, SEQUENTIAL_KEYS]], rows: [0, ["x", "y"]] },
    { args: () => [ROWS, { type: "np", x: "date", y: "y", n: "n" }], rows: [0, ["date", "y", "n"]] },
    { args: () => [ROWS, { type: "ip", x: "date", y: "y", n: "n" }], rows: [0, ["date", "y", "n"]] },
    { args: () => [Y, { type: "i-median-mr", constants: "exact" }], objects: [[1, CONTROL_KEYS]] },
    { args: () => [Y, { type: "i", sigma: "sd" }], objects: [[1, CONTROL_KEYS]] },
  ],
  bernoulliCusum: [
    { args: () => [OUTCOMES, { target: 0.4, oddsRatio: 2, limit: 2 }], objects: [[1, ["y", "target", "oddsRatio", "limit"]]], elements: 0 },
    { args: () => [OUTCOMES.map((late) => ({ late })), { y: "late" }], accessors: [1, ["y"]], rows: [0, ["late"]] },
  ],
  paretoChart: [
    { args: () => [REASONS, { category: "r", weight: "d", missing: "include" }], objects: [[1, ["category", "weight", "missing"]]], accessors: [1, ["category", "weight"]], rows: [0, ["r", "d"]] },
    { args: () => [["Court", "Panel", "Court"]], elements: 0 },
  ],
  renderParetoChart: [{ args: () => [PARETO, { title: "Reasons" }], objects: [[1, ["title", "subtitle", "yLabel", "width", "height", "id"]]], documents: [0] }],
  d2: [{ args: () => [5, "tabled"] }],
  d3: [{ args: () => [5, "exact"] }],
  resolveControlRules: [{ args: () => ["ihi"] }, { args: () => [{ preset: "ihi" }], objects: [[0, CONTROL_KEYS.filter((k) => k.startsWith("rules.")).map((k) => k.slice(6))]] }],
  c4: [{ args: () => [5] }],
  c5: [{ args: () => [5] }],
  a3: [{ args: () => [5, 3] }],
  b3: [{ args: () => [6, 3] }],
  b4: [{ args: () => [5, 3] }],
  averageMovingRange: [{ args: () => [Float64Array.of(1, 3, 2), Uint8Array.of(1, 1, 1), 0, 2, false] }],
  summariseControlChart: [{ args: () => [CONTROL_CHART], documents: [0] }, { args: () => [I_CHART], documents: [0] }, { args: () => [CUSUM_CHART], documents: [0] }],
  // timescales
  stageDurations: [
    { args: () => [EVENTS, "recommendation", { asOf: AS_OF }], objects: [[2, STAGE_KEYS]], accessors: [2, CASE_ACCESSORS], rows: [0, EVENT_FIELDS] },
    { args: () => [EVENTS, fromTo(), { asOf: AS_OF }], objects: [[1, ["from", "to", "target", "id", "label"]]] },
    {
      args: () => [EVENTS_DOB, { ...AGE_STAGE, target: { ...AGE_STAGE.target }, ages: [...AGE_STAGE.ages] }, { asOf: AS_OF, dateOfBirth: "dob", ageBands: [0, 5, 12, 16], group: "ageBand" }],
      objects: [[1, ["target", "target.months", "ages"]], [2, ["dateOfBirth", "ageBands", "group"]]],
      accessors: [2, ["dateOfBirth"]],
      rows: [0, [...EVENT_FIELDS, "dob"]],
    },
    { args: () => [WIDE, "recommendation", { ...WIDE_OPTIONS, columns: { ...WIDE_OPTIONS.columns } }], objects: [[2, ["columns.accommodated", "columns.permanence-recommendation"]]], rows: [0, ["id", "acc", "rec"]] },
  ],
  kaplanMeier: [
    { args: () => [DURATIONS.rows, {}], objects: [[1, ["time", "event", "z"]]], accessors: [1, ["time", "event"]], rows: [0, ["days", "censored"]] },
  ],
  cumulativeIncidence: [
    {
      args: () => [CUMINC_ROWS, { routes: ["home", "adoption"], censored: null }],
      objects: [[1, ["time", "route", "censored", "routes", "z"]]],
      accessors: [1, ["time", "route"]],
      rows: [0, ["days", "route", "child"]],
    },
  ],
  renderCumulativeIncidence: [
    { args: () => [CUMINC, { title: "Routes", subtitle: "demo", at: 20, phrases: { home: "went home" } }], objects: [[1, ["title", "subtitle", "at", "phrases", "phrases.home", "width", "height", "id"]]] },
    { args: () => [CUMINC, {}], objects: [[0, ["routes", "steps", "n"]]] },
  ],
  summariseCumulativeIncidence: [
    { args: () => [CUMINC, { at: 20 }], objects: [[1, ["at", "phrases"]], [0, ["routes", "steps"]]] },
  ],
  timescaleSeries: [
    { args: () => [DURATIONS, {}], objects: [[1, SERIES_KEYS]] },
    { args: () => [DURATIONS, { series: "period" }], objects: [[1, SERIES_KEYS]] },
    { args: () => [DURATIONS.rows, { series: "cohort", asOf: AS_OF }], objects: [[1, SERIES_KEYS]], rows: [0, DURATION_FIELDS] },
    { args: () => [DURATIONS.rows, { series: "between" }], rows: [0, DURATION_FIELDS] },
    { args: () => [DURATIONS, { series: "cohort", target: { months: 6 } }], objects: [[1, ["target", "target.months"]]] },
    { args: () => [DURATIONS, { series: "period", x: "date" }], objects: [[1, ["x"]]] },
  ],
  driftList: [
    { args: () => [EVENTS, "recommendation", { asOf: AS_OF }], objects: [[2, STAGE_KEYS]], accessors: [2, CASE_ACCESSORS], rows: [0, EVENT_FIELDS] },
    { args: () => [DURATIONS.rows, undefined, { target: 100 }], objects: [[2, ["target"]]], rows: [0, DURATION_FIELDS] },
    { args: () => [DURATIONS, undefined, { target: { months: 6 } }], objects: [[2, ["target", "target.months"]]] },
    { args: () => [DURATIONS, undefined, {}] },
  ],
  simulateCases: [
    {
      args: () => [{ seed: 1, children: 5, start: "2023-01-01", end: "2023-12-31" }],
      objects: [[0, ["seed", "children", "start", "end", "improvementFrom", "improvementFactor", "authorities"]]],
    },
  ],
  readDate: [
    { args: () => ["9/1/2024", { dates: "uk" }], objects: [[1, ["dates", "excelSerials"]]] },
    { args: () => [45747, { excelSerials: true }], objects: [[1, ["dates", "excelSerials"]]] },
  ],
  nearestName: [{ args: () => ["recomendation", ["recommendation", "panel"]] }, { args: () => ["Fife", ["Fife"]] }],
  isSuppressionMark: [{ args: () => ["[c]"] }, { args: () => ["12"] }],
  controlChartTypeHint: [{ args: () => ["bar"] }, { args: () => ["p-chart"] }],
  readPeriodLabel: [{ args: () => ["Jan 2024"] }, { args: () => ["2024 Q1"] }, { args: () => ["2024/25 Q1", "financial-year"] }],
  writePeriodLabel: [{ args: () => ["2024-04-01", "quarter"] }],
  dateReader: [
    { args: () => [{ dates: "uk" }], objects: [[0, ["dates", "excelSerials"]]] },
    { args: () => [{ excelSerials: true }], objects: [[0, ["dates", "excelSerials"]]] },
  ],
  adoptionScorecard: [
    {
      args: () => [ADOPTION_EVENTS, { asOf: "2024-03-31", group: "team", years: 3, thresholds: { A1: 426, A2: 121 } }],
      objects: [[1, ["asOf", "group", "years", "thresholds", "thresholds.A1", "thresholds.A2", "afterAsOf", "catalogue", "dates"]]],
      accessors: [1, ["group"]],
      rows: [0, ["child", "milestone", "date", "team"]],
    },
  ],
  headerKey: [{ args: () => ["Perm Rec Date"] }],
  matchMilestone: [{ args: () => ["Perm Rec Date", {}], objects: [[1, ["catalogue"]]] }],
  matchOrderType: [{ args: () => ["POA"] }],
  recogniseColumns: [
    {
      args: () => [["Child ID", "Date Accommodated", "Perm Rec", "Order Granted", "Order Type", "Team"], { orderType: "Order Type", other: ["Team"] }],
      objects: [[1, ["catalogue", "format", "child", "episode", "milestone", "date", "columns", "orderType", "other"]]],
      elements: 0,
    },
  ],
  checkCaseRecords: [
    { args: () => [EVENTS, { asOf: AS_OF }], objects: [[1, [...STAGE_KEYS.filter((k) => !["target", "negative", "afterAsOf"].includes(k)), "dateOfBirth", "staleAfter"]]], accessors: [1, [...CASE_ACCESSORS, "dateOfBirth"]], rows: [0, EVENT_FIELDS] },
    { args: () => [WIDE, { ...WIDE_OPTIONS, columns: { ...WIDE_OPTIONS.columns } }], objects: [[1, ["columns.accommodated", "columns.permanence-recommendation"]]], rows: [0, ["id", "acc", "rec"]] },
  ],
  renderCaseRecordsCheck: [{ args: () => [lib.checkCaseRecords(EVENTS, { asOf: AS_OF }), {}], objects: [[1, ["title", "maxPerKind", "rowLabel", "page"]]], accessors: [1, ["rowLabel"]], documents: [0] }],
  eventsJsonSchema: [{ args: () => [] }],
  wideRowsJsonSchema: [{ args: () => [] }],
  parseEvents: [
    { args: () => [EVENTS, {}], objects: [[1, ["format", "dateColumns"]]], rows: [0, EVENT_FIELDS] },
    { args: () => [WIDE.map(({ id, ...dates }) => ({ child: id, ...dates })), { format: "wide", dateColumns: ["acc", "rec"] }], objects: [[1, ["format", "dateColumns"]]], rows: [0, ["child", "acc", "rec"]] },
  ],
  safeParseEvents: [{ args: () => [EVENTS, {}], objects: [[1, ["format", "dateColumns"]]], rows: [0, EVENT_FIELDS] }],
  paceTimescales: [
    {
      args: () => [EVENTS, { asOf: AS_OF }],
      objects: [[1, [...CASE_RECORD_KEYS, "asOf", "negative", "afterAsOf", "stages", "period"]]],
      accessors: [1, CASE_ACCESSORS],
      rows: [0, EVENT_FIELDS],
    },
    { args: () => [EVENTS, { asOf: AS_OF, stages: ["recommendation", "adm"] }], objects: [[1, ["stages"]]] },
  ],
  // PDSA
  cycleStage: [{ args: () => [CYCLE], documents: [0] }],
  ramp: [{ args: () => [CYCLES, CHANGE_IDEA], documents: [0] }],
  ramps: [{ args: () => [CYCLES], documents: [0] }],
  fidelity: [
    { args: () => [CYCLE, {}], objects: [[1, FIDELITY_KEYS]], accessors: [1, ["dataPoints"]], documents: [0] },
    { args: () => [RAMP, {}], objects: [[1, FIDELITY_KEYS]], accessors: [1, ["dataPoints"]], documents: [0] },
  ],
  scoreFidelity: [{ args: () => [CYCLE, {}], objects: [[1, FIDELITY_KEYS]], accessors: [1, ["dataPoints"]], documents: [0] }],
  checkPdsaCycle: [{ args: () => [CYCLE], documents: [0], validator: true }],
  parsePdsaCycle: [{ args: () => [fresh().cycles[0]] }],
  safeParsePdsaCycle: [{ args: () => [fresh().cycles[0]] }],
  pdsaCycleJsonSchema: [{ args: () => [] }],
  // driver diagrams
  checkAim: [{ args: () => [DIAGRAM.aim], documents: [0] }],
  validateDriverDiagram: [{ args: () => [DIAGRAM, {}], objects: [[1, ["allowedLinks", "smartAim"]]], documents: [0], validator: true }],
  addNode: [{ args: () => [DIAGRAM, { id: "c-new", kind: "change", label: "New idea" }, [SECONDARY, { to: PRIMARY, strength: "weak" }]], objects: [[1, ["id", "kind", "label"]]], elements: 2, documents: [0] }],
  ancestors: [{ args: () => [DIAGRAM, CHANGE], documents: [0] }],
  descendants: [{ args: () => [DIAGRAM, PRIMARY], documents: [0] }],
  pathsToAim: [{ args: () => [DIAGRAM, CHANGE, {}], objects: [[2, ["limit"]]], documents: [0] }],
  relink: [{ args: () => [DIAGRAM, CHANGE, [SECONDARY]], elements: 2, documents: [0] }],
  removeNode: [{ args: () => [DIAGRAM, CHANGE], documents: [0] }],
  driverDiagramToMermaid: [{ args: () => [DIAGRAM, {}], objects: [[1, ["classes"]]], documents: [0] }],
  toMermaid: [{ args: () => [DIAGRAM, {}], objects: [[1, ["classes"]]], documents: [0] }],
  escapeMermaid: [{ args: () => ['a "quoted" <label>'] }],
  driverDiagramJsonSchema: [{ args: () => [] }],
  parseDriverDiagram: [{ args: () => [fresh().diagram, {}], objects: [[1, ["validate"]]] }],
  safeParseDriverDiagram: [{ args: () => [fresh().diagram, {}], objects: [[1, ["validate"]]] }],
  // measures
  checkMeasure: [{ args: () => [MEASURE], documents: [0], validator: true }],
  familyOfMeasures: [{ args: () => [PROJECT.measures], documents: [0] }],
  measureJsonSchema: [{ args: () => [] }],
  parseMeasure: [{ args: () => [fresh().measures[0]] }],
  safeParseMeasure: [{ args: () => [fresh().measures[0]] }],
  // projects
  validateProject: [{ args: () => [PROJECT], documents: [0], validator: true }],
  summariseVerdict: [{ args: () => [RUN_CHART], documents: [0] }, { args: () => [CONTROL_CHART], documents: [0] }],
  analyseDefaults: [{ args: () => [MEASURE, PROJECT.data.find((d) => d.measure === MEASURE.id)], documents: [0, 1] }],
  rollUp: [{ args: () => [PROJECT, {}], documents: [0], objects: [[1, ["analyse", "fidelity", "fidelity.smallScaleMax", "fidelity.minDataPoints"]]], accessors: [1, ["analyse"]] }],
  parseProject: [{ args: () => [fresh()] }],
  safeParseProject: [{ args: () => [fresh()] }],
  projectJsonSchema: [{ args: () => [] }],
  jsonSchemas: [{ args: () => [] }],
  // funnel plots
  funnelPlot: [
    { args: () => [FUNNEL_ROWS, { group: "la", numerator: "within", denominator: "children" }], objects: [[1, FUNNEL_KEYS]], accessors: [1, ["group", "numerator", "denominator"]], rows: [0, ["la", "within", "children"]] },
    { args: () => [FUNNEL_ROWS, { group: "la", numerator: "within", denominator: "children", type: "standardised-ratio", srMethod: "shmi", groups: ["A", "B", "C", "D"] }], objects: [[1, ["srMethod", "shmiRounding", "groups", "groups.0"]]] },
    { args: () => [[...FUNNEL_ROWS, { la: "E", within: "*", children: 10 }], { group: "la", numerator: "within", denominator: "children", suppressed: ["*", "[c]"] }], objects: [[1, ["suppressed", "suppressed.0"]]] },
  ],
  funnelLimits: [{ args: () => [FUNNEL, [1, 10, 100]], elements: 1, documents: [0] }],
  findTotalRows: [
    { args: () => [["A", "B", "Scotland"]], elements: 0 },
    { args: () => [["A", "B", "C", "T"], { numerators: [1, 2, 3, 6], denominators: [10, 20, 30, 60] }], elements: 0, objects: [[1, ["numerators", "denominators", "numerators.0", "denominators.3"]]] },
  ],
  summariseFunnelPlot: [{ args: () => [FUNNEL], documents: [0] }],
  renderFunnelPlot: [{ args: () => [FUNNEL, { title: "t", highlight: "A" }], objects: [[1, ["title", "subtitle", "xLabel", "yLabel", "width", "height", "highlight", "direction", "labels", "id"]]], documents: [0] }],
  summariseMeasures: [
    { args: () => [[{ name: "m", chart: CONTROL_CHART, group: "A", target: 0.5, unit: "%" }, { name: "r", chart: RUN_CHART }], {}], objects: [[1, ["name", "sort", "filter", "unit", "filter.0"]]], rows: [0, ["name", "chart", "group", "target", "unit"]] },
    { args: () => [[{ key: "A", chart: RUN_CHART }], { name: "by" }], documents: [0] },
  ],
  summaryToCsv: [{ args: () => [SUMMARY], documents: [0] }],
  renderSummaryTable: [{ args: () => [SUMMARY, { title: "t", standalone: true }], objects: [[1, ["title", "standalone"]]], documents: [0] }],
  // rendering
  escapeXml: [{ args: () => ["<a & b>"] }],
  wrapText: [{ args: () => ["a few words to wrap onto lines", 10] }],
  markup: [{ args: () => ["<svg></svg>"] }],
  renderRunChart: [{ args: () => [RUN_CHART, { annotations: [{ x: month(3), label: "new form" }] }], objects: [[1, [...RENDER_CHART_KEYS, "annotations.0", "annotations.0.x", "annotations.0.label"]]], documents: [0] }],
  renderControlChart: [
    { args: () => [CONTROL_CHART, { annotations: [{ x: month(3), label: "new form" }] }], objects: [[1, [...RENDER_CHART_KEYS, "annotations.0", "annotations.0.x", "annotations.0.label"]]], documents: [0] },
    { args: () => [CUSUM_CHART, {}], documents: [0] },
    { args: () => [EWMA_CHART, {}], documents: [0] },
  ],
  renderSmallMultiples: [
    {
      args: () => [[{ key: "A", chart: RUN_CHART }, { key: "B", chart: CONTROL_CHART }], { title: "t", y: "free", facets: { row: "r", column: (k: unknown) => k }, label: (k: unknown) => (typeof k === "string" ? `team ${k}` : "team") }],
      objects: [[1, ["title", "subtitle", "y", "facets", "columns", "width", "panelHeight", "label", "xLabel", "yLabel", "target", "id", "facets.row", "facets.column"]]],
      accessors: [1, ["label", "facets.row", "facets.column"]],
      rows: [0, ["key", "chart"]],
      documents: [0],
    },
    { args: () => [[{ key: ["A", "x"], chart: I_CHART }, { key: ["A", "y"], chart: RUN_CHART }], { columns: 2 }], objects: [[1, ["columns"]]], documents: [0] },
  ],
  renderDriverDiagram: [{ args: () => [DIAGRAM, { status: { [CHANGE]: "testing" } }], objects: [[1, ["title", "width", "status", "id", `status.${CHANGE}`]]], documents: [0] }],
  renderReport: [
    { args: () => [PROJECT, { generated: "2024-06-01" }], documents: [0], objects: [[1, ["title", "analyse", "generated", "funnel", "smallMultiples"]]], accessors: [1, ["analyse"]] },
    {
      args: () => [PROJECT, { funnel: { plot: FUNNEL, title: "t" }, smallMultiples: [{ title: "t", groups: [{ key: "A", chart: RUN_CHART }], options: { y: "free" } }] }],
      objects: [[1, ["funnel.plot", "funnel.title", "funnel.description", "funnel.options", "smallMultiples.0", "smallMultiples.0.title", "smallMultiples.0.groups", "smallMultiples.0.description", "smallMultiples.0.options", "smallMultiples.0.options.y"]]],
    },
  ],
};

// ---- the sweep ------------------------------------------------------------------------------

/** A copy of `value` (array or object) with `path` set to `v`, copying each container on the way. */
function setPath(value: unknown, path: readonly string[], v: unknown): unknown {
  const [head, ...rest] = path as [string, ...string[]];
  const base: unknown = value !== null && typeof value === "object" ? value : {};
  const copy: Record<string, unknown> = Array.isArray(base) ? ([...base] as never) : { ...(base as object) };
  copy[head] = rest.length === 0 ? v : setPath(copy[head], rest, v);
  return copy;
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.slice(0, 160)}`;
  return `non-Error thrown: ${typeof e}`;
}

/** Call and judge: "" when fine, else what went wrong. */
function judge(f: (...a: unknown[]) => unknown, args: unknown[], throwingAllowed: boolean, bigintFromCaller: boolean, mustReturn = false): string {
  let result: unknown;
  try {
    result = f(...args);
  } catch (e) {
    if (e instanceof QiError && mustReturn) return `a validator threw instead of reporting issues: ${e.code} at ${JSON.stringify(e.path)}`;
    if (e instanceof QiError) {
      if (typeof e.code !== "string" || e.code.length === 0) return `QiError without a code: ${e.message}`;
      if (!Array.isArray(e.path) || !e.path.every((k) => typeof k === "string" || typeof k === "number")) return `QiError with a bad path: ${e.message}`;
      return "";
    }
    if (throwingAllowed && e instanceof Error && Object.getPrototypeOf(e) === Error.prototype && e.message === BOOM) return "";
    return `threw ${describeError(e)}`;
  }
  try {
    JSON.stringify(result, bigintFromCaller ? (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v) : undefined);
  } catch (e) {
    return `result does not JSON.stringify: ${describeError(e)}`;
  }
  return "";
}

/**
 * The places one and two levels into a document or chart argument that get nasty values: each
 * field (each element of an array argument, only the first), the first element of each array
 * field, and each field of that first element (`chart.points[0].y`, `diagram.nodes[0].id`).
 */
function documentPaths(doc: unknown): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  const fieldsOf = (v: unknown): string[] => (v !== null && typeof v === "object" ? Object.keys(v) : []);
  const level = (v: unknown, prefix: string[], deeper: boolean): void => {
    const keys = Array.isArray(v) ? (v.length > 0 ? ["0"] : []) : fieldsOf(v);
    for (const k of keys) {
      const path = [...prefix, k];
      out.push([`.${path.join(".")}`, path]);
      const child = (v as Record<string, unknown>)[k];
      if (!deeper) continue;
      if (Array.isArray(v)) level(child, path, false);
      else if (Array.isArray(child) && child.length > 0) {
        out.push([`.${path.join(".")}.0`, [...path, "0"]]);
        for (const f of fieldsOf(child[0])) out.push([`.${path.join(".")}.0.${f}`, [...path, "0", f]]);
      } else if (child !== null && typeof child === "object" && !(child instanceof Date)) level(child, path, false);
    }
  };
  level(doc, [], true);
  return out;
}

/** Every variant of one table case: [where, args, nasty label]. */
function* variants(c: Case): Generator<[string, unknown[], string, boolean?]> {
  // Positions 0..n-1, and one stray argument after the last, which must be ignored.
  const n = c.args().length + 1;
  for (const [label, make] of NASTY) {
    for (let i = 0; i < n; i++) {
      const args = c.args();
      args[i] = make();
      yield [`argument ${i} = ${label}`, args, label, c.documents?.includes(i) === true];
    }
    for (const at of c.documents ?? []) {
      for (const [where, path] of documentPaths(c.args()[at])) {
        const args = c.args();
        args[at] = deepFreeze(setPath(args[at], path, make()));
        yield [`argument ${at} ${where} = ${label}`, args, label, true];
      }
    }
    for (const [at, keys] of c.objects ?? []) {
      for (const key of keys) {
        const args = c.args();
        args[at] = deepFreeze(setPath(args[at], key.split("."), make()));
        yield [`argument ${at} .${key} = ${label}`, args, label];
      }
    }
    if (c.accessors) {
      const [at, keys] = c.accessors;
      for (const key of keys) {
        const args = c.args();
        args[at] = deepFreeze(setPath(args[at], [key], () => make()));
        yield [`argument ${at} .${key} = () => ${label}`, args, label];
      }
    }
    if (c.rows) {
      const [at, fields] = c.rows;
      for (const f of fields) {
        for (const all of [false, true]) {
          const args = c.args();
          const rows = args[at] as readonly Record<string, unknown>[];
          args[at] = deepFreeze(rows.map((r, i) => (all || i === 1 ? { ...r, [f]: make() } : r)));
          yield [`argument ${at} ${all ? "every row" : "row 1"} .${f} = ${label}`, args, label];
        }
      }
      const args = c.args();
      args[at] = deepFreeze((args[at] as readonly unknown[]).map((r, i) => (i === 1 ? make() : r)));
      yield [`argument ${at} row 1 = ${label}`, args, label];
    }
    if (c.elements !== undefined) {
      const at = c.elements;
      for (const all of [false, true]) {
        const args = c.args();
        args[at] = deepFreeze((args[at] as readonly unknown[]).map((v, i) => (all || i === 1 ? make() : v)));
        yield [`argument ${at} ${all ? "every element" : "element 1"} = ${label}`, args, label];
      }
    }
  }
}

const EXPORTED_FUNCTIONS = Object.entries(lib)
  .filter(([, v]) => typeof v === "function" && v !== QiError)
  .map(([k]) => k)
  .sort();

describe("nasty values: every exported function returns a result or throws a QiError", () => {
  it("every exported function has an entry in the table (add new exports to TABLE)", () => {
    expect(EXPORTED_FUNCTIONS.filter((k) => !(k in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !EXPORTED_FUNCTIONS.includes(k))).toEqual([]);
  });

  for (const name of Object.keys(TABLE)) {
    it(name, () => {
      const f = (lib as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      const failures: string[] = [];
      let calls = 0;
      for (const [k, c] of TABLE[name]!.entries()) {
        // The valid call succeeds (or the table is wrong).
        expect(() => JSON.stringify(f(...c.args())), `${name} case ${k}: the valid call`).not.toThrow();
        for (const [where, args, label, document] of variants(c)) {
          calls++;
          const problem = judge(f, args, label === THROWING, label === "10n", c.validator === true && document === true);
          if (problem !== "") failures.push(`case ${k}, ${where}: ${problem}`);
        }
      }
      expect(calls).toBeGreaterThan(0);
      expect(failures, failures.slice(0, 20).join("\n")).toEqual([]);
    });
  }
});

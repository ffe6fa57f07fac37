import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, numberOption, objectOption } from "../_lib/options.js";
import { readCaseRecords } from "./_caseRecords.js";
import { checkFromRecords, type CaseRecordsCheck } from "./checkCaseRecords.js";
import { PACE_TIMESCALES_KEYS } from "./_optionKeys.js";
import { asOfWarning } from "./_stageWarnings.js";
import { periodKey, type PeriodUnit } from "./_period.js";
import { kaplanMeierOfTimes, type KaplanMeier } from "./kaplanMeier.js";
import { permanenceRoutes, type PermanenceRoutes } from "./_permanenceRoutes.js";
import { PACE_STAGES } from "./stages.js";
import { durationsCore, resolveStage, type DurationsCore, type StageDurations, type StageDurationsOptions, type StageInput, type TimescaleWarning } from "./stageDurations.js";
import { seriesOf, type CaseSeriesRow, type ParsedRows, type PeriodSeriesRow } from "./timescaleSeries.js";

/** The {@link paceTimescales} options: those of {@link stageDurations}, plus the stages and period. */
export interface PaceTimescalesOptions<T = any> extends Omit<StageDurationsOptions<T>, "target"> {
  /** The stages to compute. Default: every stage of {@link PACE_STAGES}, in its order. */
  stages?: readonly StageInput[];
  /** Period of the `byPeriod` series: as `timescaleSeries`. Default `"month"`. */
  period?: PeriodUnit;
  /** First month (1–12) of a `period: "year"`. Default 1. */
  yearStartMonth?: number;
  /**
   * Called as the work goes: once the records are read (`done: 0`, `stage: null`), then after
   * each stage (`stage`: its id), so a caller can draw a progress bar. Its return value is
   * ignored; an exception it throws stops the run.
   */
  onProgress?: (progress: PaceTimescalesProgress) => void;
  /**
   * Also check the records (`true`, or `{ staleAfter }`): the result's `check` is then
   * `checkCaseRecords(events, options)` with the same reading options and `asOf` as given,
   * from the same read of the rows as the stages (faster than calling both). It is also given to
   * `onProgress` with `done: 0`, before any stage is computed. Records the stages refuse (an
   * impossible date, an unknown milestone…) still throw: call {@link checkCaseRecords} to list
   * their problems. Default `false`.
   */
  check?: boolean | { staleAfter?: number };
}

/** What {@link PaceTimescalesOptions.onProgress} receives. */
export interface PaceTimescalesProgress {
  /** Stages finished so far. */
  done: number;
  /** Stages to compute. */
  total: number;
  /** The stage just finished, or null before the first. */
  stage: string | null;
  /** With the `check` option, on the first call (`done: 0`): the data check. */
  check?: CaseRecordsCheck;
}

/** One stage's timescales. */
export interface StageTimescales {
  /** As {@link stageDurations}. */
  durations: StageDurations;
  /** As `timescaleSeries(durations)`: one point per completed case, in order of completion. */
  byCase: CaseSeriesRow[];
  /** As `timescaleSeries(durations, { series: "period", period })`: median days per month (or quarter) of completion. */
  byPeriod: PeriodSeriesRow[];
  /** As `kaplanMeier(durations.rows)`: time in the stage with open cases censored. */
  kaplanMeier: KaplanMeier;
}

/** The result of {@link paceTimescales}. */
export interface PaceTimescales {
  /** The census date every stage used (`YYYY-MM-DD`), or null without events. */
  asOf: string | null;
  period: PeriodUnit;
  /** Stage id → its timescales, in the order of the `stages` option. */
  stages: Record<string, StageTimescales>;
  /**
   * The overall looked-after → permanence journey with its competing routes: the cumulative
   * incidence (Aalen–Johansen) of each catalogue route (home, permanence order, kinship care
   * order, adoption, …) and of `left-care` (ceased to be looked after after being accommodated,
   * with no route-ending milestone), from the first "looked-after" of each episode. A child who
   * ceased to be looked after without ever being accommodated counts as home. Null when the
   * catalogue has no "looked-after" milestone or no routes.
   */
  permanenceRoutes: PermanenceRoutes | null;
  /** Notes about the whole run (`as-of-defaulted`); each stage's own are in `durations.warnings`. */
  warnings: TimescaleWarning[];
  /** With the `check` option: `checkCaseRecords(events, options)`. */
  check?: CaseRecordsCheck;
}

/**
 * Every PACE stage from one read of the case records: for each stage its durations (with
 * censoring), the by-case series (the PACE run chart), the by-month (or quarter) median series
 * and the Kaplan–Meier estimate — plus, for the whole looked-after → permanence journey, the
 * cumulative incidence of each competing route (`permanenceRoutes`) — the same values as calling {@link stageDurations},
 * `timescaleSeries` (series `"case"` and `"period"`) and `kaplanMeier` per stage, without reading,
 * validating, sorting and re-parsing the records once per stage. Linear in the number of events
 * (plus n log n sorts per stage of completed cases and of durations).
 *
 * Every stage uses the same `asOf`: when it is not given, the latest event date (with a warning).
 *
 * @example
 * const events = simulateCases({ seed: 1, start: "2020-01-01", end: "2024-12-31" });
 * const t = paceTimescales(events, { asOf: "2024-12-31" });
 * Object.keys(t.stages) //=> ["recommendation", "panel", "adm", "petition", "order", "overall"]
 * t.stages.recommendation.byPeriod.at(-1).period //=> "2024-12"
 * // a progress report after each stage (for a bar in a CLI or a notebook)
 * paceTimescales(events, { asOf: "2024-12-31", onProgress: ({ done, total }) => console.log(`${done}/${total}`) });
 */
export function paceTimescales<T>(events: readonly T[], options: PaceTimescalesOptions<T> = {}): PaceTimescales {
  checkKeys(objectOption(options, ["options"]), PACE_TIMESCALES_KEYS, ["options"], "paceTimescales option");
  if ((options as { target?: unknown }).target !== undefined) {
    throw new QiError("invalid-option", ["options", "target"], "paceTimescales computes several stages: give each stage its own target ({ ...PACE_STAGES.panel, target: 84 })");
  }
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new QiError("invalid-option", ["options", "onProgress"], `onProgress must be a function, not ${describeValue(onProgress)}`);
  const unit = options.period ?? "month";
  const key = periodKey(unit, options.yearStartMonth);
  const stages = resolveStages(options.stages);
  const checkOptions = checkOption(options.check);
  const rec = readCaseRecords(events, options);
  const check = checkOptions === null ? undefined : checkFromRecords(events, { ...options, ...checkOptions }, rec);
  const warnings: TimescaleWarning[] = [];
  let asOf = options.asOf;
  if (asOf === undefined && Number.isFinite(rec.maxDay)) {
    asOf = formatIsoDay(rec.maxDay);
    warnings.push(asOfWarning(asOf));
  }
  const stageOptions: StageDurationsOptions<T> = { ...options, ...(asOf !== undefined ? { asOf } : {}) };
  const out: Record<string, StageTimescales> = {};
  let asOfText: string | null = null;
  onProgress?.({ done: 0, total: stages.length, stage: null, ...(check !== undefined ? { check } : {}) });
  stages.forEach((stage, k) => {
    const core = durationsCore(rec, stage, stageOptions);
    asOfText = core.result.asOf;
    // defineProperty, not assignment: a stage id `__proto__` stays a key instead of replacing the prototype.
    Object.defineProperty(out, stage.id, { enumerable: true, writable: true, configurable: true, value: stageTimescales(core, key) });
    onProgress?.({ done: k + 1, total: stages.length, stage: stage.id });
  });
  const routes = asOfText === null ? null : permanenceRoutes(rec, asOfText, options.splitEpisodesAt === undefined ? undefined : rec.index.get(options.splitEpisodesAt));
  return { asOf: asOfText, period: unit, stages: out, permanenceRoutes: routes, warnings, ...(check !== undefined ? { check } : {}) };
}

/** The `check` option: null for none, else the check's own options (`staleAfter`). */
function checkOption(value: unknown): { staleAfter?: number } | null {
  if (value === undefined || value === false) return null;
  if (value === true) return {};
  const o = objectOption(value, ["options", "check"]);
  checkKeys(o, ["staleAfter"], ["options", "check"], "check option");
  if (o.staleAfter === undefined) return {};
  return { staleAfter: numberOption(o.staleAfter, ["options", "check", "staleAfter"], (v) => v >= 0, "a number of days ≥ 0") };
}

/** The `stages` option resolved: a non-empty list with distinct ids. */
function resolveStages(list: unknown): ReturnType<typeof resolveStage>[] {
  const given = list ?? Object.values(PACE_STAGES);
  if (!Array.isArray(given) || given.length === 0) throw new QiError("invalid-option", ["options", "stages"], `stages must be a non-empty array of stages or PACE stage ids, not ${describeValue(given)}`);
  const stages = (given as StageInput[]).map((s) => resolveStage(s));
  const seen = new Set<string>();
  stages.forEach((s, k) => {
    if (seen.has(s.id)) throw new QiError("invalid-option", ["options", "stages", k], `two stages have the id ${describeValue(s.id)}: give each an id`);
    seen.add(s.id);
  });
  return stages;
}

/** One stage's series and estimate from its durations, reusing the day numbers (no re-parsing). */
function stageTimescales(core: DurationsCore, key: ReturnType<typeof periodKey>): StageTimescales {
  const durations = core.result;
  const parsed: ParsedRows = { rows: durations.rows, start: core.startDay, end: core.endDay, exit: core.exitDay, days: core.days, done: core.done, minStart: core.minStart };
  const target = durations.stage.target;
  return {
    durations,
    byCase: seriesOf(parsed, core.asOfDay, target, "case", key, undefined) as CaseSeriesRow[],
    byPeriod: seriesOf(parsed, core.asOfDay, target, "period", key, "median") as PeriodSeriesRow[],
    // As kaplanMeier(durations.rows): time `days`, an event where the row is not censored.
    kaplanMeier: kaplanMeierOfTimes(core.eventDays, core.censorDays, undefined, core.daysRange),
  };
}

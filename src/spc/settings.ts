import { QiError, describeValue } from "../_lib/error.js";
import { nearestName } from "../_lib/options.js";
import { columnarOption, directionOption, scaleOptions, type ChartSettings } from "../engine/analysis.js";
import { resolveChartParameters, type ChartParameters } from "./chartParams.js";
import { D2, E2 } from "./constants.js";
import { resolveControlRules } from "./rules/index.js";
import type { ControlChartOptions, ControlChartType, ResolvedControlRules, SigmaConstant } from "./types.js";

/** Every chart type `type` takes. */
export const TYPES: readonly ControlChartType[] = ["i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"];

/** What every control chart reads before its series: the chart type, the rule set and the σ parameters. */
export interface ControlBasics {
  columnar: boolean;
  type: ControlChartType;
  direction: ChartSettings["direction"];
  rules: ResolvedControlRules;
  params: ChartParameters;
}

/** A Shewhart chart's settings, checked (cusum and ewma read the rest their own way: sequentialChart.ts). */
export interface ControlSettings extends ControlBasics, ChartSettings {
  screen: boolean;
  sigmaConstant: SigmaConstant;
  /** σ̂ per unit of average moving range: 1/d₂ = 1/1.128, or 2.66/3 (E₂ / 3). */
  sigmaPerAmr: number;
}

/** The first options step: chart type, direction, rules and parameters, in the order they have always been checked. */
export function controlBasics<T>(options: ControlChartOptions<T>): ControlBasics {
  const columnar = columnarOption(options.output);
  const type: ControlChartType = options.type === undefined ? "i" : (TYPES as readonly unknown[]).includes(options.type) ? options.type : unknownType(options.type);
  const direction = directionOption(options.direction);
  const rules = resolveControlRules(options.rules);
  return { columnar, type, direction, rules, params: resolveChartParameters(options, type) };
}

/** The rest of a Shewhart chart's options: moving-range screening, the σ constant, multiply and target. */
export function controlSettings<T>(options: ControlChartOptions<T>, basics: ControlBasics): ControlSettings {
  const screen = options.screenMovingRanges === undefined ? true : booleanOption(options.screenMovingRanges, "screenMovingRanges");
  // Making Data Count's process limits are 2.66 × AMR (NHSRplotthedots); the others σ = AMR / d₂.
  let sigmaConstant: SigmaConstant = basics.rules.preset === "mdc" ? E2 : "d2";
  if (options.sigmaConstant !== undefined) {
    if (options.sigmaConstant !== "d2" && options.sigmaConstant !== E2) {
      throw new QiError("invalid-option", ["options", "sigmaConstant"], `sigmaConstant must be "d2" (σ = AMR/1.128) or 2.66 (3σ = 2.66 × AMR), not ${describeValue(options.sigmaConstant)}`);
    }
    sigmaConstant = options.sigmaConstant;
  }
  const sigmaPerAmr = sigmaConstant === "d2" ? 1 / D2 : E2 / 3;
  return { ...basics, screen, sigmaConstant, sigmaPerAmr, ...scaleOptions(options) };
}

function unknownType(value: unknown): never {
  const hint = typeof value === "string" ? typeHint(value) : null;
  const said = hint === null ? "" : "alias" in hint ? `: ${hint.alias}` : `; did you mean "${hint.near}"?`;
  throw new QiError("unknown-option", ["options", "type"], `unknown chart type ${describeValue(value)}${said} (known: ${TYPES.join(", ")})`);
}

// Other names for the charts (Making Data Count's "XmR", Minitab's "I-MR", qicharts2's "xbar"
// written "x-bar"), and charts controlChart does not draw (a run chart; a bar chart, which
// "xbar" is one edit from but is not: a user trial): named in the error, never accepted in
// silence (a chart type is a statistical choice; the caller writes it as pace-qi does).
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  xmr: 'XmR (individuals and moving range) is type "i" (its moving ranges alone: "mr")',
  imr: 'I-MR (individuals and moving range) is type "i" (its moving ranges alone: "mr")',
  x: 'an individuals (X) chart is type "i"',
  xbarr: 'an X-bar chart is type "xbar" (its ranges: "r")',
  xbars: 'an X-bar chart is type "xbar" (its standard deviations: "s")',
  run: "a run chart is made by runChart, not controlChart",
  bar: 'a bar chart is not a control chart: pace-qi draws run charts and control charts of a measure over time (for a plain bar chart use a spreadsheet or another charting tool; for the means of subgroups over time, an X-bar chart is type "xbar")',
};

/**
 * What a chart type that {@link controlChart} does not know most likely means, as its
 * `unknown-option` error says it: another name for a chart ("XmR": type "i"), a chart that is
 * not a control chart ("bar", "run"), the type in another case or with "chart" written after it
 * ("p-chart"), or a near misspelling (`nearestName`'s rule); null when none is near. For
 * dashboards and command lines that check the type someone wrote before calling controlChart.
 *
 * @example
 * controlChartTypeHint("p-chart") //=> 'did you mean "p"?'
 * controlChartTypeHint("XmR") //=> 'XmR (individuals and moving range) is type "i" (its moving ranges alone: "mr")'
 * controlChartTypeHint("bar chart")?.startsWith("a bar chart is not a control chart") //=> true
 * controlChartTypeHint("pie") //=> null
 */
export function controlChartTypeHint(written: string): string | null {
  if (typeof written !== "string") throw new QiError("invalid-value", ["written"], `controlChartTypeHint needs the type as written (a string), not ${describeValue(written)}`);
  const hint = typeHint(written);
  return hint === null ? null : "alias" in hint ? hint.alias : `did you mean "${hint.near}"?`;
}

/** {@link controlChartTypeHint}'s hint: another name's (or another chart's) words, or the type near the one written. */
function typeHint(written: string): { alias: string } | { near: ControlChartType } | null {
  const key = written.toLowerCase().replace(/[\s_-]/g, "");
  // "p-chart", "c chart", "bar chart": the type (or another name) with "chart" written after it.
  const bare = key.replace(/chart$/, "");
  const alias = [key, bare].find((k) => Object.hasOwn(TYPE_ALIASES, k));
  if (alias !== undefined) return { alias: TYPE_ALIASES[alias]! };
  const near = TYPES.find((t) => t.replace(/-/g, "") === bare) ?? (nearestName(written, TYPES) as ControlChartType | undefined);
  return near === undefined ? null : { near };
}

function booleanOption(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw new QiError("invalid-option", ["options", name], `${name} must be true or false, not ${describeValue(value)}`);
  return value;
}

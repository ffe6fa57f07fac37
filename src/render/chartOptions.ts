import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, integerOption } from "../_lib/options.js";
import { readPartialPeriods } from "../_lib/partialPeriods.js";
import { checkAnnotations, checkTarget, checkTextOptions } from "./options.js";
import { formatValue } from "./number.js";

/** @internal Every option {@link renderRunChart} and {@link renderControlChart} know; any other key is an `unknown-option` error. */
export const RENDER_CHART_KEYS = [
  "title", "subtitle", "xLabel", "yLabel", "width", "height", "target", "annotations", "id",
  "caption", "decimals", "yPercent", "phaseLabels", "flags", "partialPeriods",
] as const;

/** @internal The render options the drawer reads beyond the text and size ones, checked. */
export interface ResolvedChartOptions {
  caption: string | null;
  decimals: number | null;
  yPercent: boolean;
  phaseLabels: string[] | null;
  flags: "improvement" | "deterioration" | "both";
  /** `partialPeriods`: the excluded points that are partial periods, not excluded by the user. */
  partial: ReadonlySet<number>;
  /** Values for people: the decimals asked for, per cent when asked, else 3 significant figures. */
  format: (v: number) => string;
}

/**
 * @internal Check the chart render options: unknown keys (with "did you mean"), text options,
 * annotations, the target (the sizes are checked by the layout, which knows the chart's frame), and the qicharts2-style ones — `decimals` (0–10, qicharts2's `decimals`),
 * `yPercent` (qicharts2's `y.percent`), `caption`, `phaseLabels` (qicharts2's `part.labels`, one
 * per phase), `flags` (PowerBI-SPC's process flag type) and `partialPeriods` (`excluded`: each
 * point's `excluded`).
 */
export function resolveChartOptions(options: unknown, phases: number, excluded: readonly boolean[]): ResolvedChartOptions {
  const o = checkTextOptions(options, ["title", "subtitle", "xLabel", "yLabel", "id", "caption"]);
  checkKeys(o, RENDER_CHART_KEYS, ["options"], "render option");
  checkAnnotations(o.annotations);
  checkTarget(o.target);
  const decimals = o.decimals === undefined ? null : integerOption(o.decimals, ["options", "decimals"], 0, 10);
  if (o.yPercent !== undefined && typeof o.yPercent !== "boolean") throw new QiError("invalid-option", ["options", "yPercent"], `yPercent must be true or false, not ${describeValue(o.yPercent)}`);
  const yPercent = o.yPercent === true;
  const flags = o.flags === undefined ? "both" : enumOption(o.flags, ["improvement", "deterioration", "both"] as const, ["options", "flags"]);
  let phaseLabels: string[] | null = null;
  if (o.phaseLabels !== undefined) {
    const labels = o.phaseLabels;
    if (!Array.isArray(labels)) throw new QiError("invalid-option", ["options", "phaseLabels"], `phaseLabels must be an array of strings, one per phase, not ${describeValue(labels)}`);
    if (labels.length !== phases) throw new QiError("invalid-option", ["options", "phaseLabels"], `phaseLabels has ${labels.length} label${labels.length === 1 ? "" : "s"} but the chart has ${phases} phase${phases === 1 ? "" : "s"}`);
    phaseLabels = labels.map((l: unknown, k) => {
      if (typeof l !== "string") throw new QiError("invalid-option", ["options", "phaseLabels", k], `a phase label must be a string, not ${describeValue(l)}`);
      return l;
    });
  }
  const format = (v: number): string => {
    const shown = yPercent ? v * 100 : v;
    const text = decimals === null ? formatValue(yPercent ? Number(shown.toPrecision(12)) : shown) : shown.toFixed(decimals);
    const clean = /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
    return yPercent ? `${clean}%` : clean;
  };
  const partial = readPartialPeriods(o.partialPeriods, (i) => excluded[i] === true, excluded.length, ["options", "partialPeriods"]);
  return { caption: typeof o.caption === "string" && o.caption !== "" ? o.caption : null, decimals, yPercent, phaseLabels, flags, partial, format };
}


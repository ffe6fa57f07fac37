import { QiError } from "../_lib/error.js";
import { enumOption, numberOption } from "../_lib/options.js";
import type { RangeConstants } from "./rangeConstants.js";
import type { ControlChartOptions, ControlChartType } from "./types.js";

/** How σ is estimated: from the data by a named method, or known (a number). */
export type SigmaSource = "moving-range" | "sd" | "range" | number;

/** The options of the chart types added with CUSUM and EWMA, resolved (`settings.parameters`). */
export interface ChartParameters {
  /** Where σ comes from; null where the type has one way only. */
  sigma: SigmaSource | null;
  constants: RangeConstants;
  decisionInterval: number | null;
  shift: number | null;
  headStart: number | null;
  lambda: number | null;
  sigmas: number | null;
  ewmaLimits: "exact" | "asymptotic" | null;
}

/** The σ methods each type accepts (the first is the default); a number (known σ) where listed in KNOWN. */
const SIGMA_METHODS: Partial<Record<ControlChartType, readonly ("moving-range" | "sd" | "range")[]>> = {
  i: ["moving-range", "sd"],
  xbar: ["sd", "range"],
  r: ["range"],
  cusum: ["moving-range", "range"],
  ewma: ["moving-range", "range"],
};
const KNOWN: readonly ControlChartType[] = ["i", "xbar", "r", "cusum", "ewma"];

/**
 * Resolve `sigma`, `constants` and the CUSUM/EWMA parameters, refusing those the chart type does
 * not use (an `invalid-option` naming it) rather than ignoring them. `cusum` and `ewma` with
 * individuals take "moving-range" (MR/1.128), with subgroups "range" (qcc's UWAVE-R); either
 * choice is read as "from the data" and the data decide.
 */
export function resolveChartParameters<T>(options: ControlChartOptions<T>, type: ControlChartType): ChartParameters {
  const cusum = type === "cusum";
  const ewma = type === "ewma";
  for (const key of ["decisionInterval", "shift", "headStart"] as const) {
    if (!cusum && options[key] !== undefined) throw new QiError("invalid-option", ["options", key], `${key} applies to a cusum chart only, not to a ${type} chart`);
  }
  for (const key of ["lambda", "sigmas", "ewmaLimits"] as const) {
    if (!ewma && options[key] !== undefined) throw new QiError("invalid-option", ["options", key], `${key} applies to an ewma chart only, not to a ${type} chart`);
  }
  const ranges = type === "r" || type === "xbar" || type === "i-median-mr" || cusum || ewma;
  if (!ranges && options.constants !== undefined) throw new QiError("invalid-option", ["options", "constants"], `constants (d₂, d₃) apply to r, xbar, i-median-mr, cusum and ewma charts only, not to a ${type} chart`);
  const constants = options.constants === undefined ? "tabled" : enumOption(options.constants, ["tabled", "exact"] as const, ["options", "constants"]);
  const methods = SIGMA_METHODS[type];
  let sigma: SigmaSource | null = methods === undefined ? null : methods[0]!;
  if (options.sigma !== undefined) {
    const s: unknown = options.sigma;
    if (typeof s === "number") {
      if (!KNOWN.includes(type)) throw new QiError("invalid-option", ["options", "sigma"], `a known sigma applies to ${KNOWN.join(", ")} charts, not to a ${type} chart`);
      sigma = numberOption(s, ["options", "sigma"], (v) => v > 0, "a positive number (a known σ)");
    } else if (methods === undefined) {
      throw new QiError("invalid-option", ["options", "sigma"], `sigma applies to ${Object.keys(SIGMA_METHODS).join(", ")} charts, not to a ${type} chart`);
    } else {
      sigma = enumOption(s, methods, ["options", "sigma"]);
    }
  }
  const h = cusum ? (options.decisionInterval === undefined ? 5 : numberOption(options.decisionInterval, ["options", "decisionInterval"], (v) => v > 0, "a positive number of standard errors (h > 0)")) : null;
  const headStart = cusum ? (options.headStart === undefined ? 0 : numberOption(options.headStart, ["options", "headStart"], (v) => v >= 0 && v < h!, `from 0 up to (not including) the decision interval ${h}`)) : null;
  return {
    sigma,
    constants,
    decisionInterval: h,
    shift: cusum ? (options.shift === undefined ? 1 : numberOption(options.shift, ["options", "shift"], (v) => v >= 0, "a shift of 0 or more standard errors")) : null,
    headStart,
    lambda: ewma ? (options.lambda === undefined ? 0.2 : numberOption(options.lambda, ["options", "lambda"], (v) => v > 0 && v <= 1, "a weight above 0 and at most 1 (0 < λ ≤ 1)")) : null,
    sigmas: ewma ? (options.sigmas === undefined ? 3 : numberOption(options.sigmas, ["options", "sigmas"], (v) => v > 0, "a positive number of sigmas")) : null,
    ewmaLimits: ewma ? (options.ewmaLimits === undefined ? "exact" : enumOption(options.ewmaLimits, ["exact", "asymptotic"] as const, ["options", "ewmaLimits"])) : null,
  };
}


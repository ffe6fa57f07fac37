import type { Accessor } from "../_lib/accessor.js";

/**
 * What is compared: a proportion (numerator / denominator, e.g. children with a recommendation
 * within 26 weeks / children), an indirectly standardised ratio (observed / expected) or a
 * ratio of counts (one count over another, e.g. this year's over last year's).
 */
export type FunnelType = "proportion" | "standardised-ratio" | "ratio-of-counts";

/**
 * The overdispersion method of a standardised ratio, as FunnelPlotR's `sr_method`: `"shmi"`
 * (NHS Digital's SHMI: log scale, truncated z-scores) or `"cqc"` (Care Quality Commission:
 * square-root scale, winsorised z-scores).
 */
export type FunnelSrMethod = "shmi" | "cqc";

/** Options of {@link funnelPlot}. Every one has a documented default (docs/funnel-plots.md). */
export interface FunnelOptions<T = unknown> {
  /** The organisation of each row (field name or accessor). Rows of one group are summed. */
  group: Accessor<T>;
  /** Numerator (events, observed) of each row. */
  numerator: Accessor<T>;
  /** Denominator (cases, expected) of each row. */
  denominator: Accessor<T>;
  /** Default `"proportion"` (FunnelPlotR's own default is `"SR"`). */
  type?: FunnelType;
  /** Standardised ratios only. Default `"shmi"`, as FunnelPlotR. */
  srMethod?: FunnelSrMethod;
  /**
   * Estimate overdispersion (φ and the random-effects τ²) and use the adjusted limits when
   * φ > 1; FunnelPlotR's `draw_adjusted`. Default true.
   */
  overdispersion?: boolean;
  /**
   * Keep the unadjusted limits in use (for the outlier flags) even when the adjusted ones are
   * used too; with `overdispersion: true` it stops the fall-back to the unadjusted limits when
   * φ ≤ 1 from mattering. FunnelPlotR's `draw_unadjusted`. Default: false with overdispersion
   * on, true with it off (FunnelPlotR: false, which with both off leaves no limits).
   */
  unadjusted?: boolean;
  /** Fraction of z-scores winsorised (or truncated) at each end; FunnelPlotR's `trim_by`. Default 0.1. */
  trim?: number;
  /** Scale of the plotted values and limits (100 for percentages). Default 1. */
  multiplier?: number;
  /** SHMI standardised ratios: round the expected values to 2 decimals first. Default true. */
  shmiRounding?: boolean;
  /** The groups expected, in order: a listed group with no rows, or a row of another group, is an error. */
  groups?: readonly (string | number)[];
  /**
   * The texts a published table writes for a value it does not give (suppressed, confidential,
   * not available), e.g. `["*", "[c]"]`: a group with a row whose numerator or denominator is one
   * of them (spaces around it ignored) is left out of the plot, named in the result's `leftOut`,
   * a `rows-suppressed` warning, the summary and the drawing. Default none: such a text is an
   * error, as any text that is not a number.
   */
  suppressed?: readonly string[];
}

/** An organisation left out of a funnel plot, and why. */
export interface FunnelLeftOut {
  group: string | number;
  /** A numerator or denominator suppressed: a mark of `options.suppressed`. */
  reason: "suppressed";
  /** The suppressed values: the row of data (0-based), which value, and the mark as written. */
  cells: { row: number; field: "numerator" | "denominator"; text: string }[];
}

/** The eight limit curves at one denominator, each × the multiplier (null: not drawable). */
export interface FunnelLimitRow {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  adjustedLower95: number;
  adjustedUpper95: number;
  adjustedLower998: number;
  adjustedUpper998: number;
}

/** One organisation on the funnel plot. */
export interface FunnelGroup {
  group: string | number;
  /** Rows summed into this group. */
  rows: number;
  numerator: number;
  denominator: number;
  /** The denominator the limits are evaluated at (expected rounded to 2 decimals under SHMI rounding). */
  denominatorUsed: number;
  /** The plotted value: multiplier × numerator / denominatorUsed. */
  value: number;
  /** numerator / denominator before any rounding, without the multiplier: what the flags test. */
  ratio: number;
  /** The value on the scale the z-score uses (log, square root, arcsine square root). */
  transformed: number;
  /** The unadjusted z-score (−Infinity for an SHMI ratio of 0). */
  z: number;
  /** The winsorised z-score; null where SHMI truncation dropped the group. */
  zAdjusted: number | null;
  /** Winsorised (clamped) or truncated (dropped) in the overdispersion estimate. */
  trimmed: boolean;
  /** The limits at `denominatorUsed`. */
  limits: FunnelLimitRow;
  /** Outside the 95 % limits in use (a value on a limit is inside). */
  outlier95: boolean;
  /** Outside the 99.8 % limits in use. */
  outlier998: boolean;
  /** Where the value lies against the 95 % limits in use. */
  side: "high" | "low" | "within";
}

/** A warning: something merged, dropped or substituted, in words. */
export interface FunnelWarning {
  code: string;
  message: string;
}

/** The result of {@link funnelPlot}: plain data, JSON-serialisable. */
export interface FunnelPlot {
  type: FunnelType;
  srMethod: FunnelSrMethod | null;
  /** Centre line before the multiplier: 1 for standardised ratios, Σnumerator / Σdenominator otherwise. */
  target: number;
  multiplier: number;
  /** Dispersion ratio φ (mean squared trimmed z-score); 0 when overdispersion is off (as FunnelPlotR). */
  phi: number;
  /** Additive between-organisation variance τ² (DerSimonian–Laird); 0 when overdispersion is off. */
  tau2: number;
  /** How the z-scores were trimmed for φ: winsorised, or truncated (SHMI standardised ratios). */
  trimMethod: "winsorise" | "truncate";
  trim: number;
  /** Which limits the outlier flags use. */
  limitsUsed: "adjusted" | "unadjusted" | "none";
  /** Whether the adjusted and unadjusted limits are to be drawn (FunnelPlotR's settings after its fall-back). */
  drawAdjusted: boolean;
  drawUnadjusted: boolean;
  shmiRounding: boolean;
  groups: FunnelGroup[];
  /** The organisations left out, with a value suppressed (`options.suppressed`), in first-seen order; none: []. */
  leftOut: FunnelLeftOut[];
  warnings: FunnelWarning[];
}

import type { ControlChartType } from "./types.js";

/**
 * @internal What a chart type's limits vary with from point to point inside a phase: the
 * denominator of p, p′, u, u′ and I′ charts (σ ∝ 1/√nᵢ); the subgroup size of x̄, s and R charts
 * (their constants depend on nᵢ; an x̄ chart has no denominators, user trial 14). Null for the
 * others, whose limits are constant within a phase (np needs one n per phase) or, for EWMA, vary
 * over time. The summary's "varying with the denominators" and the assurance's "depends on its
 * denominator" both ask it.
 */
export function limitsVaryBy(type: ControlChartType | undefined): "denominator" | "subgroup size" | null {
  switch (type) {
    case "p":
    case "pp":
    case "u":
    case "up":
    case "ip":
      return "denominator";
    case "xbar":
    case "s":
    case "r":
      return "subgroup size";
    default:
      return null;
  }
}

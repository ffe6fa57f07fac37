/**
 * Private: the milestones a route passes in order before its end — the chain that the data
 * check's `missing-earlier` walks (checkCaseRecords.ts) and that the stages' `missing-end` rule
 * reads (_stagePlan.ts), from one definition so the two never disagree.
 */

/**
 * The Scottish permanence pathway's steps, in order (docs/timescales.md, "Stages and the PACE
 * preset": permanence recommendation → adoption and permanence panel, SSI 2009/154 reg. 6 →
 * agency decision maker, reg. 13(1) → petition lodged → order).
 */
export const CHAIN = ["permanence-recommendation", "permanence-panel", "adm-decision", "petition-lodged"] as const;

/**
 * A route's chain as milestone indices: the steps of {@link CHAIN} the route lists, in that order,
 * then its ends (its orders) other than a return home, which needs no recommendation first.
 * Milestones the catalogue does not have are left out.
 */
export function routeChain(names: readonly string[], route: { milestones?: unknown; ends?: unknown }): number[] {
  const idx = (id: unknown): number => (typeof id === "string" ? names.indexOf(id) : -1);
  const listed = new Set((Array.isArray(route.milestones) ? (route.milestones as unknown[]) : []).map(idx));
  const ends = (Array.isArray(route.ends) ? (route.ends as unknown[]) : []).map(idx).filter((k) => k >= 0);
  const chain = CHAIN.map(idx).filter((k) => k >= 0 && listed.has(k));
  return [...chain, ...ends.filter((k) => names[k] !== "returned-home")];
}

/** Without a route end (no order or return home yet): recommendation → panel → ADM, the steps every route away from home shares. */
export function defaultChain(names: readonly string[]): number[] {
  return CHAIN.slice(0, 3).map((id) => names.indexOf(id)).filter((k) => k >= 0);
}

/**
 * Private: the milestones a route passes in order before its end — the chain that the data
 * check's `missing-earlier` walks (checkCaseRecords.ts), that its completeness counts and that
 * the stages' `missing-end` rule reads (_stagePlan.ts), from one definition so they never
 * disagree. A route has one chain; a child with no route end yet has {@link defaultChains}.
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

/**
 * Without a route end (no order or return home yet) the route is not known, so only what every
 * route with the later step has before it counts (SCOTLAND_MILESTONES.routes, in the PACE order
 * of {@link CHAIN}): recommendation → panel → ADM (the permanence-order, authority-to-adopt and
 * adoption routes, the only ones with a panel or an ADM, pass them in that order), and
 * recommendation → petition lodged (every route with a petition — those three and the kinship
 * care order, Children (Scotland) Act 1995 s.11 — lists the permanence recommendation before it;
 * the kinship route has no panel or ADM, so a petition implies the recommendation only). A
 * lodged petition with no recommendation recorded is therefore missing the recommendation, as
 * a panel with none is. Each chain as milestone indices; milestones the catalogue does not have
 * are left out.
 */
export function defaultChains(names: readonly string[]): number[][] {
  const idx = (ids: readonly string[]): number[] => ids.map((id) => names.indexOf(id)).filter((k) => k >= 0);
  return [idx(CHAIN.slice(0, 3)), idx([CHAIN[0], CHAIN[3]])];
}

import type { StageTarget } from "./target.js";
import { SCOTLAND_ORDER_MILESTONES } from "./catalogue.js";

/** One episode's events as a stage's cohort filter sees them. */
export interface StageCase {
  child: string | number;
  episode: string | number;
  /** The episode's events in date order (dates as ISO strings). */
  events: ReadonlyArray<{ milestone: string; date: string }>;
  /** Route inferred from the first route-ending milestone in the episode, or null. */
  route: string | null;
  /** The `group` value of the child (see the `group` option), or undefined. */
  group: unknown;
  /** Whole years of age at the stage's start (with the `dateOfBirth` option), else null. */
  ageAtStart: number | null;
  /** The `ageBands` band of `ageAtStart`, else null. */
  ageBand: string | null;
}

/**
 * Which occurrence of the `from` milestone starts the clock:
 * - `"first"` (default): the first occurrence in the episode;
 * - `"last"`: the clock restarts at every repeat (a deferred panel) until `to` happens: the last
 *   `from` occurrence on or before the first `to` that follows the first `from` (for an open
 *   case, the last `from` occurrence so far);
 * - a number n ≥ 1: the n-th occurrence (e.g. the 2nd LAC review).
 */
export type FromOccurrence = "first" | "last" | number;

/**
 * Which occurrence of the `to` milestone stops the clock: `"first"` (default) is the first
 * occurrence on or after the start; `"last"` the last occurrence on or after the start (e.g. the
 * final re-lodged petition).
 */
export type ToOccurrence = "first" | "last";

/** A stage: the time from one milestone to another, with an optional target. */
export interface Stage {
  /** Short id, e.g. `"recommendation"`. */
  id: string;
  label?: string;
  /** Milestone (or any of several) that starts the clock. */
  from: string | readonly string[];
  /** Milestone (or any of several) that stops the clock. */
  to: string | readonly string[];
  /**
   * Milestones (besides the catalogue's episode-ending ones, such as ceased to be looked after)
   * after which the child is no longer waiting for `to`: the first one after the start and
   * before `to` ends the stage as `"exited"`, never `"open"`. The PACE stages after the
   * recommendation exit on a return home and on an order granted (a child who went home, or
   * whose order was granted with no panel or petition date entered, is not drifting).
   */
  exits?: string | readonly string[];
  /**
   * Target: calendar days (`182` or `{ days: 182 }`), calendar months from the start
   * (`{ months: 6 }`, end-of-month safe), or null when there is no sourced target.
   */
  target?: StageTarget | null;
  /** Where the target comes from. */
  source?: string;
  fromOccurrence?: FromOccurrence;
  toOccurrence?: ToOccurrence;
  /** Cohort filter: episodes for which it returns false are left out (and counted). */
  filter?: (c: StageCase) => boolean;
  /**
   * Cohort filter by route: keep only episodes whose inferred route is one of these catalogue
   * route ids (an id the catalogue does not have is a QiError `unknown-route`).
   */
  routes?: readonly string[];
  /**
   * Cohort filter by age at the stage's start: `[min, max]` whole years, inclusive (e.g. `[0, 5]`
   * for "children aged 0–5"). Needs the `dateOfBirth` option; a child without a date of birth is
   * left out (and counted).
   */
  ages?: readonly [number, number];
}

/** The stage ids of {@link PACE_STAGES}. */
export type PaceStageId = "recommendation" | "panel" | "adm" | "petition" | "order" | "overall";

/**
 * Where a stage after the recommendation ends for a child who never reaches its `to`: a return
 * home (PACE counts it as permanence: the child leaves the away-from-home pathway — CELCIS PACE
 * Aim 2, "a permanence recommendation, including return home") or an order granted (the child
 * is past every earlier step; a missing panel or petition date is a data problem that
 * `checkCaseRecords` reports, not drift). Found by a user trial: both were listed "open". Where
 * the order's route passes through the stage's `to` (a permanence order and the panel), the
 * stage's missing-end rule leaves the child out instead (_stagePlan.ts laterSteps): the `to`
 * happened on a date not recorded.
 */
const PATHWAY_EXITS = ["returned-home", ...SCOTLAND_ORDER_MILESTONES] as const;

/**
 * The PACE preset, following the Scottish Government permanence data set: accommodated →
 * permanence recommendation → panel → ADM decision → petition lodged → order granted, and looked
 * after → order overall. Only two stages carry a sourced target:
 * - `recommendation`: 182 days (26 weeks) from accommodation — PACE Aim 2 (CELCIS): "a
 *   permanence recommendation, including return home, within six months of being accommodated";
 *   the clock stops at a permanence recommendation or a return home, whichever comes first;
 * - `adm`: 14 days — Adoption Agencies (Scotland) Regulations 2009 (SSI 2009/154) reg. 13(1): the
 *   agency must decide within 14 days of the adoption panel's recommendation. The clock starts
 *   at the last panel before the decision (`fromOccurrence: "last"`) so a deferred panel does not
 *   count against the 14 days.
 * Every other target is null: pass your own (`{ ...PACE_STAGES.panel, target: 84 }`).
 * The stages after the recommendation end as `"exited"` for a child who returned home or whose
 * order was granted before their `to`, and `order` and `overall` for a child who returned home
 * (see `exits`); a return home counts only when `to` never follows.
 * "Order granted" is any of the four Scottish orders (permanence order, with authority to adopt,
 * kinship care order, adoption order); narrow it with a cohort filter on `route`.
 *
 * @example
 * PACE_STAGES.recommendation.target //=> 182
 * PACE_STAGES.adm.target //=> 14
 */
export const PACE_STAGES: Readonly<Record<PaceStageId, Stage>> = {
  recommendation: {
    id: "recommendation",
    label: "Accommodated → permanence recommendation (or return home)",
    from: "accommodated",
    // PACE Aim 2 counts a return home as a permanence decision: "a permanence recommendation,
    // including return home, within six months of being accommodated" (CELCIS PACE aims, as
    // quoted in pace-qi issue #11). So the clock stops at the first of the two.
    to: ["permanence-recommendation", "returned-home"],
    target: 182,
    source: "PACE Aim 2 (CELCIS): a permanence recommendation, including return home, within 26 weeks (six months) of being accommodated",
  },
  panel: {
    id: "panel",
    label: "Permanence recommendation → permanence panel",
    from: "permanence-recommendation",
    to: "permanence-panel",
    exits: PATHWAY_EXITS,
    target: null,
  },
  adm: {
    id: "adm",
    label: "Permanence panel → ADM decision",
    from: "permanence-panel",
    to: "adm-decision",
    exits: PATHWAY_EXITS,
    target: 14,
    fromOccurrence: "last",
    source: "Adoption Agencies (Scotland) Regulations 2009 (SSI 2009/154) reg. 13(1)",
  },
  petition: {
    id: "petition",
    label: "ADM decision → petition lodged",
    from: "adm-decision",
    to: "petition-lodged",
    exits: PATHWAY_EXITS,
    target: null,
  },
  order: {
    id: "order",
    label: "Petition lodged → order granted",
    from: "petition-lodged",
    to: SCOTLAND_ORDER_MILESTONES,
    exits: "returned-home",
    target: null,
  },
  overall: {
    id: "overall",
    label: "Looked after → order granted",
    from: "looked-after",
    to: SCOTLAND_ORDER_MILESTONES,
    exits: "returned-home",
    target: null,
  },
};

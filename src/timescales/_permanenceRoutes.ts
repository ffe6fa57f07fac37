/**
 * Private: each episode's journey from becoming looked after to its first route to permanence,
 * as rows for {@link cumulativeIncidence} (the overall looked-after → permanence picture).
 */
import { parseIsoDay } from "../_lib/calendar.js";
import { allEpisodes, type CaseRecords } from "./_caseRecords.js";
import { cumulativeIncidence, type CumulativeIncidence } from "./cumulativeIncidence.js";

/**
 * The competing-routes estimate of the looked-after → permanence stage, with what it was made
 * from: the estimate itself is `cumulativeIncidence` (what summariseCumulativeIncidence and
 * renderCumulativeIncidence take).
 */
export interface PermanenceRoutes {
  label: string;
  /** The milestone that starts the clock. */
  from: string;
  /** Episodes that never became looked after by asOf (not counted). */
  notStarted: number;
  cumulativeIncidence: CumulativeIncidence;
}

/** Route id of an episode that ended without a route-ending milestone (ceased after being accommodated). */
export const LEFT_CARE = "left-care";

/**
 * One row per episode that became looked after by `asOf`: days from the first "looked-after" to
 * the first milestone that ends a catalogue route (returned home, an order), with that route; an
 * episode that ends first (ceased to be looked after) counts as `home` when the child was never
 * accommodated (looked after at home throughout: permanence at home) and as `left-care`
 * otherwise; an episode still going at `asOf` is censored there. Null when the catalogue has no
 * "looked-after" milestone or no routes.
 */
export function permanenceRoutes(rec: CaseRecords, asOfText: string, splitAt: number | undefined): PermanenceRoutes | null {
  const asOf = parseIsoDay(asOfText);
  const la = rec.index.get("looked-after");
  const acc = rec.index.get("accommodated");
  if (la === undefined || rec.routeIds.length === 0 || !Number.isFinite(asOf)) return null;
  const rows: { days: number; route: string | null }[] = [];
  let notStarted = 0;
  const { day, milestone: ms, routeOf, endsEpisode } = rec;
  for (const { episodes } of allEpisodes(rec, splitAt)) {
    for (const ep of episodes) {
      let start = Number.NaN;
      let accommodated = false;
      let row: { days: number; route: string | null } | null = null;
      for (const e of ep.events) {
        const d = day[e]!;
        if (d > asOf) break;
        const m = ms[e]!;
        if (m === acc) accommodated = true;
        if (Number.isNaN(start)) {
          if (m === la) start = d;
          continue;
        }
        const r = routeOf[m];
        if (r !== null && r !== undefined) {
          row = { days: d - start, route: r };
          break;
        }
        if (endsEpisode[m]) {
          row = { days: d - start, route: accommodated ? LEFT_CARE : homeRoute(rec) };
          break;
        }
      }
      if (Number.isNaN(start)) {
        notStarted++;
        continue;
      }
      rows.push(row ?? { days: asOf - start, route: null });
    }
  }
  const routes = rec.routeIds.includes(LEFT_CARE) ? [...rec.routeIds] : [...rec.routeIds, LEFT_CARE];
  return {
    label: "Looked after → permanence (first route)",
    from: "looked-after",
    notStarted,
    cumulativeIncidence: cumulativeIncidence(rows, { routes }),
  };
}

/** The route ended by "returned-home" ("home" in both catalogues), else the first route. */
function homeRoute(rec: CaseRecords): string {
  const k = rec.index.get("returned-home");
  return (k === undefined ? null : rec.routeOf[k]) ?? rec.routeIds[0]!;
}

/**
 * `npm test` (scripts/test.mjs) runs the whole suite under TZ=UTC, then the date-dependent files
 * again under TZ=America/Los_Angeles and TZ=Pacific/Auckland with PACE_QI_TZ_RERUN=1. Those
 * reruns check that calendar dates come out the same in every zone; they need not repeat work
 * that has nothing to do with the zone:
 * - `zoneFree(...)` — a test in a date-dependent file that reads no date (a 100,000-cycle
 *   scale test, a missing file): it runs under UTC only.
 * - `runs(n)` — a fast-check property's numRuns: all n under UTC, a fifth (at least 50) in the
 *   other zones, on the same fixed seed, so each zone still checks the same kinds of cases.
 */
import { it } from "vitest";

export const TZ_RERUN = process.env.PACE_QI_TZ_RERUN === "1";

export const zoneFree: typeof it = TZ_RERUN ? (it.skip as unknown as typeof it) : it;

export function runs(n: number): number {
  return TZ_RERUN ? Math.max(50, Math.ceil(n / 5)) : n;
}

/**
 * Private: which of a stage's `to` milestones define it, and which are alternative ends by which
 * the child leaves the pathway — one rule for the stages (_stagePlan.ts: is the stage
 * estimated?) and the data check (checkCaseRecords.ts: which stages a file cannot estimate).
 */

/**
 * Milestones by which a child leaves the pathway rather than reaching its next step: a return
 * home and the end of the looked-after episode. docs/timescales.md, "Stages and the PACE preset":
 * the `recommendation` stage is accommodated → permanence recommendation, and stops at a return
 * home too only because PACE Aim 2 counts a return home as a permanence decision ("a permanence
 * recommendation, including return home"); every other PACE stage is defined by its step
 * (panel, ADM decision, petition lodged, order granted).
 */
export const LEAVING_ENDS: readonly string[] = ["returned-home", "ceased-looked-after"];

/**
 * The `to` milestones that define the stage: those that are not a {@link LEAVING_ENDS}, or every
 * `to` when all of them are (a stage that ends only at a return home is defined by it). The
 * recommendation stage's is `permanence-recommendation`; the panel's `permanence-panel`; the
 * ADM's `adm-decision`; the petition's `petition-lodged`; the order's and overall's the four orders.
 */
export function definingEnds(names: readonly string[], toIdx: readonly number[]): number[] {
  const own = toIdx.filter((k) => !LEAVING_ENDS.includes(names[k]!));
  return own.length > 0 ? own : [...toIdx];
}

/**
 * The leaving milestones (returned home, ceased to be looked after) that end the stage — an
 * alternative `to`, an `exits` milestone or an episode end — and that wide records have no
 * column for: a child who left that way cannot be told from one still waiting. Ascending
 * milestone indices; empty for long records (hasColumn null).
 */
export function leavingWithoutColumn(names: readonly string[], hasColumn: Uint8Array | null, ends: (k: number) => boolean): number[] {
  if (hasColumn === null) return [];
  const out: number[] = [];
  for (const id of LEAVING_ENDS) {
    const k = names.indexOf(id);
    if (k >= 0 && hasColumn[k] !== 1 && ends(k)) out.push(k);
  }
  return out;
}

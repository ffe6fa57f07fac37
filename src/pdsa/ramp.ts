import type { QiIssue } from "../_lib/error.js";
import { formatIsoDay, parseIsoDay } from "../_lib/calendar.js";
import { isoDateProblem } from "../_lib/dateText.js";
import { assertCycles } from "./guards.js";
import type { ChangeIdeaStatus, PdsaCycle, PdsaDecision, Ramp, RampScale } from "./types.js";

// The ramp types live in types.ts (guards.ts reads them too; this file imports guards.ts).
export type { ChangeIdeaStatus, Ramp, RampScale } from "./types.js";

const STATUS: Record<PdsaDecision, ChangeIdeaStatus> = { adopt: "adopted", adapt: "adapted", abandon: "abandoned" };

/**
 * Collect the cycles that test `changeIdea` into a ramp. Order: by `sequence` when every cycle
 * of the ramp has one; otherwise by date run (`do.date`; cycles not yet run come last), then
 * `sequence`, then input order. Warnings flag duplicate sequence numbers, sequences that contradict
 * the dates, a sequence on some cycles but not all (`partial-sequence`), invalid dates and cycles
 * that follow an "abandon".
 *
 * @example
 * const r = ramp([
 *   { id: "b", changeIdea: "ci", objective: "…", questions: [], do: { date: "2024-04-02" }, act: { decision: "adopt" } },
 *   { id: "a", changeIdea: "ci", objective: "…", questions: [], do: { date: "2024-03-05" }, act: { decision: "adapt" } },
 * ], "ci");
 * r.order //=> ["a", "b"]
 * r.status //=> "adopted"
 */
export function ramp(cycles: readonly PdsaCycle[], changeIdea: string): Ramp {
  assertCycles(cycles);
  const indices: number[] = [];
  for (let i = 0; i < cycles.length; i++) if (cycles[i]!.changeIdea === changeIdea) indices.push(i);
  return buildRamp(cycles, indices, changeIdea);
}

/** A cycle of the ramp with its index in the argument, its day run and its last day (NaN when not run). */
interface Entry {
  cycle: PdsaCycle;
  index: number;
  day: number;
  end: number;
}

function buildRamp(cycles: readonly PdsaCycle[], indices: readonly number[], changeIdea: string): Ramp {
  const warnings: QiIssue<string>[] = [];
  const entries = readEntries(cycles, indices, warnings);
  const bySequence = entries.length > 0 && entries.every((e) => e.cycle.sequence !== undefined);
  duplicateSequences(entries, warnings);
  entries.sort((a, b) => (bySequence ? bySeq(a, b) || byDate(a, b) : byDate(a, b) || bySeq(a, b)) || a.index - b.index);
  if (bySequence) sequenceDateMismatches(entries, warnings);
  else partialSequence(entries, changeIdea, warnings);
  afterAbandon(entries, warnings);
  const ordered = entries.map((e) => e.cycle);
  const { first, last } = dateRange(entries);
  const { scale, scaleGrowth } = rampScale(ordered);
  const latest = ordered[ordered.length - 1];
  const decision = latest?.act?.decision ?? null;
  const status: ChangeIdeaStatus = latest === undefined ? "untested" : decision === null ? "testing" : STATUS[decision];
  return {
    changeIdea,
    cycles: ordered,
    order: ordered.map((c) => c.id),
    orderedBy: bySequence ? "sequence" : "date",
    decision,
    status,
    firstDate: Number.isFinite(first) ? formatIsoDay(first) : null,
    lastDate: Number.isFinite(last) ? formatIsoDay(last) : null,
    scale,
    scaleGrowth,
    warnings,
  };
}

/** The cycles at `indices` with their dates read (invalid dates and an end before the start are warnings). */
function readEntries(cycles: readonly PdsaCycle[], indices: readonly number[], warnings: QiIssue<string>[]): Entry[] {
  const entries: Entry[] = [];
  for (const i of indices) {
    const c = cycles[i]!;
    const day = readDay(c.do?.date, i, "date", warnings);
    const endDay = readDay(c.do?.endDate, i, "endDate", warnings);
    if (!Number.isNaN(day) && !Number.isNaN(endDay) && endDay < day) {
      warnings.push({ code: "invalid-date", path: ["cycles", i, "do", "endDate"], message: `cycle ${c.id} ends (${c.do?.endDate}) before it starts (${c.do?.date})` });
    }
    entries.push({ cycle: c, index: i, day, end: Number.isNaN(endDay) ? day : Math.max(day, endDay) });
  }
  return entries;
}

function duplicateSequences(entries: readonly Entry[], warnings: QiIssue<string>[]): void {
  const seen = new Map<number, string>();
  for (const e of entries) {
    const s = e.cycle.sequence;
    if (s === undefined) continue;
    const other = seen.get(s);
    if (other !== undefined) warnings.push({ code: "duplicate-sequence", path: ["cycles", e.index, "sequence"], message: `cycles ${other} and ${e.cycle.id} both have sequence ${s}` });
    else seen.set(s, e.cycle.id);
  }
}

/**
 * `partial-sequence`: some cycles of the ramp have a `sequence` and some do not, so the ramp is
 * ordered by date and the numbers given are not the order (a cycle with sequence 1 may come
 * second). Named at the first cycle without one; `entries` are in the ramp's order.
 */
function partialSequence(entries: readonly Entry[], changeIdea: string, warnings: QiIssue<string>[]): void {
  const without = entries.filter((e) => e.cycle.sequence === undefined);
  if (without.length === 0 || without.length === entries.length) return;
  const first = without.reduce((a, b) => (b.index < a.index ? b : a));
  const names = without.map((e) => e.cycle.id).join(", ");
  const withSequence = entries.filter((e) => e.cycle.sequence !== undefined);
  const others = `${withSequence.map((e) => e.cycle.id).join(", ")} ${withSequence.length === 1 ? "has" : "have"} one`;
  const order = entries.map((e) => e.cycle.id).join(", ");
  warnings.push({
    code: "partial-sequence",
    path: ["cycles", first.index, "sequence"],
    message: `change idea ${changeIdea}: cycle${without.length === 1 ? "" : "s"} ${names} ${without.length === 1 ? "has" : "have"} no sequence while ${others}, so the ramp is ordered by date (${order}), not by sequence: give every cycle a sequence, or none`,
  });
}

/** By day run; cycles not yet run last. */
function byDate(a: Entry, b: Entry): number {
  const an = Number.isNaN(a.day), bn = Number.isNaN(b.day);
  if (an !== bn) return an ? 1 : -1;
  if (!an && a.day !== b.day) return a.day - b.day;
  return 0;
}

/** By sequence where both have one. */
function bySeq(a: Entry, b: Entry): number {
  const as = a.cycle.sequence, bs = b.cycle.sequence;
  if (as !== undefined && bs !== undefined && as !== bs) return as - bs;
  return 0;
}

/** Dates run in the opposite order to the sequence: one warning per inversion between neighbours. */
function sequenceDateMismatches(entries: readonly Entry[], warnings: QiIssue<string>[]): void {
  let lastDay = Number.NaN;
  let lastId = "";
  for (const e of entries) {
    if (Number.isNaN(e.day)) continue;
    if (!Number.isNaN(lastDay) && e.day < lastDay) {
      warnings.push({ code: "sequence-date-mismatch", path: ["cycles", e.index, "sequence"], message: `cycle ${e.cycle.id} comes after ${lastId} in sequence but was run earlier (${e.cycle.do?.date})` });
    }
    lastDay = e.day;
    lastId = e.cycle.id;
  }
}

/** A cycle that follows one that abandoned the change idea. */
function afterAbandon(entries: readonly Entry[], warnings: QiIssue<string>[]): void {
  for (let k = 1; k < entries.length; k++) {
    const prev = entries[k - 1]!.cycle;
    if (prev.act?.decision === "abandon") {
      const e = entries[k]!;
      warnings.push({ code: "cycle-after-abandon", path: ["cycles", e.index], message: `cycle ${e.cycle.id} follows cycle ${prev.id}, which abandoned the change idea` });
    }
  }
}

/** Earliest day run and latest day run or ended (±Infinity when none). */
function dateRange(entries: readonly Entry[]): { first: number; last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of entries) {
    if (!Number.isNaN(e.day) && e.day < first) first = e.day;
    if (!Number.isNaN(e.end) && e.end > last) last = e.end;
  }
  return { first, last };
}

/** The recorded sizes in ramp order and the growth from the first to the last. */
function rampScale(ordered: readonly PdsaCycle[]): { scale: RampScale[]; scaleGrowth: number | null } {
  const scale: RampScale[] = [];
  for (const c of ordered) {
    const size = c.scale?.size;
    if (typeof size === "number" && Number.isFinite(size)) {
      const unit = c.scale?.unit;
      scale.push(unit === undefined ? { cycle: c.id, size } : { cycle: c.id, size, unit });
    }
  }
  const firstSize = scale[0]?.size;
  const lastSize = scale[scale.length - 1]?.size;
  const scaleGrowth = scale.length >= 2 && firstSize !== undefined && lastSize !== undefined && firstSize > 0 ? lastSize / firstSize : null;
  return { scale, scaleGrowth };
}

function readDay(value: string | undefined, index: number, key: string, warnings: QiIssue<string>[]): number {
  if (value === undefined) return Number.NaN;
  const day = parseIsoDay(value);
  if (Number.isNaN(day)) warnings.push({ code: "invalid-date", path: ["cycles", index, "do", key], message: isoDateProblem(value) });
  return day;
}

/**
 * Every ramp in a list of cycles, one per change idea, in order of first appearance.
 *
 * @example
 * ramps([{ id: "a", changeIdea: "x", objective: "", questions: [] }]).map((r) => r.changeIdea) //=> ["x"]
 */
export function ramps(cycles: readonly PdsaCycle[]): Ramp[] {
  assertCycles(cycles);
  // Group once (Map keeps first-seen order), then build each ramp from its own cycles.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < cycles.length; i++) {
    const id = cycles[i]!.changeIdea;
    const g = groups.get(id);
    if (g === undefined) groups.set(id, [i]);
    else g.push(i);
  }
  return [...groups].map(([id, indices]) => buildRamp(cycles, indices, id));
}

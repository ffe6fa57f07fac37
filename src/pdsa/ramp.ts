import type { QiIssue } from "../_lib/error.js";
import { formatIsoDay, parseIsoDay } from "../_lib/calendar.js";
import { assertCycles } from "./guards.js";
import type { PdsaCycle, PdsaDecision } from "./types.js";

/**
 * Where a change idea stands, read from its ramp of PDSA cycles (in ramp order):
 * - `untested`: no cycle records this change idea;
 * - `testing`: the latest cycle has no Act decision yet (planned, running or being studied);
 * - `adopted` / `adapted` / `abandoned`: the latest cycle's Act decision was adopt / adapt / abandon.
 *
 * "Adapted" therefore means "changed and due for another cycle that has not been recorded yet";
 * once that next cycle is recorded the idea is `testing` again.
 */
export type ChangeIdeaStatus = "untested" | "testing" | "adopted" | "adapted" | "abandoned";

/** The scale of one cycle in a ramp, for cycles that record `scale.size`. */
export interface RampScale {
  cycle: string;
  size: number;
  unit?: string;
}

/** A ramp: the PDSA cycles testing one change idea, in order. */
export interface Ramp {
  changeIdea: string;
  /** The cycles, in ramp order (the input objects, not copies). */
  cycles: PdsaCycle[];
  /** Their ids, in ramp order. */
  order: string[];
  /** `sequence` when every cycle has an explicit `sequence`, otherwise `date` (date run). */
  orderedBy: "sequence" | "date";
  /** The Act decision of the latest cycle, or null when it has none yet (or there are no cycles). */
  decision: PdsaDecision | null;
  status: ChangeIdeaStatus;
  /** Earliest date run (`do.date`), ISO. */
  firstDate: string | null;
  /** Latest date run or end date (`do.endDate`), ISO. */
  lastDate: string | null;
  /** Scale of the cycles that record a size, in ramp order. */
  scale: RampScale[];
  /** Last recorded size ÷ first recorded size (null with fewer than two sizes or a first size of 0). */
  scaleGrowth: number | null;
  /** Ordering problems a coach should see (paths index the `cycles` argument). */
  warnings: QiIssue[];
}

const STATUS: Record<PdsaDecision, ChangeIdeaStatus> = { adopt: "adopted", adapt: "adapted", abandon: "abandoned" };

/**
 * Collect the cycles that test `changeIdea` into a ramp. Order: by `sequence` when every cycle
 * of the ramp has one; otherwise by date run (`do.date`; cycles not yet run come last), then
 * `sequence`, then input order. Warnings flag duplicate sequence numbers, sequences that contradict
 * the dates, invalid dates and cycles that follow an "abandon".
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

function buildRamp(cycles: readonly PdsaCycle[], indices: readonly number[], changeIdea: string): Ramp {
  const warnings: QiIssue[] = [];
  interface Entry { cycle: PdsaCycle; index: number; day: number; end: number }
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

  const bySequence = entries.length > 0 && entries.every((e) => e.cycle.sequence !== undefined);
  const seen = new Map<number, string>();
  for (const e of entries) {
    const s = e.cycle.sequence;
    if (s === undefined) continue;
    const other = seen.get(s);
    if (other !== undefined) warnings.push({ code: "duplicate-sequence", path: ["cycles", e.index, "sequence"], message: `cycles ${other} and ${e.cycle.id} both have sequence ${s}` });
    else seen.set(s, e.cycle.id);
  }

  const byDate = (a: Entry, b: Entry): number => {
    const an = Number.isNaN(a.day), bn = Number.isNaN(b.day);
    if (an !== bn) return an ? 1 : -1;
    if (!an && a.day !== b.day) return a.day - b.day;
    return 0;
  };
  const bySeq = (a: Entry, b: Entry): number => {
    const as = a.cycle.sequence, bs = b.cycle.sequence;
    if (as !== undefined && bs !== undefined && as !== bs) return as - bs;
    return 0;
  };
  entries.sort((a, b) => (bySequence ? bySeq(a, b) || byDate(a, b) : byDate(a, b) || bySeq(a, b)) || a.index - b.index);

  if (bySequence) {
    // Dates run in the opposite order to the sequence: one warning per inversion between neighbours.
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

  const ordered = entries.map((e) => e.cycle);
  for (let k = 1; k < entries.length; k++) {
    const prev = entries[k - 1]!.cycle;
    if (prev.act?.decision === "abandon") {
      const e = entries[k]!;
      warnings.push({ code: "cycle-after-abandon", path: ["cycles", e.index], message: `cycle ${e.cycle.id} follows cycle ${prev.id}, which abandoned the change idea` });
    }
  }

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of entries) {
    if (!Number.isNaN(e.day) && e.day < first) first = e.day;
    if (!Number.isNaN(e.end) && e.end > last) last = e.end;
  }

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

function readDay(value: string | undefined, index: number, key: string, warnings: QiIssue[]): number {
  if (value === undefined) return Number.NaN;
  const day = parseIsoDay(value);
  if (Number.isNaN(day)) warnings.push({ code: "invalid-date", path: ["cycles", index, "do", key], message: `${describe(value)} is not an ISO date (YYYY-MM-DD)` });
  return day;
}

function describe(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
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

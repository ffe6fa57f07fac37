import type { PointLabeller } from "./messages.js";
import type { ChartWarning, Signal } from "./types.js";

/**
 * @internal A `level-change` warning for each phase whose centre was set from points that hold
 * shifts on both of its sides — an earlier shift on one side and a later one on the other — so
 * the centre mixes the time before and after a change in level (user trial 16: a series flat at
 * about 300 that then fell to about 205 read "14 points above the median from Apr 2022 to Jun
 * 2023: a shift, a deterioration" against a median of 273 that mixes both levels). Both shifts stay
 * signals (IHI and Making Data Count: any shift is one); the warning says what they show together
 * and how to see the change: a baseline ending before the later shift, or a new phase from it.
 *
 * Per phase: the later shift is the one that starts last; the earlier is the latest shift on the
 * other side that ends before it starts. The centre mixes them when it was set from points (not
 * given) up to at least the later shift's start. `baseline: N` (N = the points before the later
 * shift) is suggested only for a chart of one phase: a count applies to every phase.
 * `signals` sorted by phase then start (sortSignals).
 */
export function levelChangeWarnings(
  phases: readonly { start: number; baselineEnd: number | null }[],
  signals: readonly Signal[],
  label: PointLabeller,
  centreName: string,
): ChartWarning[] {
  const out: ChartWarning[] = [];
  // The shifts of each phase, gathered in one pass (filtering every signal once per phase was
  // phases × signals: a long chart with many phases has tens of thousands of signals).
  const byPhase: Signal[][] = phases.map(() => []);
  for (const s of signals) if (s.rule === "shift" && s.side !== undefined && s.points.length > 0) byPhase[s.phase]?.push(s);
  phases.forEach((p, k) => {
    const shifts = byPhase[k]!;
    const later = shifts.reduce<Signal | null>((a, s) => (a === null || s.start > a.start ? s : a), null);
    if (later === null || p.baselineEnd === null || p.baselineEnd < later.start) return;
    const earlier = shifts.filter((s) => s.side !== later.side && s.end < later.start).at(-1);
    if (earlier === undefined) return;
    const at = label(later.start);
    const baseline = phases.length === 1 ? `baseline: ${later.start - p.start} (the points before ${at} set the ${centreName}) or ` : "";
    out.push({
      code: "level-change",
      phase: k,
      points: [earlier.start, later.start],
      message:
        `The shift ${earlier.side} the ${centreName} from ${label(earlier.start)} and the later one ${later.side} it from ${at} together show a change in level around ${at}, ` +
        `and the ${centreName} mixes the time before and after it: give ${baseline}phases: [${later.start}] (a new phase from ${at}) to see the change.`,
    });
  });
  return out;
}

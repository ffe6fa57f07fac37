/**
 * @internal Points a phase needs before its limits are more than trial limits: Provost & Murray
 * (The Health Care Data Guide, 2011, ch. 5) calculate trial limits from as few as 12 subgroups and
 * firm limits from 20 or more. Below 12, no signal is not evidence of common-cause variation only.
 */
export const TRIAL_LIMIT_POINTS = 12;

/**
 * @internal The phases of a control chart too short for "no signal" to mean common-cause variation
 * only (fewer than {@link TRIAL_LIMIT_POINTS} points not excluded, and a centre): their index and
 * number of points. `summariseControlChart` and `summariseMeasures` (the board's "too few points")
 * both read it, so analyse and summary draw the line at the same place.
 */
export function shortPhases(chart: { phases: readonly { nObs?: unknown; centre?: unknown }[] }): { phase: number; points: number }[] {
  // nObs is read only when it is a number: a chart passed back in from JSON is shape-checked, not trusted.
  return chart.phases
    .map((p, k) => ({ phase: k, points: p.nObs as unknown, centre: p.centre }))
    .filter((p): p is { phase: number; points: number; centre: number } => p.centre !== null && p.centre !== undefined && typeof p.points === "number" && p.points < TRIAL_LIMIT_POINTS)
    .map(({ phase, points }) => ({ phase, points }));
}

/**
 * @internal The current (last) phase of a control chart when the chart reads as "too few points":
 * it is one of {@link shortPhases} and no signal is in it (a signal whose `phase` is the last index,
 * or that names no phase). Null otherwise. `summariseVerdict` (so the board's category and
 * reading) and the Making Data Count variation icon drawn on the chart (`mdcIconWords`) all ask
 * this one function, so what the chart draws agrees with what the summary says.
 */
export function currentPhaseTooShort(chart: { signals: readonly unknown[]; phases: readonly { nObs?: unknown; centre?: unknown }[] }): { phase: number; points: number } | null {
  const current = chart.phases.length - 1;
  if (current < 0) return null;
  const inCurrent = chart.signals.some((s) => {
    const phase = s !== null && typeof s === "object" ? (s as { phase?: unknown }).phase : undefined;
    return phase === undefined || phase === current;
  });
  if (inCurrent) return null;
  return shortPhases(chart).find((p) => p.phase === current) ?? null;
}

/**
 * @internal The verdict in words of a control chart whose current phase has no signal and too few
 * points ({@link currentPhaseTooShort}): "no signal, but the chart has only 9 points: too few to
 * call the variation common cause (limits need at least 12; Provost & Murray 2011)". `several`:
 * the chart has more than one phase ("the current phase has"). `summariseVerdict`, the summary's
 * reading and the chart's variation icon all say it so.
 */
export function tooFewPointsText(points: number, several: boolean): string {
  const n = `${points} point${points === 1 ? "" : "s"}`;
  return `no signal, but ${several ? "the current phase has" : "the chart has"} only ${n}: too few to call the variation common cause (limits need at least ${TRIAL_LIMIT_POINTS}; Provost & Murray 2011)`;
}

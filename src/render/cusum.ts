import type { Assessment } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";
import { modelPhases, type ChartModel } from "./model.js";

/**
 * @internal The drawing of a `type: "cusum"` control chart: the upper sum as the data line and the
 * lower sum as a second, dashed line, both in standard errors around 0, with the decision interval
 * ±h as the limits (solid over the baseline, dashed beyond, as control limits). Points beyond ±h
 * are marked by the assessment of their signal.
 */
export function cusumModel(chart: ControlChart, summary: string): ChartModel {
  const h = chart.settings.parameters?.decisionInterval ?? Number.NaN;
  const upper: (Assessment | null)[] = new Array(chart.points.length).fill(null);
  const lower: (Assessment | null)[] = new Array(chart.points.length).fill(null);
  for (const s of chart.signals) {
    for (const i of s.points) (s.side === "below" ? lower : upper)[i] = s.assessment;
  }
  return {
    kind: "control",
    className: "qi-control-chart qi-cusum-chart",
    defaultTitle: "CUSUM chart",
    defaultYLabel: "cumulative sum (standard errors)",
    centreName: "zero",
    period: chart.settings.period ?? null,
    points: chart.points.map((p, i) => ({
      x: p.x,
      y: p.upper ?? null,
      centre: 0,
      ucl: h,
      lcl: -h,
      ucl2: null,
      lcl2: null,
      phase: p.phase,
      excluded: p.excluded,
      mark: upper[i] ?? null,
      rules: upper[i] ? p.signals : [],
    })),
    phases: modelPhases(chart.phases, false),
    limits: true,
    summary,
    target: null,
    dataLabel: "Upper CUSUM",
    limitNames: { upper: "+h", lower: "−h", legend: `Decision interval ±${h}` },
    icons: null,
    series2: { label: "Lower CUSUM", points: chart.points.map((p, i) => ({ y: p.lower ?? null, assessment: lower[i] ?? null })) },
  };
}

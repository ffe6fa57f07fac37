import type { Measure } from "../measures/types.js";
import type { MeasureSummary } from "../project/rollUp.js";
import type { RunChart } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";
import { summariseMeasures } from "../summary/summariseMeasures.js";
import { escapeXml } from "./escape.js";
import { renderSummaryTable } from "./summaryTable.js";

/**
 * @internal The report's opening section: the summary of every measure that has a chart (see
 * {@link summariseMeasures}), concern first; measures without a chart are counted beneath.
 */
export function reportSummarySection(
  measures: readonly MeasureSummary[],
  charts: ReadonlyMap<string, { chart: RunChart | ControlChart } | { error: string }>,
  byId: ReadonlyMap<string, Measure>,
): string {
  const items: { measure: Measure; chart: RunChart | ControlChart }[] = [];
  for (const m of measures) {
    const a = charts.get(m.id);
    const measure = byId.get(m.id);
    if (a !== undefined && "chart" in a && measure !== undefined) items.push({ measure, chart: a.chart });
  }
  if (items.length === 0) return "";
  const table = renderSummaryTable(summariseMeasures(items));
  // "No chart yet" is true only of a measure without data; one whose analysis failed says so and is named (a user trial).
  const noData = measures.filter((m) => charts.get(m.id) === undefined).map((m) => m.name);
  const failed = measures.filter((m) => { const a = charts.get(m.id); return a !== undefined && !("chart" in a); }).map((m) => m.name);
  const named = (names: readonly string[]) => names.map((n) => `“${escapeXml(n)}”`).join(", ");
  const lines = [
    ...(noData.length === 0 ? [] : [`${noData.length} measure${noData.length === 1 ? " has" : "s have"} no data yet, so no chart: ${named(noData)}.`]),
    ...(failed.length === 0 ? [] : [`${failed.length} measure${failed.length === 1 ? "" : "s"} could not be charted (the measure's section says why): ${named(failed)}.`]),
  ];
  return lines.length === 0 ? table : table.replace(/<\/section>$/, `${lines.map((l) => `<p class="muted">${l}</p>`).join("")}</section>`);
}

import type { Measure } from "../measures/types.js";
import type { MeasureSummary } from "../project/rollUp.js";
import type { RunChart } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";
import { summariseMeasures } from "../summary/summariseMeasures.js";
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
  const missing = measures.length - items.length;
  return missing === 0 ? table : table.replace(/<\/section>$/, `<p class="muted">${missing} measure${missing === 1 ? " has" : "s have"} no chart yet.</p></section>`);
}

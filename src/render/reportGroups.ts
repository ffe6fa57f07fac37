import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { summariseFunnelPlot } from "../funnel/summary.js";
import type { FunnelPlot } from "../funnel/types.js";
import { escapeXml } from "./escape.js";
import { renderFunnelPlot, type RenderFunnelOptions } from "./funnel.js";
import { renderSmallMultiples, type RenderSmallMultiplesOptions } from "./smallMultiples.js";
import type { RunChart } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";

/** A report section of grouped charts: a `by` result of runChart or controlChart drawn as small multiples. */
export interface ReportSmallMultiples {
  /** The section's heading. */
  title: string;
  /** What runChart or controlChart returned with `by`. */
  groups: ReadonlyArray<{ key: unknown; chart: RunChart | ControlChart }>;
  /** A paragraph under the heading. */
  description?: string;
  /** {@link renderSmallMultiples} options (its title defaults to the section's). */
  options?: RenderSmallMultiplesOptions;
}

/** The report's funnel section: a {@link funnelPlot} result across organisations. */
export interface ReportFunnel {
  /** The section's heading. Default "Across organisations". */
  title?: string;
  plot: FunnelPlot;
  description?: string;
  /** {@link renderFunnelPlot} options. */
  options?: RenderFunnelOptions;
}

/**
 * @internal The report's sections across groups (issue 14): the funnel plot, then each set of
 * small multiples, from the report options `funnel` and `smallMultiples` (the project document
 * has no groups of its own, so the caller passes what it analysed by group).
 */
export function reportGroupSections(funnel: unknown, sets: unknown): string {
  const out: string[] = [];
  if (funnel !== undefined) {
    const f = objectOption(funnel, ["options", "funnel"]);
    checkKeys(f, ["title", "plot", "description", "options"], ["options", "funnel"], "funnel option");
    const title = f.title === undefined ? "Across organisations" : text(f.title, ["options", "funnel", "title"]);
    const svg = renderFunnelPlot(f.plot as FunnelPlot, { title, ...(f.options as RenderFunnelOptions | undefined), id: "qi-report-funnel" });
    out.push(`<section class="funnel"><h2>${escapeXml(title)}</h2>${paragraph(f.description, ["options", "funnel", "description"])}<figure>${svg}</figure><p>${escapeXml(summariseFunnelPlot(f.plot as FunnelPlot))}</p></section>`);
  }
  if (sets !== undefined) {
    if (!Array.isArray(sets)) throw new QiError("invalid-option", ["options", "smallMultiples"], `smallMultiples must be an array of { title, groups }, not ${describeValue(sets)}`);
    sets.forEach((s: unknown, i) => {
      const o = objectOption(s, ["options", "smallMultiples", i]);
      checkKeys(o, ["title", "groups", "description", "options"], ["options", "smallMultiples", i], "small-multiples option");
      const title = text(o.title, ["options", "smallMultiples", i, "title"]);
      const svg = renderSmallMultiples(o.groups as ReportSmallMultiples["groups"], { title, width: 940, ...(o.options as RenderSmallMultiplesOptions | undefined), id: `qi-report-groups-${i + 1}` });
      out.push(`<section class="small-multiples"><h2>${escapeXml(title)}</h2>${paragraph(o.description, ["options", "smallMultiples", i, "description"])}<figure>${svg}</figure></section>`);
    });
  }
  return out.join("\n");
}

function text(v: unknown, path: ReadonlyArray<string | number>): string {
  if (typeof v !== "string") throw new QiError("invalid-option", path, `${path[path.length - 1]} must be a string, not ${describeValue(v)}`);
  return v;
}

function paragraph(v: unknown, path: ReadonlyArray<string | number>): string {
  return v === undefined ? "" : `<p>${escapeXml(text(v, path))}</p>`;
}

import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys } from "../_lib/options.js";
import type { MeasuresSummary, SummaryCategory, SummaryRow } from "../summary/types.js";
import { escapeXml, textOf } from "./escape.js";
import { formatValue } from "./number.js";
import { checkTextOptions } from "./options.js";
import { THEME } from "./theme.js";

/** The {@link renderSummaryTable} options. */
export interface RenderSummaryTableOptions {
  /** Heading above the table. Default "Summary of measures". */
  title?: string;
  /** A whole HTML document (true) or a `<section>` to place in a page (false, the default). */
  standalone?: boolean;
}

/**
 * Icons in the style of NHS England's Making Data Count (variation: a circle with H or L for a
 * special cause high or low, dots for common cause; assurance: P pass, F fail, ? hit and miss),
 * drawn as SVG shapes (strokes and circles, never a font), in the Okabe–Ito palette: blue for
 * improvement and pass, vermillion for concern and fail, reddish purple for neither, grey for
 * common cause. Concern and fail icons also have a second, outer ring, so they differ from
 * improvement and pass without colour. Each has a `<title>` and `aria-label`.
 */
const GLYPH: Record<string, string> = {
  H: "M8 7V17M16 7V17M8 12H16",
  L: "M9 7V17H16",
  P: "M9 17V7H13A3 3 0 0 1 13 13H9",
  F: "M9 17V7H16M9 12H14",
  "?": "M9 9.5A3 3 0 1 1 13 11.8C12 12.5 12 13 12 14.2",
};

/** An icon: a filled disc with a white glyph, or (glyph null) a ring, dashed for "not judged", with `outline` (a glyph) drawn in the ring's colour. */
function icon(fill: string, glyph: string | null, label: string, doubleRing: boolean, dashed = false, outline: string | null = null): string {
  const ring = doubleRing ? `<circle cx="12" cy="12" r="11.2" fill="none" stroke="${fill}" stroke-width="1.2"/>` : "";
  const body = glyph === null || glyph === "dots"
    ? `<circle cx="12" cy="12" r="${doubleRing ? 9 : 10.5}" fill="#fff" stroke="${fill}" stroke-width="1.6"${dashed ? ' stroke-dasharray="3 2"' : ""}/>`
    : `<circle cx="12" cy="12" r="${doubleRing ? 9 : 10.5}" fill="${fill}"/>`;
  let mark = "";
  if (glyph === "dots") mark = [7, 12, 17].map((x) => `<circle cx="${x}" cy="12" r="1.7" fill="${fill}"/>`).join("");
  else if (glyph !== null && GLYPH[glyph]) mark = glyphPath(glyph, "#fff");
  else if (outline !== null && GLYPH[outline]) mark = glyphPath(outline, fill);
  return `<svg class="qi-icon" width="28" height="28" viewBox="0 0 24 24" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${ring}${body}${mark}</svg>`;
}

function glyphPath(glyph: string, colour: string): string {
  return `<path d="${GLYPH[glyph]}" fill="none" stroke="${colour}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>${glyph === "?" ? `<circle cx="12" cy="17" r="1.2" fill="${colour}"/>` : ""}`;
}

/** The high/low letter of a special cause: high is H. */
function letter(category: SummaryCategory, variation: SummaryRow["variation"], direction: SummaryRow["direction"]): string | null {
  if (variation === "neutral-high") return "H";
  if (variation === "neutral-low") return "L";
  if (category === "improvement") return direction === "decrease" ? "L" : "H";
  if (category === "concern") return direction === "decrease" ? "H" : "L";
  return null;
}

/** @internal The variation icon of a row (MDC icon, or the run-chart verdict drawn the same way). */
export function variationIcon(r: SummaryRow): string {
  const l = letter(r.category, r.variation, r.direction);
  const hl = l === "H" ? "high" : "low";
  switch (r.category) {
    case "concern":
      return icon(THEME.deterioration, l, `Special cause concern (${hl})`, true);
    case "improvement":
      return icon(THEME.improvement, l, `Special cause improvement (${hl})`, false);
    case "neutral":
      return icon(THEME.neutral, l ?? "?", l === null ? "Special cause variation, neither better nor worse" : `Special cause variation, neither better nor worse (${hl})`, false);
    case "common-cause":
      return icon("#737373", "dots", "Common cause variation", false);
    default:
      return icon("#737373", null, "Too few points to tell special cause from common cause", false, true);
  }
}

/** " (partial period, not counted)" or " (excluded)" after the latest point's label, as the chart's tooltips say it. */
function latestMark(latest: NonNullable<SummaryRow["latest"]>): string {
  if (latest.excluded !== true) return "";
  return latest.partial === true ? " (partial period, not counted)" : " (excluded)";
}

/** @internal The assurance icon of a row, or a dash. */
export function assuranceIcon(r: SummaryRow): string {
  // The row's own words when it has them (a result from before 0.2 has no assuranceText): with
  // varying limits or limits from before a change the plain words would contradict the reading.
  const said = (plain: string): string => `Assurance: ${typeof r.assuranceText === "string" && r.assuranceText !== "" ? r.assuranceText : plain}`;
  // Judged against limits from before a change (the reading says so): drawn as not judged, as on the chart.
  if (r.assurance !== null && r.assuranceBeforeChange === true) return icon("#737373", null, said("judged against limits from before the change"), false, true, "?");
  if (r.assurance === "pass") return icon(THEME.improvement, "P", said("the target is consistently met"), false);
  if (r.assurance === "fail") return icon(THEME.deterioration, "F", said("the target is consistently missed"), true);
  if (r.assurance === "inconsistent") return icon("#737373", "?", said("the target will be met and missed at random"), false);
  return `<span class="qi-none" aria-label="no assurance icon">–</span>`;
}

/**
 * The words under an assurance icon, as the variation icon has its category under it (a user
 * trial: the board could read the one icon and not the other): "consistently met", "consistently
 * missed", "hit and miss", or "not judged" for limits from before a change; nothing without an icon.
 */
function assuranceCaption(r: SummaryRow): string {
  if (r.assurance === null) return "";
  const words = r.assuranceBeforeChange === true ? "not judged" : r.assurance === "pass" ? "consistently met" : r.assurance === "fail" ? "consistently missed" : "hit and miss";
  return `<span class="qi-icon-text">${words}</span>`;
}

const CATEGORY_TEXT: Record<SummaryCategory, string> = {
  concern: "concern",
  improvement: "improvement",
  neutral: "special cause",
  "common-cause": "common cause",
  insufficient: "too few points",
};

/** @internal The style of the summary table (scoped to `.qi-summary`). */
export const SUMMARY_CSS = `
.qi-summary table { border-collapse: collapse; width: 100%; font-size: .92em; margin: .5em 0 1em; }
.qi-summary th, .qi-summary td { border: 1px solid #d9d9d9; padding: .35em .5em; text-align: left; vertical-align: middle; }
.qi-summary th { background: #f4f4f4; }
.qi-summary td.num { text-align: right; white-space: nowrap; }
.qi-summary td.icon { text-align: center; white-space: nowrap; }
.qi-summary .qi-icon { vertical-align: middle; }
.qi-summary .qi-icon-text { display: block; font-size: .78em; color: ${THEME.muted}; }
.qi-summary tr.concern > :first-child { border-left: 4px solid ${THEME.deterioration}; }
.qi-summary tr.improvement > :first-child { border-left: 4px solid ${THEME.improvement}; }
.qi-summary tr.neutral > :first-child { border-left: 4px solid ${THEME.neutral}; }
`;

function rowHtml(r: SummaryRow, groups: boolean): string {
  // Latest, target and centre are in the measure's unit: "61.1 %", as the reading writes them.
  const unit = typeof r.unit === "string" && r.unit !== "" ? ` ${r.unit}` : "";
  const num = (v: number | null) => (v === null ? "–" : escapeXml(`${formatValue(v)}${unit}`));
  const latest = r.latest === null ? "–" : `${num(r.latest.y)}<br><span class="muted">${escapeXml(r.latest.label)}${latestMark(r.latest)}</span>`;
  return [
    `<tr class="${r.category}">`,
    `<th scope="row">${escapeXml(r.measure)}</th>`,
    groups ? `<td>${r.group === null ? "" : escapeXml(String(r.group))}</td>` : "",
    `<td class="num">${latest}</td>`,
    `<td class="num">${num(r.target)}</td>`,
    `<td class="num">${num(r.centre)}</td>`,
    `<td class="icon">${variationIcon(r)}<span class="qi-icon-text">${CATEGORY_TEXT[r.category]}</span></td>`,
    `<td class="icon">${assuranceIcon(r)}${assuranceCaption(r)}</td>`,
    `<td>${escapeXml(r.reading)}</td>`,
    `</tr>`,
  ].join("");
}

/**
 * Draw a {@link summariseMeasures} result as an HTML table: one row per measure (and group),
 * in the summary's order, with the latest value and date, target, centre, the variation and
 * assurance icons (SVG, colour-blind safe, each with a text alternative and the category in
 * words beneath) and the one-line reading. A `<section>` to place in a page, or with
 * `standalone: true` a whole HTML document (inline CSS, no scripts or requests). Every string is
 * escaped.
 *
 * @example
 * const chart = runChart([3, 4, 3, 5, 4, 3, 4, 8, 9, 8, 9, 10, 9].map((y, i) => ({ x: i + 1, y })), { x: "x", y: "y", direction: "increase" });
 * const html = renderSummaryTable(summariseMeasures([{ name: "Within 26 weeks", chart }]), { standalone: true });
 * html.startsWith("<!DOCTYPE html>") //=> true
 */
export function renderSummaryTable(summary: MeasuresSummary, options: RenderSummaryTableOptions = {}): string {
  const o = checkTextOptions(options, ["title"]);
  checkKeys(o, ["title", "standalone"], ["options"], "option");
  if (o.standalone !== undefined && typeof o.standalone !== "boolean") throw new QiError("invalid-option", ["options", "standalone"], `standalone must be true or false, not ${describeValue(o.standalone)}`);
  const rows = checkSummary(summary);
  const title = (o.title as string | undefined) ?? "Summary of measures";
  const groups = rows.some((r) => r.group !== null);
  const head = `<tr><th scope="col">Measure</th>${groups ? '<th scope="col">Group</th>' : ""}<th scope="col">Latest</th><th scope="col">Target</th><th scope="col">Centre</th><th scope="col">Variation</th><th scope="col">Assurance</th><th scope="col">Reading</th></tr>`;
  const section = `<section class="qi-summary"><h2>${escapeXml(title)}</h2><table><thead>${head}</thead><tbody>${rows.map((r) => rowHtml(r, groups)).join("")}</tbody></table>${notesHtml(summary)}</section>`;
  if (o.standalone !== true) return section;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title><style>body{margin:0;font-family:${THEME.font};color:${THEME.text};font-size:15px;line-height:1.45}main{max-width:1100px;margin:0 auto;padding:20px 24px}.muted{color:${THEME.muted}}${SUMMARY_CSS}</style></head><body><main>${section}</main></body></html>`;
}

/**
 * The summary's warnings (rows combined, values missing… in each measure's chart) as a list under
 * the table: a board reading the HTML is told what was combined or left out, as the terminal
 * and the JSON are. Nothing when there are none.
 */
function notesHtml(summary: MeasuresSummary): string {
  const list: unknown = (summary as { warnings?: unknown }).warnings;
  if (list === undefined) return "";
  if (!Array.isArray(list)) throw new QiError("invalid-value", ["summary", "warnings"], `warnings must be an array, not ${describeValue(list)}`);
  if (list.length === 0) return "";
  const items = list.map((w: unknown, i) => `<li>${escapeXml(textOf((w as { message?: unknown } | null)?.message, ["summary", "warnings", i, "message"]))}</li>`);
  return `<p class="muted"><strong>Notes</strong></p><ul class="qi-summary-notes muted">${items.join("")}</ul>`;
}

const CATEGORIES = ["concern", "improvement", "neutral", "common-cause", "insufficient"];

function checkSummary(summary: unknown): SummaryRow[] {
  if (summary === null || typeof summary !== "object" || !Array.isArray((summary as MeasuresSummary).rows)) {
    throw new QiError("invalid-value", ["summary"], `summary must be a summariseMeasures() result, not ${describeValue(summary)}`);
  }
  const rows = (summary as MeasuresSummary).rows;
  rows.forEach((r: unknown, i) => {
    const p = ["summary", "rows", i];
    if (r === null || typeof r !== "object") throw new QiError("invalid-value", p, `a row must be an object, not ${describeValue(r)}`);
    const row = r as Record<string, unknown>;
    if (!CATEGORIES.includes(row.category as string)) throw new QiError("invalid-value", [...p, "category"], `category must be one of ${CATEGORIES.join(", ")}, not ${describeValue(row.category)}`);
    textOf(row.measure, [...p, "measure"]);
    textOf(row.reading, [...p, "reading"]);
    // A row without a unit (a summary kept from before rows carried one) is drawn with bare numbers.
    if (row.unit !== undefined && typeof row.unit !== "string") throw new QiError("invalid-value", [...p, "unit"], `unit must be text ("%", "days" or ""), not ${describeValue(row.unit)}`);
    if (row.group !== null && typeof row.group !== "string" && typeof row.group !== "number") throw new QiError("invalid-value", [...p, "group"], `group must be text, a number or null, not ${describeValue(row.group)}`);
    for (const k of ["target", "centre"]) if (row[k] !== null && typeof row[k] !== "number") throw new QiError("invalid-value", [...p, k], `${k} must be a number or null, not ${describeValue(row[k])}`);
    const l = row.latest as Record<string, unknown> | null;
    if (l !== null && (typeof l !== "object" || typeof l.y !== "number" || typeof l.label !== "string")) throw new QiError("invalid-value", [...p, "latest"], `latest must be { x, y, label } or null, not ${describeValue(l)}`);
    if (!["increase", "decrease", "neutral"].includes(row.direction as string)) throw new QiError("invalid-value", [...p, "direction"], `direction must be increase, decrease or neutral, not ${describeValue(row.direction)}`);
    if (row.variation !== null && !["common-cause", "improvement", "concern", "neutral-high", "neutral-low"].includes(row.variation as string)) throw new QiError("invalid-value", [...p, "variation"], `variation must be an MDC variation or null, not ${describeValue(row.variation)}`);
    if (row.assurance !== null && !["pass", "fail", "inconsistent"].includes(row.assurance as string)) throw new QiError("invalid-value", [...p, "assurance"], `assurance must be pass, fail, inconsistent or null, not ${describeValue(row.assurance)}`);
  });
  return rows;
}

import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys } from "../_lib/options.js";
import type { CumulativeIncidence, CumulativeIncidenceStep } from "../timescales/cumulativeIncidence.js";
import { escapeXml, textOf } from "./escape.js";
import { hash, safeId } from "./id.js";
import { px } from "./number.js";
import { wrapText, wrapToWidth } from "./text.js";
import { checkTextOptions, sizeOption } from "./options.js";
import { charsIn, THEME, TITLE_EDGE } from "./theme.js";

/** The {@link renderCumulativeIncidence} and {@link summariseCumulativeIncidence} options. */
export interface RenderCumulativeIncidenceOptions {
  /** Heading, also the SVG's `<title>`. Default "Routes out of care over time". */
  title?: string;
  /** A second line under the title. */
  subtitle?: string;
  /**
   * Route id → what a child on it "had" done, for the sentence and legend ("gone home", "a
   * permanence order"). Defaults for the Scottish routes; other routes use their id.
   */
  phrases?: Readonly<Record<string, string>>;
  /** The time (in days) the sentence describes. Default 365 (12 months), or the last time if earlier. */
  at?: number;
  /** Width in pixels. Default 720. */
  width?: number;
  /** Height in pixels. Default 360. */
  height?: number;
  /** Prefix for element ids. Default: a hash of the result. */
  id?: string;
}

const KEYS = ["title", "subtitle", "phrases", "at", "width", "height", "id"];

/** What a child on each Scottish route had done, for "By 12 months, 31 % had gone home …". */
const PHRASES: Readonly<Record<string, string>> = {
  home: "had gone home",
  "permanence-order": "had a permanence order",
  "permanence-order-authority-to-adopt": "had a permanence order with authority to adopt",
  "kinship-care-order": "had a kinship care order",
  adoption: "had been adopted",
  "left-care": "had left care another way",
};

/** Okabe–Ito colours (see theme.ts), one per route in order; still waiting is light grey. */
const COLOURS = ["#009E73", "#0072B2", "#56B4E9", "#E69F00", "#CC79A7", "#D55E00", "#F0E442", "#000000"];
const WAITING = "#e6e6e6";
/** Width of the legend beside the plot, in px. */
const LEGEND_WIDTH = 250;
/** Days in an average Gregorian month, for the axis and the sentence in months. */
const MONTH = 365.2425 / 12;

/** Check the shape of a result given by the caller (the fields drawn). */
function assertResult(ci: unknown): asserts ci is CumulativeIncidence {
  const c = ci as CumulativeIncidence;
  // paceTimescales().permanenceRoutes wraps the estimate ({ label, from, notStarted,
  // cumulativeIncidence }): a user trial passed the wrapper and was told only "not an object".
  if (c !== null && typeof c === "object" && !Array.isArray(c.steps) && (c as { cumulativeIncidence?: unknown }).cumulativeIncidence !== undefined) {
    throw new QiError("invalid-value", ["result"], "expected a cumulativeIncidence result, not paceTimescales().permanenceRoutes ({ label, from, notStarted, cumulativeIncidence }): pass its .cumulativeIncidence");
  }
  if (c === null || typeof c !== "object" || !Array.isArray(c.routes) || !Array.isArray(c.steps)) {
    throw new QiError("invalid-value", ["result"], `expected a cumulativeIncidence result, not ${describeValue(ci)}`);
  }
  if (typeof c.n !== "number" || !Number.isInteger(c.n) || c.n < 0) throw new QiError("invalid-value", ["result", "n"], `n must be a whole number ≥ 0, not ${describeValue(c.n)}`);
  c.routes.forEach((r, i) => {
    if (typeof r !== "string") throw new QiError("invalid-value", ["result", "routes", i], `route names must be strings, not ${describeValue(r)}`);
  });
  c.steps.forEach((s, j) => {
    if (s === null || typeof s !== "object" || typeof s.time !== "number" || !Number.isFinite(s.time) || typeof s.waiting !== "number" || !Number.isFinite(s.waiting)) {
      throw new QiError("invalid-value", ["result", "steps", j], `steps need a finite time and waiting, not ${describeValue(s)}`);
    }
    if (s.cuminc === null || typeof s.cuminc !== "object") throw new QiError("invalid-value", ["result", "steps", j, "cuminc"], `cuminc must be an object keyed by route, not ${describeValue(s.cuminc)}`);
    for (const r of c.routes) {
      const v = Object.prototype.hasOwnProperty.call(s.cuminc, r) ? s.cuminc[r] : undefined;
      if (typeof v !== "number" || !Number.isFinite(v)) throw new QiError("invalid-value", ["result", "steps", j, "cuminc", r], `cuminc must be a finite number, not ${describeValue(v)}`);
    }
  });
}

function checkOptions(options: RenderCumulativeIncidenceOptions): void {
  checkTextOptions(options, ["title", "subtitle", "id"]);
  checkKeys(options, KEYS, ["options"], "renderCumulativeIncidence option");
  if (options.phrases !== undefined) {
    if (options.phrases === null || typeof options.phrases !== "object") throw new QiError("invalid-option", ["options", "phrases"], `phrases must be an object { route: phrase }, not ${describeValue(options.phrases)}`);
    for (const k of Object.keys(options.phrases)) textOf(options.phrases[k], ["options", "phrases", k]);
  }
  const at = options.at;
  if (at !== undefined && !(typeof at === "number" && Number.isFinite(at) && at >= 0)) throw new QiError("invalid-option", ["options", "at"], `at must be a number ≥ 0, not ${describeValue(at)}`);
}

function phraseOf(route: string, options: RenderCumulativeIncidenceOptions): string {
  const own = options.phrases;
  if (own !== undefined && Object.prototype.hasOwnProperty.call(own, route)) return textOf(own[route], ["options", "phrases", route]);
  return Object.prototype.hasOwnProperty.call(PHRASES, route) ? PHRASES[route]! : `had left by ${route}`;
}

/** The last step at or before `t` (null before the first). */
function stepAt(steps: readonly CumulativeIncidenceStep[], t: number): CumulativeIncidenceStep | null {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : steps[lo - 1]!;
}

/** 17998 → "17,998" (fixed, not locale-dependent). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function pct(p: number): string {
  return `${Math.round(100 * p)} %`;
}

function whenText(days: number): string {
  const months = days / MONTH;
  return days >= 60 && Math.abs(months - Math.round(months)) < 0.05 ? `${Math.round(months)} months` : `${Math.round(days)} days`;
}

/** "10 children", "1 child", "17,998 children". */
function children(n: number): string {
  return `${thousands(n)} ${n === 1 ? "child" : "children"}`;
}

/**
 * The cumulative incidence in one sentence, the way a team would say it: "Of 1,234 children, by
 * 12 months an estimated 31 % had gone home, 8 % had a permanence order, … and 40 % were still
 * waiting." The number is the children followed (`n`), not the number still waiting at that time:
 * the percentages are the Aalen–Johansen estimates for all of them, a child followed for a shorter
 * time (censored) counted while followed (a user trial read "57 % were still waiting (10
 * children)" as ten children still waiting, where five were still followed).
 *
 * @example
 * const ci = cumulativeIncidence([{ days: 100, route: "home" }, { days: 200, route: "adoption" }, { days: 400, route: null }, { days: 500, route: "home" }]);
 * summariseCumulativeIncidence(ci)
 * //=> "Of 4 children, by 12 months an estimated 25 % had gone home and 25 % had been adopted; 50 % were still waiting."
 * summariseCumulativeIncidence(ci, { at: 150 })
 * //=> "Of 4 children, by 150 days an estimated 25 % had gone home (under 0.5 % by each other route); 75 % were still waiting."
 */
export function summariseCumulativeIncidence(ci: CumulativeIncidence, options: RenderCumulativeIncidenceOptions = {}): string {
  assertResult(ci);
  checkOptions(options);
  if (ci.n === 0) return "No children to follow: nothing to estimate (0 children).";
  if (ci.steps.length === 0) return `No child has left by any route yet (${children(ci.n)}).`;
  const last = ci.steps[ci.steps.length - 1]!.time;
  const at = Math.min(options.at ?? 365, last);
  const s = stepAt(ci.steps, at);
  // Routes that round to 0 % are left out of the list and said so in one phrase.
  const shown = ci.routes.filter((r) => s !== null && Math.round(100 * s.cuminc[r]!) > 0);
  const parts = shown.map((r) => `${pct(s!.cuminc[r]!)} ${phraseOf(r, options)}`);
  const list = parts.length === 0 ? "no child had left by any route" : `an estimated ${parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`}`;
  const rest = shown.length < ci.routes.length && shown.length > 0 ? " (under 0.5 % by each other route)" : "";
  return `Of ${children(ci.n)}, by ${whenText(at)} ${list}${rest}; ${pct(s === null ? 1 : s.waiting)} were still waiting.`;
}

/**
 * A stacked-area SVG of a {@link cumulativeIncidence} result: for each time, the share of
 * children who have left by each route (stacked from the bottom, in route order) and, on top in
 * grey, the share still waiting; the layers always fill 100 %. Step curves (the estimate changes
 * only at event times). The time axis is in months when the follow-up passes 4 months. Accessible
 * (`role="img"`, `<title>`, and a `<desc>` holding {@link summariseCumulativeIncidence}'s
 * sentence); every user string escaped; colour-blind-safe Okabe–Ito colours with a legend.
 *
 * @example
 * const ci = cumulativeIncidence([{ days: 100, route: "home" }, { days: 200, route: "adoption" }, { days: 400, route: null }]);
 * renderCumulativeIncidence(ci, { title: "Routes out of care" }).startsWith("<svg") //=> true
 */
export function renderCumulativeIncidence(ci: CumulativeIncidence, options: RenderCumulativeIncidenceOptions = {}): string {
  assertResult(ci);
  checkOptions(options);
  const W = sizeOption(options.width, "width", 720, 360);
  const title = options.title ?? "Routes out of care over time";
  const sentence = summariseCumulativeIncidence(ci, options);
  const id = safeId(options.id ?? `qi-${hash(`cuminc|${title}|${ci.routes.join(",")}|${ci.steps.length}|${ci.n}`)}`);
  const caption = wrapText(sentence, Math.max(30, charsIn(W - 64, 12)));
  const head = header(title, options.subtitle, W);
  const m = { left: 52, right: LEGEND_WIDTH + 16, top: head.bottom, bottom: 52 + caption.length * 16 };
  // A title or subtitle of more than one line takes no room from the plot: the drawing grows by its extra lines.
  const H = sizeOption(options.height, "height", 360, 240) + head.bottom - (options.subtitle === undefined ? 40 : 58);
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  // The axis runs a little past the last step, so its layers have a width (a user trial saw the
  // last route's step drawn with none, the chart ending at 27 % still waiting where the data say 0).
  const lastT = ci.steps.length === 0 ? 1 : ci.steps[ci.steps.length - 1]!.time;
  const maxT = Math.max(1, lastT + Math.max(1, lastT * 0.04));
  const inMonths = lastT > 120;
  const xOf = (t: number) => m.left + (Math.max(0, t) / maxT) * pw;
  const yOf = (p: number) => m.top + (1 - p) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="qi-cumulative-incidence" id="${id}" width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`);
  out.push(`<title id="${id}-title">${escapeXml(title)}</title>`, `<desc id="${id}-desc">${escapeXml(sentence)}</desc>`);
  out.push(`<rect width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`);
  out.push(...head.lines);
  // Layers: routes from the bottom, then still waiting; each a step polygon between two cumulative curves.
  const K = ci.routes.length;
  const cum = (s: CumulativeIncidenceStep | null, upTo: number): number => {
    if (upTo >= K) return 1;
    let v = 0;
    for (let k = 0; k <= upTo; k++) v += s === null ? 0 : s.cuminc[ci.routes[k]!]!;
    return Math.min(1, v);
  };
  for (let k = 0; k <= K && ci.n > 0; k++) {
    const upper = stepPath(ci.steps, maxT, (s) => cum(s, k), xOf, yOf);
    const lower = stepPath(ci.steps, maxT, (s) => (k === 0 ? 0 : cum(s, k - 1)), xOf, yOf).reverse();
    const fill = k === K ? WAITING : COLOURS[k % COLOURS.length]!;
    const label = k === K ? "still waiting" : phraseOf(ci.routes[k]!, options);
    out.push(`<path class="layer" d="M${[...upper, ...lower].join("L")}Z" fill="${fill}" stroke="none"><title>${escapeXml(label)}</title></path>`);
  }
  out.push(...axes(maxT, inMonths, xOf, yOf, m.left, m.top + ph, pw));
  if (ci.n === 0) out.push(`<text class="empty" x="${px(m.left + pw / 2)}" y="${px(m.top + ph / 2)}" font-size="14" text-anchor="middle" fill="${THEME.muted}">No children to follow</text>`);
  if (ci.steps.length > 0) {
    // The time the sentence and the legend describe.
    const xa = xOf(Math.min(options.at ?? 365, lastT));
    out.push(`<line class="at" x1="${px(xa)}" x2="${px(xa)}" y1="${px(m.top)}" y2="${px(m.top + ph)}" stroke="${THEME.text}" stroke-width="1" stroke-dasharray="4 3"/>`);
  }
  out.push(...legend(ci, options, W - LEGEND_WIDTH, m.top));
  caption.forEach((line, i) => {
    out.push(`<text class="caption" x="${px(m.left)}" y="${px(m.top + ph + 56 + i * 16)}" font-size="12" fill="${THEME.text}">${escapeXml(line)}</text>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}

/** A step curve from 0 to maxT as "x,y" points (value held until the next step). */
function stepPath(steps: readonly CumulativeIncidenceStep[], maxT: number, value: (s: CumulativeIncidenceStep | null) => number, xOf: (t: number) => number, yOf: (p: number) => number): string[] {
  const pts: string[] = [];
  let prev = value(null);
  pts.push(`${px(xOf(0))},${px(yOf(prev))}`);
  for (const s of steps) {
    const v = value(s);
    if (v === prev) continue;
    pts.push(`${px(xOf(s.time))},${px(yOf(prev))}`, `${px(xOf(s.time))},${px(yOf(v))}`);
    prev = v;
  }
  pts.push(`${px(xOf(maxT))},${px(yOf(prev))}`);
  return pts;
}

function axes(maxT: number, inMonths: boolean, xOf: (t: number) => number, yOf: (p: number) => number, x0: number, y0: number, pw: number): string[] {
  const out: string[] = [];
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${px(x0)}" x2="${px(x0 + pw)}" y1="${px(yOf(p))}" y2="${px(yOf(p))}" stroke="${THEME.grid}" stroke-width="0.5"/>`);
    out.push(`<text x="${px(x0 - 6)}" y="${px(yOf(p) + 4)}" font-size="11" text-anchor="end" fill="${THEME.muted}">${Math.round(p * 100)}%</text>`);
  }
  const unit = inMonths ? MONTH : 1;
  const span = maxT / unit;
  const stepOptions = inMonths ? [1, 3, 6, 12, 24, 60, 120] : [1, 2, 5, 10, 20, 30, 50, 100];
  const tick = stepOptions.find((st) => span / st <= 8) ?? Math.ceil(span / 8);
  for (let v = 0; v * unit <= maxT + 1e-9; v += tick) {
    const x = xOf(v * unit);
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${px(y0)}" y2="${px(y0 + 4)}" stroke="${THEME.axis}"/>`);
    out.push(`<text x="${px(x)}" y="${px(y0 + 16)}" font-size="11" text-anchor="middle" fill="${THEME.muted}">${v}</text>`);
  }
  out.push(`<line x1="${px(x0)}" x2="${px(x0 + pw)}" y1="${px(y0)}" y2="${px(y0)}" stroke="${THEME.axis}"/>`);
  out.push(`<text x="${px(x0 + pw / 2)}" y="${px(y0 + 34)}" font-size="12" text-anchor="middle" fill="${THEME.text}">${inMonths ? "months" : "days"} since the start</text>`);
  return out;
}

/**
 * The title and subtitle, wrapped to the drawing's width (they were one line each, cut at the
 * right edge when long: user trial 14), and where the plot starts below them: for a one-line
 * title 40 (58 with a subtitle), as before.
 */
function header(title: string, subtitle: string | undefined, W: number): { lines: string[]; bottom: number } {
  const lines: string[] = [];
  const room = W - 52 - TITLE_EDGE;
  let y = 2;
  for (const line of wrapToWidth(title, room, 16, true)) lines.push(`<text class="title" x="52" y="${px((y += 20))}" font-size="16" font-weight="600" fill="${THEME.text}">${escapeXml(line)}</text>`);
  if (subtitle === undefined) return { lines, bottom: y + 18 };
  let first = true;
  for (const line of wrapToWidth(subtitle, room, 12, false)) {
    y += first ? 20 : 16;
    first = false;
    lines.push(`<text class="subtitle" x="52" y="${px(y)}" font-size="12" fill="${THEME.muted}">${escapeXml(line)}</text>`);
  }
  return { lines, bottom: y + 16 };
}

/** The legend: one swatch per layer with its share at the sentence's time (`at`). */
function legend(ci: CumulativeIncidence, options: RenderCumulativeIncidenceOptions, x: number, y: number): string[] {
  const lastTime = ci.steps.length === 0 ? 0 : ci.steps[ci.steps.length - 1]!.time;
  const at = Math.min(options.at ?? 365, lastTime);
  const last = stepAt(ci.steps, at);
  const rows = [...ci.routes.map((r, k) => ({ fill: COLOURS[k % COLOURS.length]!, label: phraseOf(r, options), p: last === null ? 0 : last.cuminc[r]! }))].reverse();
  rows.unshift({ fill: WAITING, label: "still waiting", p: last === null ? 1 : last.waiting });
  const out: string[] = [`<g class="legend" font-size="12" fill="${THEME.text}">`];
  out.push(`<text x="${px(x)}" y="${px(y + 4)}" font-size="11" fill="${THEME.muted}">${escapeXml(`at ${whenText(at)}`)}</text>`);
  // A long phrase wraps onto a second line (it was cut at 28 characters: "had a permanence order with…").
  const width = charsIn(LEGEND_WIDTH - 18, 12);
  let yy = y + 16;
  for (const r of rows) {
    const lines = wrapText(`${pct(r.p)} ${r.label}`, width);
    const text = lines.map((line, j) => `<tspan x="${px(x + 18)}" dy="${j === 0 ? 0 : 14}">${escapeXml(line)}</tspan>`).join("");
    out.push(`<rect x="${px(x)}" y="${px(yy)}" width="12" height="12" fill="${r.fill}" stroke="${THEME.axis}" stroke-width="0.5"/><text x="${px(x + 18)}" y="${px(yy + 10)}">${text}</text>`);
    yy += 20 + 14 * (lines.length - 1);
  }
  out.push(`</g>`);
  return out;
}

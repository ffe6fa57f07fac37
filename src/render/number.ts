import { formatLocale } from "d3-format";
/** @internal A coordinate or length for SVG: rounded to 2 decimals, no `-0`, no exponent. */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? "0" : String(r);
}

/** @internal A value for people: whole numbers as they are, others to 3 significant figures. */
export { formatNumber as formatValue } from "../engine/messages.js";

/**
 * d3-format with an ASCII hyphen-minus (its default locale writes U+2212 "−", which would change
 * every negative label and the CSV/SVG text users already compare against) and no grouping.
 */
const fmt = /*@__PURE__*/ formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: ["", ""], minus: "-" }).format;
const fixed: Array<(v: number) => string> = [];

/**
 * @internal A tick label with the number of decimals the tick step needs (at most 6): d3-format
 * `.{p}f` (fixed point; it shows a negative zero such as -0.001 at 2 decimals as 0.00) with p from the step, as d3's `precisionFixed`
 * but clamped to 6 and tolerant of steps like 0.1 that log10 puts a hair under an integer.
 */
export function formatTick(v: number, step: number): string {
  const decimals = step > 0 && Number.isFinite(step) ? Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  return (fixed[decimals] ??= fmt(`.${decimals}f`))(v);
}

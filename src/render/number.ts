/** @internal A coordinate or length for SVG: rounded to 2 decimals, no `-0`, no exponent. */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? "0" : String(r);
}

/** @internal A value for people: whole numbers as they are, others to 3 significant figures. */
export { formatNumber as formatValue } from "../engine/messages.js";

/** @internal A tick label with the number of decimals the tick step needs (at most 6). */
export function formatTick(v: number, step: number): string {
  const decimals = step > 0 && Number.isFinite(step) ? Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

import { formatNumber } from "../engine/messages.js";
import type { KaplanMeier } from "./lib.js";

/** A number for people: whole numbers as they are, others to 3 significant figures. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return formatNumber(v);
}

/** "200 days (95% CI 196–205)" */
export function kmText(km: KaplanMeier): string {
  if (km.median === null) return "not reached";
  return `${fmt(km.median)} (${km.medianLower === null ? "?" : fmt(km.medianLower)}–${km.medianUpper === null ? "?" : fmt(km.medianUpper)})`;
}

/**
 * A fixed-width text table. `align` gives each column's side (text left, numbers right); without
 * it the first column is left-aligned and the rest right-aligned.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("left" | "right")[]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const left = (k: number) => (align === undefined ? k === 0 : align[k] === "left");
  const line = (cells: readonly string[]) =>
    cells.map((c, k) => (left(k) ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

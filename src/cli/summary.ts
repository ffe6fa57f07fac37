import type { ControlChart, KaplanMeier } from "./lib.js";

/** A number for people: whole numbers as they are, others to 3 significant figures. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 100) return String(Math.round(v * 10) / 10);
  return String(Number(v.toPrecision(3)));
}

/**
 * A plain-text summary of a control chart, like `summariseRunChart` for run charts: each phase's
 * centre and (average) limits, every signal in words, then the warnings.
 */
export function summariseControlChart(chart: ControlChart): string {
  const lines: string[] = [];
  chart.phases.forEach((p, k) => {
    const head = `Phase ${k + 1} (points ${p.start + 1}–${p.end + 1})`;
    if (p.centre === null) {
      lines.push(`${head}: no values.`);
      return;
    }
    const limits = p.lclAverage === null && p.uclAverage === null ? "no limits" : `limits ${fmt(p.lclAverage)}–${fmt(p.uclAverage)}`;
    const beyond = p.sigmaSignals === 0 ? "no points beyond the limits" : `${p.sigmaSignals} point${p.sigmaSignals === 1 ? "" : "s"} beyond the limits`;
    lines.push(`${head}: centre ${fmt(p.centre)}, ${limits}, ${p.nUseful} useful observations; ${beyond}.`);
  });
  if (chart.signals.length === 0) lines.push("No signals: only common-cause variation.");
  else for (const s of chart.signals) lines.push(`- ${s.message}`);
  for (const w of chart.warnings) lines.push(`Note: ${w.message}`);
  return lines.join("\n");
}

/** "200 days (95% CI 196–205)" */
export function kmText(km: KaplanMeier): string {
  if (km.median === null) return "not reached";
  return `${fmt(km.median)} (${km.medianLower === null ? "?" : fmt(km.medianLower)}–${km.medianUpper === null ? "?" : fmt(km.medianUpper)})`;
}

/** A fixed-width text table: first column left-aligned, the rest right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

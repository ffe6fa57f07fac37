import { join } from "node:path";
import { DataError, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { ENGLAND_MILESTONES, adoptionScorecard, type AdoptionScorecard, type AdoptionScorecardOptions, type ScorecardCard, type ScorecardIndicator } from "./lib.js";
import { csvField, writeAll } from "./output.js";
import { withQi, type PathContext } from "./qiMap.js";
import { fmt, textTable } from "./summary.js";
import { readTable } from "./table.js";
import { terminalText, type CaseFlags } from "./caseInput.js";

/** What `pace-qi timescales FILE --scorecard` reads besides the case flags. */
export interface ScorecardSettings {
  asOf: string | undefined;
  afterAsOf: "error" | "ignore";
  unknown: "error" | "ignore";
  years: number | undefined;
  outDir: string;
}

const C = "timescales";
const IDS = ENGLAND_MILESTONES.milestones.map((m) => m.id);
const INDICATORS = ["A1", "A2", "A3", "A10"] as const;

/** The columns to read: long (child, milestone, date) or wide (a column per England milestone id). */
function columnsOf(header: readonly string[], f: CaseFlags, file: string): { wanted: string[]; wide: string[] } {
  const need = (col: string, flag: string): string => {
    if (!header.includes(col)) throw new DataError(`${file}: no column ${JSON.stringify(col)} (columns: ${header.join(", ")}); name it with ${flag}`);
    return col;
  };
  const base = [need(f.child ?? "child", "--child")];
  if (f.group !== undefined) base.push(need(f.group, "--group"));
  if (f.episode !== undefined) base.push(need(f.episode, "--episode"));
  const wide = f.format === "wide" ? IDS.filter((id) => header.includes(id)) : [];
  if (f.format === "wide") {
    if (wide.length === 0) throw new DataError(`${file}: --scorecard --format wide needs columns named by England milestone ids (${IDS.join(", ")})`);
    return { wanted: [...base, ...wide], wide };
  }
  return { wanted: [...base, need(f.milestone ?? "milestone", "--milestone"), need(f.date ?? "date", "--date")], wide };
}

/** The library options over the table's columns (row indices as the data). */
function libraryOptions(get: (c: string) => unknown[], f: CaseFlags, s: ScorecardSettings, wide: readonly string[]): AdoptionScorecardOptions<number> {
  const child = get(f.child ?? "child");
  const o: AdoptionScorecardOptions<number> = { catalogue: ENGLAND_MILESTONES, dates: f.dates, child: (i) => child[i], afterAsOf: s.afterAsOf, unknownMilestones: s.unknown };
  if (s.asOf !== undefined) o.asOf = s.asOf;
  if (s.years !== undefined) o.years = s.years;
  if (f.group !== undefined) {
    const g = get(f.group);
    o.group = (i) => g[i];
  }
  if (f.episode !== undefined) {
    const e = get(f.episode);
    o.episode = (i) => e[i];
  }
  if (wide.length > 0) {
    o.format = "wide";
    o.columns = Object.fromEntries(wide.map((id) => [id, (i: number) => get(id)[i]]));
  } else {
    const m = get(f.milestone ?? "milestone");
    const d = get(f.date ?? "date");
    o.milestone = (i) => m[i];
    o.date = (i) => d[i];
  }
  return o;
}

const value = (x: ScorecardIndicator): string => (x.value === null ? "–" : x.unit === "percent" ? `${fmt(x.value)}%` : fmt(Math.round(x.value)));
const estimateText = (x: ScorecardIndicator): string =>
  x.unit === "percent" ? (x.censored.percentWithin === null ? "–" : `${fmt(x.censored.percentWithin)}%`) : `${x.censored.median === null ? "not reached" : fmt(x.censored.median)} / ${x.censored.restrictedMean === null ? "–" : fmt(Math.round(x.censored.restrictedMean))}`;

/** The terminal summary: one table per card. */
function scorecardSummary(s: AdoptionScorecard, file: string): string {
  const lines = [`${file}: England adoption scorecard, ${s.window === null ? "no events" : `children adopted ${s.window.start} to ${s.window.end} (${s.window.years} years)`}`, ""];
  const table = (c: ScorecardCard): string =>
    textTable(
      ["indicator", "published (completed cases)", "n", "threshold", "meets", "counting those waiting: KM median / restricted mean", "waiting"],
      INDICATORS.map((id) => {
        const x = c[id];
        return [id, value(x), String(x.n), x.threshold === null ? "–" : String(x.threshold), x.meetsThreshold === null ? "–" : x.meetsThreshold ? "yes" : "no", estimateText(x), String(x.censored.open)];
      }),
    );
  lines.push(`All children (${s.overall.adopted} adopted):`, table(s.overall));
  for (const g of s.groups) lines.push("", `${terminalText(String(g.group ?? "(no group)"))} (${g.adopted} adopted):`, table(g));
  lines.push("", "Published: means over the children adopted in the window only (DfE). A3: % waiting under 426 days (14 months).");
  const biased = INDICATORS.map((id) => s.overall[id].warning).find((w) => w !== null);
  if (biased) lines.push(`Warning (survivorship bias): ${biased.message}`);
  for (const w of s.warnings) lines.push(`Note: ${w.message}`);
  return `${lines.join("\n")}\n`;
}

/** scorecard.csv: one row per group and indicator. */
function scorecardCsv(s: AdoptionScorecard): string {
  const head = ["group", "indicator", "value", "n", "threshold", "meetsThreshold", "adopted", "kmN", "open", "exited", "kmMedian", "kmMedianLower", "kmMedianUpper", "restrictedMean", "horizon", "percentWithin", "warning"];
  let out = `${head.join(",")}\n`;
  for (const c of [s.overall, ...s.groups]) {
    for (const id of INDICATORS) {
      const x = c[id];
      const e = x.censored;
      const cells = [c === s.overall ? "(all)" : String(c.group ?? ""), id, x.value, x.n, x.threshold, x.meetsThreshold, c.adopted, e.n, e.open, e.exited, e.median, e.medianLower, e.medianUpper, e.restrictedMean, e.horizon, e.percentWithin, x.warning?.code ?? null];
      out += `${cells.map((v) => csvField(v === null ? null : typeof v === "string" ? v : String(v))).join(",")}\n`;
    }
  }
  return out;
}

/**
 * `pace-qi timescales FILE --scorecard`: England's adoption scorecard (A1, A2, A3, A10) from
 * case records in the England catalogue's milestone names, printed and written to
 * scorecard.json and scorecard.csv.
 */
export async function scorecardRun(file: string, f: CaseFlags, s: ScorecardSettings, io: Io): Promise<number> {
  if (f.mapping !== undefined || f.orderType !== undefined || Object.keys(f.columns).length > 0) {
    throw new UsageError("--scorecard reads England milestone names as they are: --mapping, --order-type and --column are for the PACE stages", C);
  }
  let wide: string[] = [];
  const table = await readTable(file, {
    progress: io.stderr,
    ...(f.delimiter ? { delimiter: f.delimiter } : {}),
    columns: (header) => {
      const c = columnsOf(header, f, file);
      wide = c.wide;
      return c.wanted;
    },
  });
  if (table.length === 0) throw new DataError(`${file}: no data rows`);
  const get = (c: string): unknown[] => table.columns.get(c)!;
  const rows: number[] = Array.from({ length: table.length }, (_, i) => i);
  const fieldToColumn: Record<string, string> = { child: f.child ?? "child", milestone: f.milestone ?? "milestone", date: f.date ?? "date" };
  const ctx: PathContext = {
    command: C,
    file,
    flags: { asOf: "--as-of", years: "--years", afterAsOf: "--after-as-of", unknownMilestones: "--unknown" },
    row: (i, field) => table.where(i, field === undefined ? undefined : (fieldToColumn[field] ?? field)),
  };
  const result = withQi(ctx, () => adoptionScorecard(rows, libraryOptions(get, f, s, wide)));
  const files = [
    { path: join(s.outDir, "scorecard.json"), content: `${JSON.stringify({ source: file, ...result }, null, 2)}\n` },
    { path: join(s.outDir, "scorecard.csv"), content: scorecardCsv(result) },
  ];
  await writeAll(files);
  io.stdout.write(scorecardSummary(result, file));
  io.stdout.write(`\nWrote 2 files to ${s.outDir}/: scorecard.json, scorecard.csv\n`);
  return 0;
}

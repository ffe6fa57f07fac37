import { basename } from "node:path";
import { delimiterFlag, enumFlag, numberFlag, parseCommandArgs, stringFlag, type FlagValues } from "./args.js";
import { Problems, isBlank, isMissingNumber, numberColumn, textColumn } from "./convert.js";
import { DataError, UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import { funnelPlot, renderFunnelPlot, summariseFunnelPlot, type FunnelOptions, type FunnelPlot } from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { withQi } from "./qiMap.js";
import { fmt, textTable } from "./summary.js";
import { readTable, requireColumn } from "./table.js";
import { terminalSafe } from "./terminal.js";

const C = "funnel";
const TYPES = ["proportion", "standardised-ratio", "ratio-of-counts"] as const;
const SR_METHODS = ["shmi", "cqc"] as const;
const ON_OFF = ["on", "off"] as const;
const DIRECTIONS = ["increase", "decrease", "neutral"] as const;

const SPEC = {
  group: { type: "string" },
  numerator: { type: "string" },
  denominator: { type: "string" },
  type: { type: "string" },
  "sr-method": { type: "string" },
  overdispersion: { type: "string" },
  unadjusted: { type: "boolean" },
  trim: { type: "string" },
  multiplier: { type: "string" },
  "shmi-rounding": { type: "string" },
  delimiter: { type: "string" },
  highlight: { type: "string" },
  direction: { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  svg: { type: "string" },
  title: { type: "string" },
} as const;

/** The library's option names → the flags that set them, for error messages. */
const FLAGS: Readonly<Record<string, string>> = {
  srMethod: "--sr-method",
  shmiRounding: "--shmi-rounding",
  overdispersion: "--overdispersion",
  unadjusted: "--unadjusted",
  trim: "--trim",
  multiplier: "--multiplier",
  type: "--type",
};

interface FunnelRow {
  group: string;
  numerator: number;
  denominator: number;
}

/** `pace-qi funnel FILE --group COL --numerator COL --denominator COL …` */
export async function funnelCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON table, one row per organisation)" });
  const file = positionals[0]!;
  const names = {
    group: stringFlag(values, "group") ?? "group",
    numerator: stringFlag(values, "numerator") ?? "numerator",
    denominator: stringFlag(values, "denominator") ?? "denominator",
  };
  const options = funnelOptions(values);
  const chartFlags = svgFlags(values);
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  const table = await readTable(file, { columns: Object.values(names), progress: io.stderr, ...(delimiter ? { delimiter } : {}) });
  if (table.length === 0) throw new DataError(`${file}: no data rows`);
  const problems = new Problems();
  const groups = textColumn(requireColumn(table, names.group, "--group"));
  const numCells = requireColumn(table, names.numerator, "--numerator");
  const denCells = requireColumn(table, names.denominator, "--denominator");
  const nums = numberColumn(table, names.numerator, numCells, problems);
  const dens = numberColumn(table, names.denominator, denCells, problems);
  // A cell that is not a number is already a problem of numberColumn's: only a missing one (blank, NA) is said to be missing.
  const missing = (v: unknown): string => (isBlank(v) ? "blank" : `missing (${quote(v)})`);
  for (let i = 0; i < table.length; i++) {
    if (groups[i] === "") problems.add(`${table.where(i, names.group)}: the group is blank`);
    if (isMissingNumber(numCells[i])) problems.add(`${table.where(i, names.numerator)}: the numerator is ${missing(numCells[i])}`);
    if (isMissingNumber(denCells[i])) problems.add(`${table.where(i, names.denominator)}: the denominator is ${missing(denCells[i])}`);
  }
  problems.throwIfAny();
  const rows: FunnelRow[] = groups.map((g, i) => ({ group: g, numerator: nums[i]!, denominator: dens[i]! }));
  const column: Record<string, string> = { group: names.group, numerator: names.numerator, denominator: names.denominator };
  const ctx = { command: C, file, flags: FLAGS, row: (k: number, field: string | undefined) => (k < table.length ? table.where(k, field === undefined ? undefined : column[field]) : undefined) };
  const result = withQi(ctx, () => funnelPlot(rows, { ...options, group: "group", numerator: "numerator", denominator: "denominator" }));

  const planned: PlannedFile[] = [];
  const jsonText = `${JSON.stringify(result, null, 2)}\n`;
  const out = stringFlag(values, "out");
  const json = values.json === true;
  if (out !== undefined && !json) throw new UsageError("--out needs --json (write the funnel JSON to FILE)", C);
  if (json && out !== undefined) planned.push({ path: out, content: jsonText });
  const { svg, title, highlight, direction } = chartFlags;
  if (svg !== undefined) {
    // withQi: a --highlight naming no group is a usage error naming the flag, with "did you mean".
    const content = withQi(ctx, () =>
      renderFunnelPlot(result, {
        title: title ?? `${names.numerator} / ${names.denominator} by ${names.group}`,
        subtitle: `${basename(file)}: ${result.type}, ${result.limitsUsed} limits`,
        xLabel: names.denominator,
        yLabel: result.multiplier === 100 ? "%" : names.numerator,
        ...(highlight !== undefined ? { highlight } : {}),
        ...(direction !== undefined ? { direction } : {}),
      }),
    );
    planned.push({ path: svg, content });
  }
  await writeAll(planned);
  if (json && out === undefined) io.stdout.write(jsonText);
  else {
    io.stdout.write(`${summariseFunnelPlot(result)}\n\n${groupTable(result)}\n`);
    for (const w of result.warnings) io.stdout.write(`warning: ${w.message}\n`);
    for (const p of planned) io.stdout.write(`Wrote ${p.path}\n`);
  }
  return 0;
}

/** The SVG's flags. */
interface SvgFlags {
  svg: string | undefined;
  title: string | undefined;
  highlight: string | undefined;
  direction: (typeof DIRECTIONS)[number] | undefined;
}

/**
 * `--svg` and the flags that only change the SVG, checked before the file is read: `--direction`'s
 * word always; without `--svg`, `--title`, `--highlight` and `--direction` are usage errors (as
 * `analyse`'s `--title`), since the table and the JSON say above or below whichever way is better.
 */
function svgFlags(values: FlagValues): SvgFlags {
  const svg = stringFlag(values, "svg");
  const title = stringFlag(values, "title");
  const highlight = stringFlag(values, "highlight");
  const direction = enumFlag(C, "direction", stringFlag(values, "direction"), DIRECTIONS);
  if (svg === undefined) {
    if (title !== undefined) throw new UsageError("--title is the title of the SVG chart: give --svg FILE as well", C);
    if (highlight !== undefined) throw new UsageError("--highlight rings a group on the SVG chart: give --svg FILE as well", C);
    if (direction !== undefined) throw new UsageError("--direction colours the SVG chart's outliers as better or worse (the table and the JSON say above or below): give --svg FILE as well", C);
  }
  return { svg, title, highlight, direction };
}

function funnelOptions(values: Record<string, unknown>): Omit<FunnelOptions<FunnelRow>, "group" | "numerator" | "denominator"> {
  const v = values as Parameters<typeof stringFlag>[0];
  const type = enumFlag(C, "type", stringFlag(v, "type"), TYPES);
  const srMethod = enumFlag(C, "sr-method", stringFlag(v, "sr-method"), SR_METHODS);
  const od = enumFlag(C, "overdispersion", stringFlag(v, "overdispersion"), ON_OFF);
  const rounding = enumFlag(C, "shmi-rounding", stringFlag(v, "shmi-rounding"), ON_OFF);
  const trim = numberFlag(C, "trim", stringFlag(v, "trim"));
  const multiplier = numberFlag(C, "multiplier", stringFlag(v, "multiplier"));
  return {
    ...(type !== undefined ? { type } : {}),
    ...(srMethod !== undefined ? { srMethod } : {}),
    ...(od !== undefined ? { overdispersion: od === "on" } : {}),
    ...(v.unadjusted === true ? { unadjusted: true } : {}),
    ...(rounding !== undefined ? { shmiRounding: rounding === "on" } : {}),
    ...(trim !== undefined ? { trim } : {}),
    ...(multiplier !== undefined ? { multiplier } : {}),
  };
}

/** A group name for a table cell: control characters as visible `\uXXXX` escapes (docs/cli.md), tab and line feed too so the row stays one line. */
function cellText(name: string): string {
  return terminalSafe(name).replace(/[\t\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function groupTable(f: FunnelPlot): string {
  const rows = f.groups.map((g) => [
    cellText(String(g.group)),
    fmt(g.numerator),
    fmt(g.denominator),
    fmt(g.value),
    fmt(g.z),
    g.outlier998 ? `${g.side} (99.8 %)` : g.outlier95 ? `${g.side} (95 %)` : "",
  ]);
  return textTable(["group", "numerator", "denominator", "value", "z", "outside"], rows);
}

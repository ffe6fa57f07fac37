/** One-line usage of each command (printed after a usage error). */
export const USAGE: Record<string, string> = {
  "": "pace-qi <analyse|timescales|report|demo> [options]   (pace-qi --help)",
  analyse: "pace-qi analyse FILE [--x col] [--y col] [--chart run|i|p|…] [--json] [--svg FILE] …   (pace-qi analyse --help)",
  timescales: "pace-qi timescales FILE [--out DIR] [--as-of DATE] [--stage id]… [--dates iso|uk] …   (pace-qi timescales --help)",
  report: "pace-qi report PROJECT.json [--data DIR] [--out FILE]   (pace-qi report --help)",
  demo: "pace-qi demo [--out DIR] [--seed N]   (pace-qi demo --help)",
};

export const MAIN_HELP = `pace-qi — quality improvement charts for children's services (PACE)

Usage: pace-qi <command> [options]

Commands:
  analyse FILE         a series (CSV or JSON) → run or control chart: signals on the terminal,
                       the analysis as JSON, the chart as SVG
  timescales FILE      case records → every PACE stage: durations, monthly and by-case series,
                       Kaplan–Meier medians, drift list, one SVG per stage, a summary table
  report PROJECT.json  project (driver diagram, measures, PDSA cycles) + data → one HTML report
  demo                 synthetic Scottish case data with an improvement → out/ with a report

Options:
  -h, --help           help (also: pace-qi <command> --help)
  -v, --version        the version

Examples:
  pace-qi demo
  pace-qi analyse weeks.csv --x month --y weeks --direction decrease --svg weeks.svg
  pace-qi timescales cases.csv --dates uk --as-of 2025-03-31 --out timescales
  pace-qi report project.json --data data --out report.html

Exit codes: 0 done; 1 a problem with a file or its data (the message names the file, row and
column); 2 a problem with the command line. Nothing is written when a command fails.
Docs: docs/cli.md and docs/getting-started.md.
`;

export const HELP: Record<string, string> = {
  analyse: `pace-qi analyse FILE — a run chart or control chart of one series

FILE is a CSV with a header row, or a JSON array of rows (or of numbers).
Prints each phase's centre and every signal in words. Rows are put in x order.

Columns:
  --x COL              x values: dates or numbers (default: column "x" if there is one,
                       else the points are numbered 1, 2, 3…)
  --y COL              the values (default "y"); blank cells are gaps
  --n COL              denominators for p, pp, u, up charts (default "n")
  --by COL             one chart per value of this column
  --dates iso|uk       how dates are written: 2024-03-31 (default) or 31/03/2024
  --delimiter C        the CSV field separator: "," (default), ";" or tab

Analysis:
  --chart TYPE         run (default), or a control chart: i, mr, xbar, s, p, pp, u, up, c, g, t
  --rules SET          run charts: pace (default), ihi, anhoej;
                       control charts: shewhart (default), ihi, western-electric, nelson, anhoej, mdc
  --direction DIR      increase, decrease or neutral (default): which way is better
  --aggregate HOW      run charts: combine rows with the same x by mean, median or sum
                       (without it a repeated x is an error)
  --baseline N         the first N points of each phase set its centre line
  --phase DATE|N       a new phase starts at this date or point number (1-based); repeatable
  --exclude N          leave point N (1-based, in x order) out of the centre and rules; repeatable
  --target V           a target line (and, for control charts, the assurance check)

Output:
  --json               write the analysis JSON to stdout (or to --out FILE) instead of the summary
  --out FILE           with --json: write the JSON here
  --svg FILE           write the chart as SVG (with --by, one file per group: FILE-<group>.svg)
  --title TEXT         the chart's title

Examples:
  pace-qi analyse weeks.csv --x month --y weeks --direction decrease
  pace-qi analyse weeks.csv --x month --y weeks --baseline 12 --svg weeks.svg
  pace-qi analyse audit.csv --x month --y met --n audited --chart p --rules mdc --json --out audit.json
  pace-qi analyse moves.csv --x week --y moves --dates uk --phase 01/04/2024 --by team
  pace-qi analyse reviews.csv --x month --y days --aggregate median --direction decrease
`,
  timescales: `pace-qi timescales FILE — permanence timescales for every PACE stage

FILE holds case records: one row per event (long, the default: child, milestone, date), or one
row per child with a date column per milestone (--format wide). Milestones are the Scottish ids
(looked-after, accommodated, permanence-recommendation, permanence-panel, adm-decision,
petition-lodged, permanence-order, …; see docs/timescales.md).

Columns:
  --child COL          child id (default "child")
  --milestone COL      milestone id, long format (default "milestone")
  --date COL           event date, long format (default "date")
  --episode COL        episode number, if the file has one (default "episode")
  --group COL          a per-child value kept in the outputs, e.g. authority
  --column ID=COL      wide format: the column holding milestone ID's date; repeatable
                       (default: columns named by milestone ids)
  --format long|wide   the file's layout (default long)
  --dates iso|uk       how dates are written: 2024-03-31 (default) or 31/03/2024
  --delimiter C        the CSV field separator: "," (default), ";" or tab
  --unknown error|ignore   rows with unknown milestones: stop (default) or skip them

Analysis:
  --as-of DATE         the extract date: open cases are censored here (default: latest event)
  --after-as-of error|ignore   events dated after --as-of: stop (default) or leave them out
  --stage ID           a PACE stage: recommendation, panel, adm, petition, order, overall;
                       repeatable (default: all)
  --target-STAGE DAYS  a target for a stage, e.g. --target-panel 84 (default: the sourced
                       targets, recommendation 182 and adm 14)
  --period month|quarter|financial-year|clas-year
                       the period of the series and charts (default month; financial
                       year 1 Apr–31 Mar, CLAS year 1 Aug–31 Jul)

Output (in --out DIR, default "timescales"):
  durations.csv        one row per child and stage (status reached, open at --as-of, or
                       exited: the episode ended first, e.g. ceased to be looked after)
  series.json          per stage: by-period and by-case series
  drift.csv            open cases past their stage's target, longest first
  km.json              Kaplan–Meier median days with 95% interval, per stage
  charts.json          the run chart analysis of each stage's median days per period
  STAGE.svg            a run chart of median days per period, per stage
  cumulative-incidence.json, .svg   with the overall stage: the share of children who
                       have left by each route to permanence by each day (Aalen–Johansen)

Examples:
  pace-qi timescales cases.csv --as-of 2025-03-31
  pace-qi timescales export.csv --dates uk --child child_id --milestone event --date event_date
  pace-qi timescales cases.csv --stage recommendation --stage adm --target-panel 84 --out weekly
`,
  report: `pace-qi report PROJECT.json — one self-contained HTML report

PROJECT.json is a project document (schemas/project.schema.json): title, driver diagram,
measures, PDSA cycles and data. Every measure with data gets a chart and a verdict in words.

Options:
  --data DIR           read each measure's series from DIR/<measure-id>.csv (or .json) with
                       columns x, y and optionally n; replaces the series in the project
  --x COL, --y COL, --n COL   column names in those files (defaults x, y, n)
  --dates iso|uk       how dates are written in those files (default iso)
  --delimiter C        their CSV field separator: "," (default), ";" or tab
  --chart TYPE         run (default) or a control chart type for every measure
  --baseline N         the first N points set each chart's centre line
  --out FILE           where to write the report (default report.html)
  --title TEXT         the report's title (default: the project's)

Examples:
  pace-qi report project.json
  pace-qi report project.json --data data --out board-report.html
`,
  demo: `pace-qi demo — see everything pace-qi does on synthetic data

Simulates Scottish case records (32 councils, ~3,600 children a year) with an improvement from
June 2024 (every stage 40% faster), runs the timescales analysis, builds a project from the
illustrative PACE project with the simulated measures, and writes the report.

Options:
  --out DIR            where to write (default "out")
  --seed N             the generator's seed (default 42)

Writes: report.html, project.json, analysis.json, cases.csv, durations.csv, drift.csv,
series.json, km.json, charts.json and one SVG per stage and measure.

Example:
  pace-qi demo && open out/report.html
`,
};

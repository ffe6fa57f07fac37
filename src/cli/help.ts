import { chartTypesHelp } from "./chartTypes.js";

/** One-line usage of each command (printed after a usage error). */
export const USAGE: Record<string, string> = {
  "": "pace-qi <analyse|timescales|check|report|demo|funnel|summary> [options]   (pace-qi --help)",
  analyse: "pace-qi analyse FILE [--x col] [--y col] [--chart run|i|p|…] [--json] [--svg FILE] …   (pace-qi analyse --help)",
  timescales: "pace-qi timescales FILE [--out DIR] [--as-of DATE] [--stage id]… [--dates iso|uk|us] …   (pace-qi timescales --help)",
  check: "pace-qi check FILE [--out DIR] [--as-of DATE] [--dates iso|uk|us] [--mapping FILE] …   (pace-qi check --help)",
  report: "pace-qi report PROJECT.json [--data DIR] [--out FILE]   (pace-qi report --help)",
  demo: "pace-qi demo [--out DIR] [--seed N] [--force]   (pace-qi demo --help)",
  summary: "pace-qi summary FILE --x COL --y COL [--measure COL] [--group COL] [--chart …] [--csv FILE] [--html FILE] …   (pace-qi summary --help)",
  funnel: "pace-qi funnel FILE --group COL --numerator COL --denominator COL [--type …] [--svg FILE] …   (pace-qi funnel --help)",
};

export const MAIN_HELP = `pace-qi — quality improvement charts for children's services (PACE)

Usage: pace-qi <command> [options]

Commands:
  analyse FILE         a series (CSV or JSON) → run or control chart: signals on the terminal,
                       the analysis as JSON, the chart as SVG
  timescales FILE      case records → every PACE stage: durations, monthly and by-case series,
                       Kaplan–Meier medians, drift list, one SVG per stage, a summary table
  check FILE           case records → data-quality problems (child, row, column, value) and
                       completeness, as a summary, CSV and HTML
  report PROJECT.json  project (driver diagram, measures, PDSA cycles) + data → one HTML report
  demo                 synthetic Scottish case data with an improvement → out/ with a report
  summary FILE         many series (measures × groups) → one row each: latest value, MDC
                       icons or run-chart verdict, a one-line reading; text, CSV, HTML, JSON
  funnel FILE          organisations (CSV or JSON, one row each) → funnel plot: who lies
                       outside the 95 % and 99.8 % limits, as text, JSON and SVG

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
  summary: `pace-qi summary FILE — the board's view: one row per measure and group

FILE is a CSV with a header row, or a JSON array of rows: one row per measure, group and period.
Each (measure, group) series is charted and summarised: latest value and date, centre, the
Making Data Count icons (with --chart and --rules mdc) or the run-chart verdict, where the
special cause starts and a one-line reading. Rows are sorted concern first.

Columns:
  --x COL, --y COL     period (dates or numbers) and value (defaults x, y)
  --n COL              denominators: p, pp, u, up, np, ip charts (default "n"); on run and i
                       charts the chart plots y/n, as analyse does; an error for other charts
  --measure COL        the measure's name (default: one measure, named by --y)
  --group COL          the group (authority, team, stage), if any
  --filter COL=V       keep only rows where COL is V (COL!=V: drop them), as for analyse;
                       repeatable
  --na TEXT            y and n cells written TEXT (a published table's "*", "..", "[c]")
                       are gaps, counted in a note; repeatable
  --thousands          read numbers written with thousands separators ("1,190") as numbers
                       (1190), counted in a note; without it they are errors
  --dates iso|uk       how dates are written (default iso)
  --years financial|clas
                       read split years in --x ("2024/25", "2024/25 Q1") as financial
                       years (April–March) or CLAS years (August–July), as for analyse
  --delimiter C        the CSV field separator: "," (default), ";" or tab

Analysis (the same for every series; --direction, --target and --unit may name a measure):
  --chart TYPE         ${chartTypesHelp(23, 72)}
  --rules SET          as for analyse; mdc gives the Making Data Count icons
  --direction DIR      increase, decrease or neutral (default), for every series (a note
                       says so when there are several measures)
  --direction NAME=DIR the direction of one measure's series (NAME as in --measure, or --y
                       without it); repeatable; a plain --direction is for the rest
  --baseline N         the first N points set each centre line
  --phase DATE|N       a new phase starts at this date in every series (a series that ends
                       before it keeps one phase, with a note); or at point N (1-based): only
                       when point N is the same x in every series. Repeatable
  --exclude N          leave point N (1-based, in x order) out of the centre and rules of every
                       series; an error when point N is not the same x in every series. Repeatable
  --target V           a target: the assurance icon (control charts) or the median's position,
                       for every series (a note says so when there are several measures);
                       --target NAME=V one measure's (repeatable; a plain --target is for the rest)
  --aggregate HOW      how rows of a series that share an x combine, as for analyse: sum, mean,
                       median, count (any text counts) or sd (p, pp, u, up and c charts sum; a c chart may count
                       one row per event; without it a repeated x is an error for run, i, mr, g
                       and t charts). Every combining is a note
  --period P           read each date as its week, month, quarter, year, financial-quarter,
                       financial-year or clas-year and combine each series' rows of a period,
                       as for analyse (the same code): counted or summed event dates get a 0
                       for a period without rows, and a period the data cover in part is left
                       out of the centre line and the rules, each with a note per series. The
                       data's span is the file's, the same for every series
  --as-of DATE         the extract date (as for timescales and analyse): dates after it are an
                       error; a summed last period that ends by then is whole, one it falls in
                       is part of one (months or quarters as x too, without --period)
  --from DATE          the first day the data cover (as for analyse): a first period that
                       starts before it is part of one; a date before it is an error
  --multiply K         multiply the plotted values: 100 for per cent, 10000 for a rate per
                       10,000 days (--target is on this scale)
  --unit U             unit for the readings, e.g. % ("the target of 80 %"); --unit NAME=U one
                       measure's (repeatable), as --target

Output:
  --csv FILE           the summary as CSV (cells that a spreadsheet would run as formulas neutralised)
  --html FILE          the summary as a self-contained HTML table with icons
  --json               the summary JSON to stdout (or to --out FILE)
  --out FILE           with --json: write the JSON here
  --title TEXT         the HTML table's title (needs --html)

Example:
  pace-qi summary board.csv --x month --y percent --measure measure --group authority \
    --chart i --rules mdc --direction increase --target 80 --unit % --html summary.html --csv summary.csv
`,
  funnel: `pace-qi funnel FILE — compare organisations on a funnel plot (Spiegelhalter 2005)

FILE is a CSV with a header row, or a JSON array of rows; rows of the same group are summed.
Prints who lies outside the 95 % and 99.8 % limits. Computed as FunnelPlotR 0.6.0.

Columns:
  --group COL          the organisation (default "group")
  --numerator COL      events or observed (default "numerator")
  --denominator COL    cases or expected (default "denominator")
  --delimiter C        the CSV field separator: "," (default), ";" or tab

Rows (a published table is read as published: title rows above the header, empty rows and
notes below the table are skipped, with a note; a total row such as "Scotland",
"Scotland - total" or the sum of the other rows is an error):
  --filter COL=V       keep only rows where COL is V (COL!=V: drop them), as for analyse;
                       repeatable. E.g. --filter "Local authority!=Scotland"
  --na TEXT            numerator/denominator cells written TEXT ("*", "..", "[c]") are
                       suppressed: the organisation is left out, named in a note. Repeatable
  --thousands          read numbers written with thousands separators ("1,190") as numbers
                       (1190), counted in a note; without it they are errors

Analysis:
  --type T             proportion (default), standardised-ratio, ratio-of-counts
  --sr-method M        standardised ratios: shmi (default) or cqc
  --overdispersion on|off   adjust the limits for overdispersion when φ > 1 (default on)
  --unadjusted         keep the unadjusted limits in use
  --trim F             fraction of z-scores winsorised/truncated at each end (default 0.1)
  --multiplier M       scale of values and limits, e.g. 100 for percentages (default 1)
  --shmi-rounding on|off   SHMI: round expected values to 2 decimals (default on)

Output:
  --json               write the funnel JSON to stdout (or to --out FILE) instead of the summary
  --out FILE           with --json: write the JSON here
  --svg FILE           write the funnel plot as SVG
  --highlight NAME     ring and label one organisation on the SVG
  --direction DIR      increase, decrease or neutral (default): colours the outliers
  --title TEXT         the plot's title

Examples:
  pace-qi funnel authorities.csv --group authority --numerator within26 --denominator children --multiplier 100 --svg funnel.svg
  pace-qi funnel shmi.csv --group trust --numerator observed --denominator expected --type standardised-ratio --json
`,
  analyse: `pace-qi analyse FILE — a run chart or control chart of one series

FILE is a CSV with a header row, an .xlsx workbook (first sheet, or --sheet), or a JSON array
of rows (or of numbers).
Prints each phase's centre and every signal in words. Rows are put in x order.

Columns:
  --x COL              x values: dates or numbers (default: column "x" if there is one,
                       else the points are numbered 1, 2, 3…)
  --y COL              the values (default "y"); blank cells are gaps; a yes/no column
                       (TRUE/FALSE, yes/no, 1/0) is read as 1/0
  --n COL              denominators: p, pp, u, up charts (default "n"); on run and i charts
                       the chart plots y/n. A p chart of a yes/no y without an n column counts
                       each row as one case
  --by COL             one chart per value of this column; with --period every group spans the
                       file's first to last row (or --from to --as-of), not its own
  --filter COL=V       keep only rows where COL is V (COL!=V: drop them); repeatable: filters
                       on different columns all apply, several COL=V on one column keep any
  --na TEXT            y and n cells written TEXT (a published table's mark for a value not
                       given: "*", "..", "[c]") are gaps, counted in a note; repeatable
  --thousands          read numbers written with thousands separators ("1,190") as numbers
                       (1190), counted in a note; without it they are errors
  --dates iso|uk       how dates are written: 2024-03-31 (default) or 31/03/2024
  --delimiter C        the CSV field separator: "," (default), ";" or tab
  --sheet NAME         .xlsx workbooks: the sheet to read (default the first)

Preparing:
  --period P           read each date as its week (from Monday), month, quarter, year,
                       financial-quarter, financial-year (April–March) or clas-year
                       (August–July), and combine the rows of a period (daily rows → a monthly
                       chart). Where event dates are counted or summed (--aggregate count or
                       sum, a c chart), a period with no rows up to the data's end (the last
                       row, or --as-of) is drawn as 0; monthly rows' missing months stay gaps.
                       Monthly rows (months, quarters, or ISO dates all on the 1st) end with
                       their last month whatever --as-of says: Jan and Feb make a partial Q1,
                       and so does Jan and Mar (no row for Feb)
  --years financial|clas
                       read split years in --x ("2024/25", "2024-25", "2024/25 Q1") as
                       financial years (April–March) or CLAS years (August–July)
  --aggregate HOW      how rows that share an x (or a --period) combine: sum, mean, median,
                       count (rows with a value: any text counts, no column of 1s needed; a
                       blank is not counted, and leaves no period partial as it does a sum) or
                       sd. p, pp, u, up charts and charts with --n sum y and n (Σy/Σn); c
                       charts sum, or count (one row per event); xbar and
                       s make a subgroup. Without it a repeated x is an error for run, i, mr, g
                       and t charts. Every combining is reported in a note
  --as-of DATE         the extract date (as for timescales; written as --dates says): the data
                       are complete up to and including it, so a summed last period that ends
                       by then is whole and one it falls in is part of one (left out of the
                       rules); without it, event dates end on the last row's date. A date
                       after it is an error
  --from DATE          the first day the data cover (as --as-of is the last): a first period
                       that starts before it is part of one; without it, event dates start on
                       the first row's date. A date before it is an error; not for monthly rows
  --multiply K         multiply the plotted values: 100 for per cent, 10000 for a rate per
                       10,000 days

Analysis:
  --chart TYPE         ${chartTypesHelp(23, 72)}
  --rules SET          run charts: pace (default), ihi, anhoej;
                       control charts: shewhart (default), ihi, western-electric, nelson, anhoej, mdc
  --direction DIR      increase, decrease or neutral (default): which way is better
  --baseline N         the first N points of each phase set its centre line
  --phase DATE|N       a new phase starts at this date or point number (1-based); repeatable
  --exclude N          leave point N (1-based, in x order) out of the centre and rules; repeatable
  --target V           a target line (on the plotted scale; for control charts also the
                       assurance check)

Output:
  --json               write the analysis JSON to stdout (or to --out FILE) instead of the summary
  --out FILE           with --json: write the JSON here
  --svg FILE           write the chart as SVG (with --by, one file per group: FILE-<group>.svg)
  --title TEXT         the SVG chart's title (needs --svg)

Examples:
  pace-qi analyse weeks.csv --x month --y weeks --direction decrease
  pace-qi analyse weeks.csv --x month --y weeks --baseline 12 --svg weeks.svg
  pace-qi analyse audit.csv --x month --y met --n audited --chart p --rules mdc --json --out audit.json
  pace-qi analyse moves.csv --x week --y moves --dates uk --phase 01/04/2024 --by team
  pace-qi analyse reviews.csv --x month --y days --aggregate median --direction decrease
  pace-qi analyse infections.csv --x month --y infections --n patient_days --chart u \\
    --filter type=SSI --by hospital --multiply 10000
  pace-qi analyse visits.csv --x date --dates uk --y plan_in_14_days --chart p --period month
`,
  timescales: `pace-qi timescales FILE — permanence timescales for every PACE stage

FILE holds case records (CSV, .xlsx or JSON): one row per event (long: child, milestone, date) or one
row per child with a date column per milestone (wide). The layout and the columns are recognised
from the headers ("Child ID", "Date Accommodated", "Perm Rec Date", "LAAC Review", "ADM",
"Panel", "Petition", "PO", "POA", "KCO", "s.11", "Returned home", "Ceased", …); the mapping used is
printed first, then the data check's summary (see pace-qi check --help), then the results.

Columns (only where the headers are not recognised):
  --child COL          child id
  --milestone COL      milestone name, long format
  --date COL           event date, long format
  --episode COL        episode number, if the file has one
  --group COL          a per-child value kept in the outputs, e.g. authority
  --column ID=COL      wide: the column holding milestone ID's date; repeatable, once per milestone
  --order-type COL     wide: the column giving each order's type (Adoption, PO, POA, KCO, s11)
                       for an order column such as "Order Granted"
  --date-of-birth COL  the date of birth (for the checks, and the ageAtStart and ageBand
                       columns of durations.csv: bands 0–4, 5–11, 12–15, 16+)
  --mapping FILE       save the mapping used to FILE, or reuse FILE when it exists
  --format long|wide   the file's layout (default: told from the headers)
  --dates iso|uk|us    how dates are written: 2024-03-31 (default), 31/03/2024 or 03/31/2024
  --delimiter C        the CSV field separator: "," (default), ";" or tab
  --sheet NAME         .xlsx workbooks: the sheet to read (default the first)
  --unknown error|ignore   rows with unknown milestones: stop (default) or skip them

Analysis:
  --as-of DATE         the extract date: open cases are censored here (default: latest event)
  --after-as-of error|ignore   events dated after --as-of: stop (default) or leave them out
  --stage ID           a PACE stage: recommendation, panel, adm, petition, order, overall;
                       repeatable (default: all)
  --target-STAGE DAYS  a target for a stage, e.g. --target-panel 84 (default: the sourced
                       targets, recommendation 182 and adm 14); 26w is 182 days, 6m six
                       calendar months from each child's start (31 Aug + 6m = 28/29 Feb)
  --period month|quarter|financial-year|clas-year
                       the period of the series and charts (default month; financial
                       year 1 Apr–31 Mar, CLAS year 1 Aug–31 Jul)
  --baseline DATE      the periods up to DATE set each stage chart's median (the months
                       before a change, so signals show where it is); default: all periods
  --ages MIN-MAX       only children aged MIN to MAX whole years at each stage's start,
                       e.g. --ages 0-4 (needs --date-of-birth)
  --age-bands LIST     the ageBand bands' lower bounds, e.g. 0,5,12,16 (the default: 0–4,
                       5–11, 12–15, 16+; needs --date-of-birth)

England's adoption scorecard (--scorecard):
  --scorecard          instead of the PACE stages: A1, A2, A3 and A10 as the DfE publishes
                       them (means over the children adopted in the window; thresholds A1
                       and A10 426 days, A2 121), each beside the Kaplan–Meier estimate that
                       counts the children still waiting; reads England milestone names
                       (looked-after, placement-order, matched, placed-for-adoption,
                       foster-for-adoption, adoption-order, …), long or --format wide with
                       columns named by those ids; writes scorecard.json and scorecard.csv
  --years N            the window: N years ending on --as-of (default 3, as published)

Output (in --out DIR, default "timescales"):
  durations.csv        one row per child and stage (status reached, open at --as-of, or
                       exited: left the stage first: ceased to be looked after, returned
                       home, or an order granted)
  series.json          per stage: by-period and by-case series
  drift.csv            open cases past their stage's target, most overdue first
  km.json              Kaplan–Meier median days with 95% interval, per stage
  charts.json          the run chart analysis of each stage's median days per period
  STAGE.svg            a run chart of median days per period, per stage
  cumulative-incidence.json, .svg   with the overall stage: the share of children who
                       have left by each route to permanence by each day (Aalen–Johansen)

Examples:
  pace-qi timescales cases.csv --as-of 2025-03-31
  pace-qi timescales export.csv --dates uk --child child_id --milestone event --date event_date
  pace-qi timescales cases.csv --stage recommendation --stage adm --target-panel 84 --out weekly
  pace-qi timescales tracker.csv --dates uk --order-type "Order Type" --group Team
  pace-qi timescales tracker.csv --date-of-birth DOB --ages 0-4 --stage overall
  pace-qi timescales adoptions.csv --scorecard --as-of 2024-03-31 --group team
`,
  check: `pace-qi check FILE — data-quality checks of case records

Reads FILE as pace-qi timescales does (the same column flags, recognised headers, --mapping) and
reports every problem with the child, row, column and value, grouped by kind: impossible dates,
unknown milestones or order types, milestones before the date of birth or after the extract
date, out of order for the route, repeated milestones that cannot repeat, later milestones with
an earlier one missing, one child with conflicting rows, and a stale extract. Then the
completeness of each milestone. Problems found still exit 0 (1 only when the file cannot be read).

Options: the column flags of pace-qi timescales, and
  --as-of DATE         the extract date (milestones after it are flagged)
  --stale-after DAYS   the extract is stale when its latest date is this far behind --as-of (60)
  --out DIR            where to write (default "check")

Output (in --out DIR): check-issues.csv (kind, code, child, row, column, value, message),
completeness.csv (per milestone: all, by group, by month of accommodation), check.html, check.json.

Examples:
  pace-qi check tracker.csv --dates uk --as-of 31/03/2025 --order-type "Order Type"
  pace-qi check tracker.xlsx --sheet "LAC 2025" --as-of 31/03/2025
`,
  report: `pace-qi report PROJECT.json — one self-contained HTML report

PROJECT.json is a project document (schemas/project.schema.json): title, driver diagram,
measures, PDSA cycles and data. Every measure with data gets a chart and a verdict in words.

Options:
  --data DIR           read each measure's series from DIR/<measure-id>.csv (or .json) with
                       columns x, y and optionally n, as in the project: y the measure's value
                       as plotted (60 for 60 %), n the number of cases behind it; replaces the
                       series' rows in the project
  --x COL, --y COL     column names in those files (defaults x, y)
  --n COL              y is a numerator and COL its denominator, as in analyse --n: the value
                       is y / n scaled as the measure's definition says — ×100 for a percentage
                       (and a proportion in unit "%"), ×1 for a proportion, a rate by its unit
                       ("per 1,000 days" ×1,000, "per child" ×1); a count or mean measure with
                       that column is an error. Without --n a column named n is the number of
                       cases behind y
  --dates iso|uk       how dates are written in those files (default iso)
  --delimiter C        their CSV field separator: "," (default), ";" or tab
                       (--x, --y, --n, --dates and --delimiter need --data)
  --chart TYPE         run or a control chart type, for every measure it fits; without it
                       each measure's "chart" in the project, else a run chart. A p, pp, u,
                       up or ip chart needs each count: y × n / 100 for a percentage (y × n for
                       a proportion); a measure without n (or not a ratio) is drawn as its own
                       chart instead, with a note under its verdict; np is refused (it plots
                       counts, not the measure's value)
  --rules SET          as for analyse, for every chart of its family: run charts pace
                       (default), ihi, anhoej; control charts shewhart (default), ihi,
                       western-electric, nelson, anhoej, mdc (the board table's Making Data
                       Count icons); a chart of the other family keeps its default, with a note
  --baseline N         the first N points set each chart's centre line
  --out FILE           where to write the report (default report.html)
  --title TEXT         the report's title (default: the project's)

Examples:
  pace-qi report project.json
  pace-qi report project.json --data data --out board-report.html
  pace-qi report project.json --data data --x Month --y Met --n Children --dates uk
  pace-qi report project.json --data data --n n --chart p --rules mdc
`,
  demo: `pace-qi demo — see everything pace-qi does on synthetic data

Simulates Scottish case records (32 councils, ~3,600 children a year) with an improvement from
June 2024 (every stage 40% faster), runs the timescales analysis, builds a project from the
illustrative PACE project with the simulated measures (charted after the simulation's warm-up,
each centre line set by the period before the change), and writes the report.

Options:
  --out DIR            where to write (default "out")
  --seed N             the generator's seed (default 42)
  --force              replace an existing project.json and cases.csv in DIR (refused
                       without it: you may have edited them)

Writes: report.html, project.json, analysis.json, cases.csv, durations.csv, drift.csv,
series.json, km.json, charts.json and one SVG per stage and measure.

Example:
  pace-qi demo && open out/report.html
`,
};

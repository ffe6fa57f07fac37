import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// Months and quarters as published tables write them (NHS Scotland, ONS, council returns):
// "Jan 2023", "2023 Q1". They were "not a date" before; an analyst had to rewrite the column.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WITHIN = [15, 14, 16, 15, 14, 17, 15, 13, 22, 23, 22, 24, 23, 22, 24];
const CHILDREN = [30, 28, 31, 29, 30, 32, 30, 28, 31, 30, 29, 31, 30, 28, 30];

/** 15 months of "children with a plan within 6 months" from Jan 2023, months written "Jan 2023". */
function plansCsv(write: (k: number) => string): string {
  const lines = ["Month,Number of children,Within 6 months"];
  WITHIN.forEach((w, k) => lines.push(`${write(k)},${CHILDREN[k]},${w}`));
  return `${lines.join("\n")}\n`;
}
const monthName = (k: number) => `${MONTHS[k % 12]} ${2023 + Math.floor(k / 12)}`;
const quarterCsv = "Quarter,Days\n2022 Q1,400\n2022 Q2,380\n2022 Q3,420\n2022 Q4,390\n2023 Q1,410\n2023 Q2,300\n2023 Q3,290\n2023 Q4,280\n2024 Q1,270\n2024 Q2,285\n2024 Q3,260\n";

describe.skipIf(!HAVE_BIN).concurrent("pace-qi analyse: months and quarters written as published tables write them", { timeout: 120_000 }, () => {
  it("reads 'Jan 2023' months, plots y/n and writes signals by month", async () => {
    const dir = tempDir({ "plans.csv": plansCsv(monthName), "iso.csv": plansCsv((k) => `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`) });
    const args = ["--x", "Month", "--y", "Within 6 months", "--n", "Number of children", "--multiply", "100", "--direction", "increase"];
    const r = await run(["analyse", "plans.csv", ...args], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // By hand: the 15 ratios × 100, sorted; the 8th is 15/30 → … the median of the values.
    const ratios = WITHIN.map((w, k) => (100 * w) / CHILDREN[k]!).sort((a, b) => a - b);
    expect(r.stdout).toContain(`median ${ratios[7]!.toFixed(1)}`);
    expect(r.stdout).toContain("- 7 points below the median from Jan 2023 to Aug 2023: a shift, a deterioration.");
    expect(r.stdout).toContain("- 7 points above the median from Sep 2023 to Mar 2024: a shift, an improvement.");
    // "2023-01" (ISO 8601's month) reads the same.
    const iso = await run(["analyse", "iso.csv", ...args], dir);
    expect(iso.stdout).toBe(r.stdout.replace(/plans\.csv/g, "iso.csv"));
    const json = await run(["analyse", "plans.csv", ...args, "--json"], dir);
    const chart = JSON.parse(json.stdout) as { settings: { period: string }; points: { x: string }[] };
    expect(chart.settings.period).toBe("month");
    expect(chart.points[0]!.x).toBe("2023-01-01");
  });

  it("reads '2022 Q1' quarters: signals, ticks and tooltips by quarter", async () => {
    const dir = tempDir({ "q.csv": quarterCsv });
    const r = await run(["analyse", "q.csv", "--x", "Quarter", "--y", "Days", "--direction", "decrease", "--baseline", "5", "--svg", "q.svg"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("- 5 points in a row going down from 2023 Q1 to 2024 Q1: a trend, an improvement.");
    expect(r.stdout).toContain("- 6 points below the median from 2023 Q2 to 2024 Q3: a shift, an improvement.");
    const svg = readFileSync(join(dir, "q.svg"), "utf8");
    const ticks = svg.match(/class="axis axis-x".*?<\/g>/)![0].match(/>([^<]+)<\/text>/g)!.map((t) => t.slice(1, -7));
    // The tick labels, then the axis title.
    expect(ticks).toEqual(["2022 Q1", "Q2", "Q3", "Q4", "2023 Q1", "Q2", "Q3", "Q4", "2024 Q1", "Q2", "Q3", "Quarter"]);
    expect(svg).toContain("<title>2022 Q1: 400</title>");
  });

  it("--period rolls months up into quarters (labelled as quarters) and refuses to split them into weeks", async () => {
    const dir = tempDir({ "plans.csv": plansCsv(monthName) });
    const q = await run(["analyse", "plans.csv", "--x", "Month", "--y", "Within 6 months", "--n", "Number of children", "--period", "quarter", "--json"], dir);
    expect(q.code).toBe(0);
    const chart = JSON.parse(q.stdout) as { settings: { period: string }; points: { x: string; y: number }[] };
    expect(chart.settings.period).toBe("quarter");
    expect(chart.points.map((p) => p.x)).toEqual(["2023-01-01", "2023-04-01", "2023-07-01", "2023-10-01", "2024-01-01"]);
    expect(chart.points[0]!.y).toBeCloseTo((15 + 14 + 16) / (30 + 28 + 31), 12);
    const w = await run(["analyse", "plans.csv", "--x", "Month", "--y", "Within 6 months", "--period", "week", "--aggregate", "sum"], dir);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain("--period week: column Month holds months (such as Jan 2024), which cannot be split into weeks");
  });

  it("names the row where months and quarters (or dates) are mixed, and a label that is neither", async () => {
    const dir = tempDir({ "mixed.csv": "Month,y\nJan 2024,1\nFeb 2024,2\n2024 Q2,3\n2024-07-15,4\nJuly 2024,5\n", "bad.csv": "Month,y\nJan 2024,1\nFebruary 2024,2\nSmarch 2024,3\n" });
    const r = await run(["analyse", "mixed.csv", "--x", "Month", "--y", "y"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mixed.csv: row 4, column Month: '2024 Q2' is a quarter, but row 2 is a month ('Jan 2024'): write every x the same way");
    expect(r.stderr).toContain("row 5, column Month: '2024-07-15' is a date, but row 2 is a month ('Jan 2024')");
    const b = await run(["analyse", "bad.csv", "--x", "Month", "--y", "y"], dir);
    expect(b.stderr).toContain("bad.csv: row 4, column Month: 'Smarch 2024' is not a date");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("pace-qi analyse and summary: empty rows and notes under a published table", { timeout: 120_000 }, () => {
  const published = `${plansCsv(monthName).replace("Aug 2023,28,13\n", "Aug 2023,28,13\n,,\n")},,\n"Source: illustrative figures, PHS-style",,\nNote: months with fewer than 5 children are suppressed,,\n`;

  it("skips ',,' rows and 'Source:' notes below the data, and names them in a note", async () => {
    const dir = tempDir({ "published.csv": published, "plans.csv": plansCsv(monthName) });
    const args = ["--x", "Month", "--y", "Within 6 months", "--n", "Number of children", "--chart", "p", "--json"];
    const r = await run(["analyse", "published.csv", ...args], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: unknown[]; warnings: { code: string; message: string }[] };
    expect(chart.points).toHaveLength(15);
    expect(chart.warnings[0]).toEqual({
      code: "rows-skipped",
      message: "skipped 2 empty rows (row 10, row 18) and 2 rows of notes below the data (row 19: 'Source: illustrative figures, PHS-style', row 20: 'Note: months with fewer than 5 children are suppressed'): they hold no values",
    });
    // The same chart as the clean file, apart from the note.
    const clean = JSON.parse((await run(["analyse", "plans.csv", ...args], dir)).stdout) as typeof chart;
    expect(chart.points).toEqual(clean.points);
  });

  it("a note written without the trailing commas is skipped too; a short data row is read with blanks, and named", async () => {
    const dir = tempDir({ "n.csv": "Month,y,n\nJan 2024,1,5\nFeb 2024,2\nMar 2024,3,5\nSource: council tracker\n" });
    const r = await run(["analyse", "n.csv", "--x", "Month", "--y", "y", "--json"], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: unknown[]; warnings: { code: string; message: string }[] };
    expect(chart.points).toHaveLength(3);
    expect(chart.warnings[0]).toEqual({ code: "rows-skipped", message: "skipped 1 row of notes below the data (row 5: 'Source: council tracker'): it holds no values; 1 row has fewer fields than the header (row 3): the missing cells are read as blank" });
  });

  it("keeps a row with a value but no x an error, and a note above the last value an error", async () => {
    const dir = tempDir({ "novalue.csv": "Month,y\nJan 2024,1\n,2\nMar 2024,3\n", "middle.csv": "Month,y\nJan 2024,1\nSource: PHS,\nMar 2024,3\n" });
    const a = await run(["analyse", "novalue.csv", "--x", "Month", "--y", "y"], dir);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("novalue.csv: row 3, column Month: the date is blank");
    const b = await run(["analyse", "middle.csv", "--x", "Month", "--y", "y"], dir);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("middle.csv: row 3, column Month: 'Source: PHS' is not a date");
  });

  it("summary skips them too, with the note under the table", async () => {
    const lines = ["Quarter,Measure,Value", "2024 Q1,Days,40", "2024 Q2,Days,38", ",,", "2024 Q3,Days,41", "Source: council returns,,"];
    const dir = tempDir({ "s.csv": `${lines.join("\n")}\n` });
    const r = await run(["summary", "s.csv", "--x", "Quarter", "--y", "Value", "--measure", "Measure"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("41 (2024 Q3)");
    expect(r.stdout).toContain("Note: skipped 1 empty row (row 4) and 1 row of notes below the data (row 6: 'Source: council returns'): they hold no values");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("--na: a published table's marks for a value not given", { timeout: 120_000 }, () => {
  const csv = "Month,Number of children,Within 6 months\nJan 2024,30,15\nFeb 2024,*,*\nMar 2024,31,16\nApr 2024,29,..\nMay 2024,30,14\n";

  it("without --na each mark is an error that suggests the flag", async () => {
    const dir = tempDir({ "na.csv": csv });
    const r = await run(["analyse", "na.csv", "--x", "Month", "--y", "Within 6 months", "--n", "Number of children", "--chart", "p"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("na.csv: row 3, column Within 6 months: '*' is not a number (a mark for a value not given? --na '*' reads such cells as gaps)");
    expect(r.stderr).toContain("row 5, column Within 6 months: '..' is not a number (a mark for a value not given? --na '..' reads such cells as gaps)");
  });

  it("with --na the marked cells are gaps, counted by column, and a mark no cell has is named", async () => {
    const dir = tempDir({ "na.csv": csv });
    const r = await run(["analyse", "na.csv", "--x", "Month", "--y", "Within 6 months", "--n", "Number of children", "--chart", "p", "--na", "*", "--na", "..", "--na", "[c]", "--json"], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: { y: number | null }[]; warnings: { code: string; message: string }[] };
    expect(chart.points.map((p) => p.y)).toEqual([0.5, null, 16 / 31, null, 14 / 30]);
    expect(chart.warnings.slice(0, 2)).toEqual([
      { code: "na-gaps", message: "--na: 3 cells read as gaps (column Within 6 months: '*' ×1, '..' ×1; column Number of children: '*' ×1)" },
      { code: "na-unused", message: "--na '[c]': no cell of the value columns has it" },
    ]);
  });

  it("summary reads --na the same way; a blank --na is a usage error", async () => {
    const dir = tempDir({ "na.csv": csv });
    const s = await run(["summary", "na.csv", "--x", "Month", "--y", "Within 6 months", "--na", "*", "--na", ".."], dir);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("Note: --na: 2 cells read as gaps (column Within 6 months: '*' ×1, '..' ×1)");
    const b = await run(["summary", "na.csv", "--x", "Month", "--y", "Within 6 months", "--na", " "], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("--na needs a text");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("--period sums over part of a period", { timeout: 120_000 }, () => {
  // 38 months of about 10 referrals, Jan 2021 to Feb 2024: 2024 Q1 has two of its three months.
  const months = Array.from({ length: 38 }, (_, k) => `${MONTHS[k % 12]} ${2021 + Math.floor(k / 12)},${10 + (k % 3) - 1}`);
  const csv = `Month,Referrals\n${months.join("\n")}\n`;

  it("a last quarter of two months is drawn but left out of the centre and the rules, with a note", async () => {
    const dir = tempDir({ "r.csv": csv });
    const r = await run(["analyse", "r.csv", "--x", "Month", "--y", "Referrals", "--period", "quarter", "--aggregate", "sum", "--direction", "decrease", "--json"], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: { x: string; y: number; excluded: boolean }[]; signals: { message: string }[]; warnings: { code: string; message: string }[] };
    const last = chart.points[chart.points.length - 1]!;
    expect(last).toMatchObject({ x: "2024-01-01", y: 9 + 10, excluded: true });
    expect(chart.points.filter((p) => p.excluded)).toHaveLength(1);
    expect(chart.warnings).toContainEqual({ code: "partial-period", message: "2024 Q1 (the rows are monthly and the last is Feb 2024) sums only part of its quarter: drawn, but left out of the centre line and the rules" });
    // One note says how the months were rolled up and combined: the library's rows-combined ("38 rows
    // share an x with another row (13 x values, the first in 2021 Q1): …") repeated it (a user trial).
    expect(chart.warnings.filter((w) => /period-rollup|rows-combined/.test(w.code))).toEqual([
      { code: "period-rollup", message: "38 rows rolled up into 13 quarters (each date read as the quarter it falls in): their values were summed (--aggregate sum)." },
    ]);
    // It was an astronomical "improvement" (a user trial).
    expect(chart.signals.map((s) => s.message).join(" ")).not.toContain("2024 Q1");
  });

  it("a quarter with a month not given (--na), and a first quarter the rows start inside, are named too", async () => {
    const rows = ["Month,Children", "Feb 2023,10", "Mar 2023,11", "Apr 2023,12", "May 2023,10", "Jun 2023,11", "Jul 2023,13", "Aug 2023,..", "Sep 2023,7", "Oct 2023,11", "Nov 2023,12", "Dec 2023,10"];
    const dir = tempDir({ "c.csv": `${rows.join("\n")}\n` });
    const r = await run(["analyse", "c.csv", "--x", "Month", "--y", "Children", "--period", "quarter", "--aggregate", "sum", "--na", "..", "--json"], dir);
    const chart = JSON.parse(r.stdout) as { points: { excluded: boolean }[]; warnings: { code: string; message: string }[] };
    expect(chart.points.map((p) => p.excluded)).toEqual([true, false, true, false]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("2023 Q1 (rows from Feb 2023 only), 2023 Q3 (1 row with no value) sum only part of their quarter: drawn, but left out of the centre line and the rules");
  });

  it("a mean over a period is not a sum: nothing is left out", async () => {
    const dir = tempDir({ "r.csv": csv });
    const r = await run(["analyse", "r.csv", "--x", "Month", "--y", "Referrals", "--period", "quarter", "--aggregate", "mean", "--json"], dir);
    const chart = JSON.parse(r.stdout) as { points: { excluded: boolean }[]; warnings: { code: string }[] };
    expect(chart.points.some((p) => p.excluded)).toBe(false);
    expect(chart.warnings.map((w) => w.code)).not.toContain("partial-period");
  });

  it("--period on rows that are already one a period needs no --aggregate; rows that share a period still do", async () => {
    const dir = tempDir({ "plans.csv": plansCsv(monthName), "r.csv": csv });
    const m = await run(["analyse", "plans.csv", "--x", "Month", "--y", "Within 6 months", "--period", "month"], dir);
    expect(m.stderr).toBe("");
    expect(m.stdout).toContain("15 rows rolled up into 15 months");
    const q = await run(["analyse", "r.csv", "--x", "Month", "--y", "Referrals", "--period", "quarter"], dir);
    expect(q.code).toBe(2);
    expect(q.stderr).toContain("--period quarter: say how the rows of a quarter combine with --aggregate sum, mean, median, count or sd");
  });

  it("--phase takes a month or a quarter as the x column writes it", async () => {
    const dir = tempDir({ "plans.csv": plansCsv(monthName) });
    const a = await run(["analyse", "plans.csv", "--x", "Month", "--y", "Within 6 months", "--phase", "Sep 2023", "--json"], dir);
    const b = await run(["analyse", "plans.csv", "--x", "Month", "--y", "Within 6 months", "--phase", "2023-09-01", "--json"], dir);
    expect(a.stderr).toBe("");
    expect(a.stdout).toBe(b.stdout);
    expect((JSON.parse(a.stdout) as { phases: { start: number }[] }).phases.map((p) => p.start)).toEqual([0, 8]);
  });
});

describe.skipIf(!HAVE_BIN).concurrent("report --data skips empty rows and notes below the data", { timeout: 120_000 }, () => {
  it("as analyse does, with a note naming them", async () => {
    const project = JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/pace-project.json"), "utf8")) as { measures: { id: string }[] };
    const id = project.measures[0]!.id;
    const lines = ["x,y", ...Array.from({ length: 14 }, (_, k) => `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01,${40 + (k % 4)}`), ",", "Source: council tracker,"];
    const dir = tempDir({ "p.json": JSON.stringify(project), [`data/${id}.csv`]: `${lines.join("\n")}\n` });
    const r = await run(["report", "p.json", "--data", "data", "--out", "r.html"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`pace-qi: note: data/${id}.csv: skipped 1 empty row (row 16) and 1 row of notes below the data (row 17: 'Source: council tracker'): they hold no values`);
  });
});

describe.skipIf(!HAVE_BIN).concurrent("summary says what --phase and --exclude did", { timeout: 120_000 }, () => {
  it("in its notes and in the board's HTML, dates written by the x column's period", async () => {
    const lines = ["Quarter,Measure,Team,Value"];
    for (const team of ["North", "South"]) for (let i = 0; i < 12; i++) lines.push(`${2022 + Math.floor(i / 4)} Q${(i % 4) + 1},Days to plan,${team},${40 - (i > 5 ? 10 : 0) + (i % 3)}`);
    const dir = tempDir({ "s.csv": `${lines.join("\n")}\n` });
    const r = await run(["summary", "s.csv", "--x", "Quarter", "--y", "Value", "--measure", "Measure", "--group", "Team", "--phase", "2023 Q3", "--exclude", "2", "--html", "s.html"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Note: --phase: a new phase starts at 2023 Q3 in every series; each phase has its own centre line");
    expect(r.stdout).toContain("Note: --exclude: point 2 of every series is drawn but left out of the centre line and the rules");
    const html = readFileSync(join(dir, "s.html"), "utf8");
    expect(html).toContain("a new phase starts at 2023 Q3 in every series");
    expect(html).toContain("point 2 of every series is drawn but left out");
  });
});

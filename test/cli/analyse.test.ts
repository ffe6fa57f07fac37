import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, listing, monthlyCsv, run, tempDir } from "./helpers.js";
import { zoneFree } from "../_shared/zone.js";

// 12 months around 20, then 8 months around 10: a shift down after the change.
const VALUES = [20, 22, 19, 21, 20, 23, 18, 21, 20, 22, 19, 21, 10, 11, 9, 10, 12, 9, 11, 10];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi analyse", { timeout: 120_000 }, () => {
  it("getting-started §3: examples/data/waits.csv prints what the guide shows, for both commands", async () => {
    const doc = readFileSync(new URL("../../docs/getting-started.md", import.meta.url), "utf8");
    const blocks = [...doc.matchAll(/```\n(24 points of weeks by month[^`]*)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(2);
    const dir = tempDir({ "waits.csv": readFileSync(new URL("../../examples/data/waits.csv", import.meta.url), "utf8") });
    const base = ["analyse", "waits.csv", "--x", "month", "--y", "weeks", "--dates", "uk", "--direction", "decrease"];
    expect((await run(base, dir)).stdout).toBe(blocks[0]);
    expect((await run([...base, "--baseline", "12", "--svg", "waits.svg", "--json", "--out", "waits.json"], dir)).stdout).toBe(blocks[1]);
  });

  // Second user trial, finding 7: a p chart's --target 80 without --multiply 100 got no word.
  it("a p chart's target on the per-cent scale: a note naming the flags to use", async () => {
    const csv = `month,met,n\n${VALUES.map((v, i) => `2024-${String((i % 12) + 1).padStart(2, "0")}-0${i < 12 ? 1 : 2},${v},30`).join("\n")}\n`;
    const dir = tempDir({ "p.csv": csv });
    const r = await run(["analyse", "p.csv", "--x", "month", "--y", "met", "--n", "n", "--chart", "p", "--rules", "mdc", "--direction", "increase", "--target", "80"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Note: The target 80 is outside 0–1, the range of a p chart's proportions: no value can reach it. Did you mean --target 0.8, or --multiply 100 to plot per cent?\n");
  });

  it("prints the signals of a run chart from a CSV with ISO dates", async () => {
    const dir = tempDir({ "waits.csv": monthlyCsv(VALUES) });
    const r = await run(["analyse", "waits.csv", "--x", "month", "--y", "value", "--direction", "decrease", "--baseline", "12"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("20 points of value by month (run chart, pace rules, direction decrease)");
    expect(r.stdout).toContain("Phase 1 (points 1–20): median 20.5");
    expect(r.stdout).toMatch(/8 points below the median from Jan 2024 to Aug 2024: a shift, an improvement/);
  });

  it("reads UK day-first dates with --dates uk, the same analysis as ISO", async () => {
    const dir = tempDir({ "iso.csv": monthlyCsv(VALUES), "uk.csv": monthlyCsv(VALUES, true) });
    const a = await run(["analyse", "iso.csv", "--x", "month", "--y", "value", "--json"], dir);
    const b = await run(["analyse", "uk.csv", "--x", "month", "--y", "value", "--json", "--dates", "uk"], dir);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
    expect(JSON.parse(a.stdout).points[0].x).toBe("2023-01-01");
  });

  it("--json writes the analysis to stdout, --out to a file, --svg the chart", async () => {
    const dir = tempDir({ "s.csv": monthlyCsv(VALUES) });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--json", "--out", "a.json", "--svg", "chart.svg", "--title", "Waits <&>"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote a.json\nWrote chart.svg\n");
    const chart = JSON.parse(readFileSync(join(dir, "a.json"), "utf8"));
    expect(chart.points).toHaveLength(20);
    expect(chart.settings.rules.preset).toBe("pace");
    const svg = readFileSync(join(dir, "chart.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toContain("<&>");
  });

  it("control charts: --chart p with --n, --rules mdc, --target", async () => {
    const rows = ["month,met,audited", ...VALUES.map((v, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01,${v},40`)];
    const dir = tempDir({ "audit.csv": `${rows.join("\n")}\n` });
    const r = await run(["analyse", "audit.csv", "--x", "month", "--y", "met", "--n", "audited", "--chart", "p", "--rules", "mdc", "--target", "0.4", "--json"], dir);
    expect(r.code).toBe(0);
    const chart = JSON.parse(r.stdout);
    expect(chart.type).toBe("p");
    expect(chart.points[0].y).toBe(0.5);
    expect(chart.settings.target).toBe(0.4);
    const text = await run(["analyse", "audit.csv", "--x", "month", "--y", "met", "--n", "audited", "--chart", "p"], dir);
    expect(text.stdout).toMatch(/p chart, shewhart rules/);
    expect(text.stdout).toMatch(/Phase 1 \(points 1–20\): mean [\d.]+, control limits/);
  });

  it("--by gives one chart per group and one SVG per group", async () => {
    const rows = ["team,week,moves"];
    for (const team of ["North", "South West"]) VALUES.forEach((v, i) => rows.push(`${team},${i + 1},${v}`));
    const dir = tempDir({ "moves.csv": `${rows.join("\n")}\n` });
    const r = await run(["analyse", "moves.csv", "--x", "week", "--y", "moves", "--by", "team", "--svg", "moves.svg", "--json", "--out", "m.json"], dir);
    expect(r.code).toBe(0);
    expect(listing(dir)).toEqual(["m.json", "moves-North.svg", "moves-South-West.svg", "moves.csv"]);
    const groups = JSON.parse(readFileSync(join(dir, "m.json"), "utf8"));
    expect(groups.map((g: { key: string }) => g.key)).toEqual(["North", "South West"]);
    expect(groups[1].chart.points).toHaveLength(20);
  });

  it("--by with --title: each group's chart names its group (user trial: all had the same title)", async () => {
    const rows = ["team,week,moves"];
    for (const team of ["North", "South West"]) VALUES.forEach((v, i) => rows.push(`${team},${i + 1},${v}`));
    const dir = tempDir({ "moves.csv": `${rows.join("\n")}\n` });
    const r = await run(["analyse", "moves.csv", "--x", "week", "--y", "moves", "--by", "team", "--svg", "moves.svg", "--title", "Placement moves"], dir);
    expect(r.code).toBe(0);
    const title = (file: string): string | undefined => /<title id="[^"]*">([^<]*)</.exec(readFileSync(join(dir, file), "utf8"))?.[1];
    expect(title("moves-North.svg")).toBe("Placement moves — North: moves.csv: run chart, pace rules, direction neutral");
    expect(title("moves-South-West.svg")).toBe("Placement moves — South West: moves.csv: run chart, pace rules, direction neutral");
  });

  it("a CUSUM's y axis is in standard errors, not the y column (user trial)", async () => {
    const dir = tempDir({ "s.csv": monthlyCsv(VALUES) });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--chart", "cusum", "--svg", "c.svg"], dir);
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, "c.svg"), "utf8");
    expect(svg).toMatch(/class="axis-label"[^>]*rotate\(-90\)[^>]*>cumulative sum \(standard errors\)</);
    expect(svg).not.toMatch(/class="axis-label"[^>]*rotate\(-90\)[^>]*>value</);
  });

  it("--phase (date or 1-based point) and --exclude (1-based)", async () => {
    const dir = tempDir({ "s.csv": monthlyCsv(VALUES) });
    const a = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--phase", "2024-01-01", "--json"], dir);
    const b = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--phase", "13", "--exclude", "2", "--json"], dir);
    const ca = JSON.parse(a.stdout);
    const cb = JSON.parse(b.stdout);
    expect(ca.phases.map((p: { start: number }) => p.start)).toEqual([0, 12]);
    expect(cb.phases.map((p: { start: number }) => p.start)).toEqual([0, 12]);
    expect(cb.points[1].excluded).toBe(true);
  });

  it("reads a JSON array of rows, and of bare numbers", async () => {
    const dir = tempDir({
      "rows.json": JSON.stringify({ rows: VALUES.map((v, i) => ({ week: i + 1, value: v })) }),
      "nums.json": JSON.stringify(VALUES),
    });
    const a = await run(["analyse", "rows.json", "--x", "week", "--y", "value", "--json"], dir);
    const b = await run(["analyse", "nums.json", "--json"], dir);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(JSON.parse(a.stdout).phases[0].centre).toBe(JSON.parse(b.stdout).phases[0].centre);
  });

  it("--delimiter reads semicolon- and tab-separated files", async () => {
    const dir = tempDir({ "semi.csv": monthlyCsv(VALUES).replace(/,/g, ";"), "tab.tsv": monthlyCsv(VALUES).replace(/,/g, "\t"), "comma.csv": monthlyCsv(VALUES) });
    const a = await run(["analyse", "comma.csv", "--x", "month", "--y", "value", "--json"], dir);
    const b = await run(["analyse", "semi.csv", "--x", "month", "--y", "value", "--json", "--delimiter", ";"], dir);
    const c = await run(["analyse", "tab.tsv", "--x", "month", "--y", "value", "--json", "--delimiter", "tab"], dir);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const bad = await run(["analyse", "semi.csv", "--delimiter", ";;"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe(`pace-qi analyse: --delimiter ';;' must be one character (e.g. ";") or "tab"`);
  });

  it("without an x column, points are numbered", async () => {
    const dir = tempDir({ "y.csv": `y\n${VALUES.join("\n")}\n` });
    const r = await run(["analyse", "y.csv", "--json"], dir);
    expect(JSON.parse(r.stdout).points[19].x).toBe(20);
  });
});

describe.skipIf(!HAVE_BIN).concurrent("pace-qi analyse: errors name the file, row and column; nothing is written", { timeout: 120_000 }, () => {
  const expectNothingWritten = (dir: string, before: string[]) => expect(listing(dir)).toEqual(before);

  it("a value that is not a number: exit 1, spreadsheet row (header = row 1)", async () => {
    const dir = tempDir({ "s.csv": "month,value\n2024-01-01,3\n2024-02-01,4\n2024-03-01,four\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--svg", "out.svg", "--json", "--out", "a.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: s.csv: row 4, column value: 'four' is not a number\n");
    expect(r.stdout).toBe("");
    expectNothingWritten(dir, ["s.csv"]);
  });

  it("an impossible date: exit 1 with the value", async () => {
    const dir = tempDir({ "s.csv": "month,value\n31/01/2021,3\n31/02/2021,4\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--dates", "uk", "--svg", "x.svg"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: s.csv: row 3, column month: '31/02/2021' is not a date (expected dd/mm/yyyy)\n");
    expectNothingWritten(dir, ["s.csv"]);
  });

  it("day-first dates read as ISO: the hint says --dates uk; several problems are listed", async () => {
    const dir = tempDir({ "s.csv": "month,value\n01/01/2021,3\n01/02/2021,4\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "pace-qi: s.csv: row 2, column month: '01/01/2021' is not a date (expected YYYY-MM-DD; it looks like a day-first date: use --dates uk)\n" +
        "  s.csv: row 3, column month: '01/02/2021' is not a date (expected YYYY-MM-DD; it looks like a day-first date: use --dates uk)\n",
    );
  });

  it("blank lines and multi-line quoted cells keep spreadsheet row numbers", async () => {
    const dir = tempDir({ "s.csv": 'month,value,note\n2024-01-01,3,"two\nlines"\n\n2024-02-01,x,\n' });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: s.csv: row 4, column value: 'x' is not a number (a mark for a value not given? --na 'x' reads such cells as gaps)\n");
  });

  it("Excel's CSV UTF-8: a byte-order mark and CRLF line ends", async () => {
    const dir = tempDir({ "s.csv": "\ufeffmonth,value\r\n2024-01-01,3\r\n\r\n2024-02-01,x\r\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: s.csv: row 4, column value: 'x' is not a number (a mark for a value not given? --na 'x' reads such cells as gaps)\n");
  });

  it("a row with the wrong number of fields, and broken quoting", async () => {
    const dir = tempDir({ "a.csv": "month,value\n2024-01-01,3\n2024-02-01,4,5\n", "b.csv": 'month,value\n2024-01-01,"3\n' });
    const a = await run(["analyse", "a.csv", "--x", "month", "--y", "value"], dir);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe("pace-qi: a.csv: row 3: 3 fields where the header has 2\n");
    const b = await run(["analyse", "b.csv", "--x", "month", "--y", "value"], dir);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^pace-qi: b\.csv: line \d+: not valid CSV: /);
  });

  it("a missing column names the columns there are", async () => {
    const dir = tempDir({ "s.csv": "month,value\n2024-01-01,3\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "weeks"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: s.csv: no column 'weeks' (columns: month, value); name the right one with --y\n");
  });

  zoneFree("a missing file, an empty file, a directory", async () => {
    const dir = tempDir({ "empty.csv": "", "head.csv": "month,value\n" });
    expect((await run(["analyse", "nope.csv"], dir)).stderr).toBe("pace-qi: nope.csv: no such file\n");
    expect((await run(["analyse", "empty.csv"], dir)).stderr).toBe("pace-qi: empty.csv: the file is empty (expected a header row)\n");
    expect((await run(["analyse", "head.csv", "--y", "value"], dir)).stderr).toBe("pace-qi: head.csv: no data rows\n");
    const d = await run(["analyse", "."], dir);
    expect(d.code).toBe(1);
    expect(d.stderr).toBe("pace-qi: .: is a directory, not a file\n");
  });

  it("two rows for one month in a run chart", async () => {
    const dir = tempDir({ "s.csv": "month,value\n2024-01-01,3\n2024-02-01,4\n2024-01-01,5\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: s.csv: row 4, column month: '2024-01-01' is already on row 2; a run chart needs one value per month: combine the rows first, or give --aggregate mean, median, sum, count or sd\n");
  });

  it("two rows on one day quote the cells as the file writes them, not the ISO date (a user trial)", async () => {
    const dir = tempDir({ "c.csv": "Child,Panel,Days\nC1,14/01/2023,100\nC2,28/01/2023,120\nC3,28/01/2023,90\n", "m.csv": "Panel,Days\n2023-01-28,100\n28/1/2023,90\n" });
    const r = await run(["analyse", "c.csv", "--x", "Panel", "--dates", "uk", "--y", "Days"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: c.csv: row 4, column Panel: '28/01/2023' is already on row 3; a run chart needs one value per Panel: combine the rows first, or give --aggregate mean, median, sum, count or sd\n");
    // Written two ways: both cells.
    const m = await run(["analyse", "m.csv", "--x", "Panel", "--dates", "uk", "--y", "Days"], dir);
    expect(m.stderr).toContain("m.csv: row 3, column Panel: '28/1/2023' is already on row 2 ('2023-01-28'); a run chart needs one value per Panel");
  });

  it("a p chart's y axis says what is plotted (% of the numerator), wrapped at a word, not cut mid-word (a user trial)", async () => {
    const rows = Array.from({ length: 14 }, (_, k) => `2024-${String((k % 12) + 1).padStart(2, "0")}-01`.replace(/^2024/, String(2024 + Math.floor(k / 12))) + `,${20 + (k % 3)},${9 + (k % 4)}`);
    const dir = tempDir({ "p.csv": `Month,Children becoming looked after,Permanence decision within 6 months\n${rows.join("\n")}\n` });
    const args = ["analyse", "p.csv", "--x", "Month", "--y", "Permanence decision within 6 months", "--n", "Children becoming looked after", "--chart", "p"];
    const label = (svg: string) => [...svg.matchAll(/<text class="axis-label" transform="translate\([^)]*\) rotate\(-90\)"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect((await run([...args, "--multiply", "100", "--svg", "a.svg"], dir)).code).toBe(0);
    expect(label(readFileSync(join(dir, "a.svg"), "utf8"))).toEqual(["% Permanence decision within 6", "months"]);
    await run([...args, "--svg", "b.svg"], dir);
    expect(label(readFileSync(join(dir, "b.svg"), "utf8"))).toEqual(["Permanence decision within 6 months", "/ Children becoming looked after"]);
    await run([...args, "--multiply", "1000", "--svg", "c.svg"], dir);
    expect(label(readFileSync(join(dir, "c.svg"), "utf8"))).toEqual(["Permanence decision within 6 months", "per 1000 Children becoming looked…"]);
  });

  it("--aggregate combines rows that share an x (run charts and i charts)", async () => {
    const dir = tempDir({ "s.csv": "month,value\n2024-01-01,3\n2024-02-01,4\n2024-01-01,5\n2024-01-01,\n2024-02-01,10\n2024-03-01,\n" });
    const median = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--aggregate", "median", "--json"], dir);
    expect(median.code).toBe(0);
    const points = JSON.parse(median.stdout).points;
    expect(points.map((p: { x: string; y: number | null }) => [p.x, p.y])).toEqual([["2024-01-01", 4], ["2024-02-01", 7], ["2024-03-01", null]]);
    const sum = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--aggregate", "sum", "--json"], dir);
    expect(JSON.parse(sum.stdout).points.map((p: { y: number | null }) => p.y)).toEqual([8, 14, null]);
    const control = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--aggregate", "mean", "--chart", "i", "--json"], dir);
    expect(control.code).toBe(0);
    const i = JSON.parse(control.stdout);
    expect(i.points.map((p: { y: number | null }) => p.y)).toEqual([4, 7, null]);
    expect(i.warnings[0].code).toBe("rows-combined");
    expect(i.warnings[0].message).toMatch(/^5 rows share an x with another row \(2 x values.*: their values were averaged \(mean\)/);
    const bad = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--aggregate", "max"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--aggregate");
  });

  it("a chart's warnings give their advice as flags, as errors do (the c chart said 'give aggregate to choose')", async () => {
    const dir = tempDir({ "falls.csv": "Month,Falls,Ward\n01/01/2024,3,A\n01/01/2024,4,B\n01/02/2024,2,A\n01/02/2024,5,B\n01/03/2024,6,A\n01/03/2024,1,B\n" });
    const mean = await run(["analyse", "falls.csv", "--x", "Month", "--y", "Falls", "--dates", "uk", "--chart", "i", "--aggregate", "mean"], dir);
    expect(mean.stdout).toContain("their values were averaged (mean) (--aggregate mean).");
    expect(JSON.parse((await run(["analyse", "falls.csv", "--x", "Month", "--y", "Falls", "--dates", "uk", "--aggregate", "median", "--json"], dir)).stdout).warnings[0].message).toContain("(--aggregate median)");
    // A c chart's rows are always summed on the command line (--aggregate mean is refused): no choice to advise.
    const c = await run(["analyse", "falls.csv", "--x", "Month", "--y", "Falls", "--dates", "uk", "--chart", "c"], dir);
    expect(c.stdout).toContain("their values were summed (the c chart's default, as qicharts2).\n");
    expect(c.stdout).not.toMatch(/aggregate/);
  });

  it("invalid JSON names the line", async () => {
    const dir = tempDir({ "s.json": '[\n{"y": 1},\n{"y": 2,}\n]' });
    const r = await run(["analyse", "s.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pace-qi: s\.json: line 3: not valid JSON/);
  });

  it.each([
    [["--chart", "pie"], "--chart 'pie' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma"],
    // "bar" is one edit from "xbar", which is not a bar chart (a user trial); the library's hints as flags.
    [["--chart", "bar"], "--chart 'bar' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma; a bar chart is not a control chart: pace-qi draws run charts and control charts of a measure over time (for a plain bar chart use a spreadsheet or another charting tool; for the means of subgroups over time, an X-bar chart is --chart xbar)"],
    [["--chart", "XmR"], '--chart \'XmR\' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma; XmR (individuals and moving range) is --chart i (its moving ranges alone: "mr")'],
    [["--chart", "Run chart"], "--chart 'Run chart' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma; did you mean --chart run?"],
    [["--chart", "p-chart"], "--chart 'p-chart' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma; did you mean --chart p?"],
    [["--chart", "xbr"], "--chart 'xbr' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma; did you mean --chart xbar?"],
    [["--rules", "shewhart"], "--rules 'shewhart' is not a rule set for run charts: pace, ihi, anhoej"],
    [["--direction", "up"], "--direction 'up' is not one of: increase, decrease, neutral; did you mean --direction increase?"],
    [["--baseline", "ten"], "--baseline 'ten' must be a whole number ≥ 1"],
    [["--phase", "99"], "--phase 99: the series has 3 points"],
    [["--phase", "2030-01-01"], '--phase: "2030-01-01" is outside the chart\'s dates'],
    [["--exclude", "0"], "--exclude '0' must be a whole number ≥ 1"],
    [["--dates", "dmy"], "--dates 'dmy' is not one of: iso, uk, us"],
    [["--out", "a.json"], "--out needs --json (write the analysis JSON to FILE)"],
  ])("bad flag value %j exits 2", async (flags, message) => {
    const dir = tempDir({ "s.csv": "month,value\n2024-01-01,3\n2024-02-01,4\n2024-03-01,5\n" });
    const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--svg", "c.svg", ...flags], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`pace-qi analyse: ${message}`);
    expect(existsSync(join(dir, "c.svg"))).toBe(false);
  });
});

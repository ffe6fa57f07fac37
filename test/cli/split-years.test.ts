import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// Split years as Scottish Government and NHS tables write them: "2016-17", "2019/20", "2024/25 Q1".
// Which year they are (financial from April, CLAS from August) is the analyst's to say: --years.

const FY = ["2016-17", "2017-18", "2018-19", "2019/20", "2020/21", "2021/22", "2022/23"];
const Y = [30, 31, 29, 30, 22, 21, 20];
const fyCsv = `Local authority,Year,Rate\n${FY.map((y, i) => `Highland,${y},${Y[i]}`).join("\n")}\n`;

describe.skipIf(!HAVE_BIN).concurrent("split years in the x column (--years, --period financial-year)", { timeout: 120_000 }, () => {
  it("without --years, a split year is an error that says which flag reads it", async () => {
    const r = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate"], tempDir({ "y.csv": fyCsv }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("row 2, column Year: '2016-17' is not a date (expected YYYY-MM-DD); it looks like a split year: give --years financial (April to March) or --years clas (August to July, the looked-after statistics year) to read split years");
  });

  it("--years financial reads 2016-17 and 2019/20 as financial years, written 2016/17 in signals and JSON settings", async () => {
    const r = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate", "--years", "financial", "--json"], tempDir({ "y.csv": fyCsv }));
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: { x: string }[]; settings: { period: string } };
    expect(chart.points.map((p) => p.x)).toEqual(["2016-04-01", "2017-04-01", "2018-04-01", "2019-04-01", "2020-04-01", "2021-04-01", "2022-04-01"]);
    expect(chart.settings.period).toBe("financial-year");
    const text = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate", "--years", "clas"], tempDir({ "y.csv": fyCsv }));
    expect(text.stdout).toContain("7 points of Rate by Year");
    const clas = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate", "--years", "clas", "--json"], tempDir({ "y.csv": fyCsv }));
    expect((JSON.parse(clas.stdout) as { points: { x: string }[] }).points[0]!.x).toBe("2016-08-01");
  });

  it("a column of ISO months that are all shaped as split years (2010-11 … 2011-12) is not read as months in silence", async () => {
    const r = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate"], tempDir({ "y.csv": "Year,Rate\n2009-10,5\n2010-11,6\n2011-12,7\n" }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("row 2, column Year: '2009-10' and the column's other cells read as months in ISO 8601 ('2009-10' is Oct 2009), but each looks like a split year");
    const fy = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate", "--years", "financial", "--json"], tempDir({ "y.csv": "Year,Rate\n2009-10,5\n2010-11,6\n2011-12,7\n" }));
    expect((JSON.parse(fy.stdout) as { points: { x: string }[] }).points.map((p) => p.x)).toEqual(["2009-04-01", "2010-04-01", "2011-04-01"]);
    // Real months, one of which is shaped as a split year: read as months.
    const months = await run(["analyse", "y.csv", "--x", "Month", "--y", "Rate", "--json"], tempDir({ "y.csv": "Month,Rate\n2011-11,5\n2011-12,6\n2012-01,7\n" }));
    expect(months.stderr).toBe("");
  });

  it("--period financial-year rolls months up into financial years (April to March), and --period financial-quarter labels quarters 2024/25 Q1", async () => {
    const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // 24 months from Apr 2022: two whole financial years, 1 referral a month in the first, 2 in the second.
    const rows = Array.from({ length: 24 }, (_, k) => `${MONTHS[(k + 3) % 12]} ${2022 + Math.floor((k + 3) / 12)},${k < 12 ? 1 : 2}`);
    const dir = tempDir({ "m.csv": `Month,Referrals\n${rows.join("\n")}\n` });
    const r = await run(["analyse", "m.csv", "--x", "Month", "--y", "Referrals", "--period", "financial-year", "--aggregate", "sum", "--json"], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: { x: string; y: number }[]; warnings: { code: string; message: string }[] };
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([["2022-04-01", 12], ["2023-04-01", 24]]);
    // One note for the roll-up and how the rows combine (the library's rows-combined repeated it).
    expect(chart.warnings.filter((w) => /period-rollup|rows-combined/.test(w.code))).toEqual([
      { code: "period-rollup", message: "24 rows rolled up into 2 financial years (each date read as the financial year it falls in): their values were summed (--aggregate sum)." },
    ]);
    const q = await run(["analyse", "m.csv", "--x", "Month", "--y", "Referrals", "--period", "financial-quarter", "--aggregate", "sum"], dir);
    expect(q.stdout).toContain("8 points of Referrals by financial quarter");
  });

  it("refuses a roll-up that cuts across the labels, and --years that disagrees with --period", async () => {
    const dir = tempDir({ "q.csv": "Quarter,Days\n2022 Q1,400\n2022 Q2,380\n2022 Q3,420\n2022 Q4,390\n", "y.csv": fyCsv });
    const q = await run(["analyse", "q.csv", "--x", "Quarter", "--y", "Days", "--period", "clas-year", "--aggregate", "mean"], dir);
    expect(q.code).toBe(2);
    expect(q.stderr).toContain("--period clas-year: column Quarter holds quarters (such as 2024 Q1), which do not fit into CLAS years; use --period financial-quarter, year, financial-year to roll them up, or leave --period out");
    const y = await run(["analyse", "y.csv", "--x", "Year", "--y", "Rate", "--period", "financial-year", "--years", "clas"], dir);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain("--years clas reads split years from August, but --period financial-year has its years from April: give one of them");
  });

  it("with --years, a cell it cannot read says why: a footnote or provisional mark, a quarter or FY under CLAS years, the forms read (second user trial)", async () => {
    const csv = "Year,v\n2022-23¹,5\n2023-24 (p),6\n24/25,7\n2021/22 Q1,9\nFY 2021/22,3\n";
    const fin = await run(["analyse", "m.csv", "--x", "Year", "--y", "v", "--years", "financial"], tempDir({ "m.csv": csv }));
    expect(fin.stderr).toContain("'2022-23¹' is not a date (expected YYYY-MM-DD); remove the mark '¹' after the label (write 2022-23)");
    expect(fin.stderr).toContain("'2023-24 (p)' is not a date (expected YYYY-MM-DD); remove the mark '(p)' after the label (write 2023-24)");
    expect(fin.stderr).toContain("'24/25' is not a date (expected YYYY-MM-DD); split years are read as 2024/25, 2024-25, 2024/2025, FY 2024/25 or FY24/25");
    const clas = await run(["analyse", "m.csv", "--x", "Year", "--y", "v", "--years", "clas"], tempDir({ "m.csv": csv }));
    expect(clas.stderr).toContain("'2021/22 Q1' is not a date (expected YYYY-MM-DD); CLAS years have no quarters: a quarter of 2024/25 is a financial quarter (--years financial)");
    expect(clas.stderr).toContain("'FY 2021/22' is not a date (expected YYYY-MM-DD); \"FY\" names a financial year (April to March), not a CLAS year: give --years financial");
    const quarters = await run(["analyse", "q.csv", "--x", "Q", "--y", "v", "--period", "year", "--aggregate", "mean"], tempDir({ "q.csv": "Q,v\n2021/22 Q1,5\n2021/22 Q2,6\n" }));
    expect(quarters.stderr).toContain("'2021/22 Q1' is not a date (expected YYYY-MM-DD); it looks like a financial quarter: give --years financial (Q1 is April to June) to read financial quarters");
  });

  it("reads FY24/25 (a two-digit first year after FY) and 2024/25 Quarter 1, as Scottish Government tables also write them", async () => {
    const years = await run(["analyse", "y.csv", "--x", "Year", "--y", "v", "--years", "financial", "--json"], tempDir({ "y.csv": "Year,v\nFY22/23,5\nFY23/24,6\nFY24/25,7\n" }));
    expect(years.stderr).toBe("");
    expect((JSON.parse(years.stdout) as { points: { x: string }[] }).points.map((p) => p.x)).toEqual(["2022-04-01", "2023-04-01", "2024-04-01"]);
    // "FY" says which year: read without --years too.
    const bareFy = await run(["analyse", "y.csv", "--x", "Year", "--y", "v", "--json"], tempDir({ "y.csv": "Year,v\nFY22/23,5\nFY23/24,6\nFY24/25,7\n" }));
    expect(bareFy.stderr).toBe("");
    expect((JSON.parse(bareFy.stdout) as { settings: { period: string } }).settings.period).toBe("financial-year");
    const quarters = await run(["analyse", "q.csv", "--x", "Quarter", "--y", "v", "--years", "financial", "--json"], tempDir({ "q.csv": "Quarter,v\n2024/25 Quarter 1,5\n2024/25 Quarter 2,6\n2024/25 Quarter 4,7\n" }));
    expect(quarters.stderr).toBe("");
    const chart = JSON.parse(quarters.stdout) as { points: { x: string }[]; settings: { period: string } };
    expect(chart.points.map((p) => p.x)).toEqual(["2024-04-01", "2024-07-01", "2025-01-01"]);
    expect(chart.settings.period).toBe("financial-quarter");
    // Without --years: the hint names the flag for financial quarters written "Quarter 1" too.
    const bare = await run(["analyse", "q.csv", "--x", "Quarter", "--y", "v"], tempDir({ "q.csv": "Quarter,v\n2024/25 Quarter 1,5\n2024/25 Quarter 2,6\n" }));
    expect(bare.stderr).toContain("'2024/25 Quarter 1' is not a date (expected YYYY-MM-DD); it looks like a financial quarter: give --years financial");
  });

  it("summary --years reads the same column, and writes each latest point as 2022/23", async () => {
    const r = await run(["summary", "y.csv", "--x", "Year", "--y", "Rate", "--group", "Local authority", "--years", "financial"], tempDir({ "y.csv": fyCsv }));
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(2022/23)");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("a measure by financial year in a project report", { timeout: 120_000 }, () => {
  it("report --data reads the measure's file of split years as its definition.period says, and writes 2022/23", async () => {
    const { readFileSync } = await import("node:fs");
    const doc = JSON.parse(readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8")) as { measures: { id: string; definition: { period: string } }[] };
    doc.measures.find((m) => m.id === "m-placement-moves")!.definition.period = "financial-year";
    const ys = [30, 32, 31, 30, 32, 31, 30, 20, 19, 18, 17, 16];
    const rows = ys.map((y, i) => `${2011 + i}-${String((12 + i) % 100).padStart(2, "0")},${y}`);
    const dir = tempDir({ "project.json": JSON.stringify(doc), "data/m-placement-moves.csv": `x,y\n${rows.join("\n")}\n` });
    const r = await run(["report", "project.json", "--data", "data"], dir);
    expect(r.code).toBe(0);
    // A monthly measure's file of split years: the error says how a report is told (it has no --years).
    const monthly = await run(["report", "project.json", "--data", "data2"], tempDir({ "project.json": readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8"), "data2/m-placement-moves.csv": `x,y\n${rows.join("\n")}\n` }));
    expect(monthly.code).toBe(1);
    expect(monthly.stderr).toContain(`set the definition.period of measure 'm-placement-moves' in the project to "financial-year" (April to March), "financial-quarter" or "clas-year" (August to July) to read split years`);
    expect(r.stdout).toContain("8 points in a row going down from 2015/16 to 2022/23: a trend, an improvement.");
  });
});

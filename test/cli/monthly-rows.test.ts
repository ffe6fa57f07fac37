import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// Session 13: ISO dates all on the 1st ("2024-01-01", "2024-02-01", …) were monthly rows to
// emptyPeriods (no zeros for a missing month) but event dates to partialPeriods (--as-of
// 31/03/2024 made a quarter of January and February whole). One rule now (rowsPeriod): they are
// monthly rows, which end with their last month whatever the extract date.

/** A monthly extract, one row a month, by hand: 2023 Q3 10 + 8 + 12 = 30, Q4 12 + 9 + 14 = 35, 2024 Q1 11 + 10 = 21 (no March). */
const monthlyCsv = "Month,Referrals\n2023-07-01,10\n2023-08-01,8\n2023-09-01,12\n2023-10-01,12\n2023-11-01,9\n2023-12-01,14\n2024-01-01,11\n2024-02-01,10\n";
const ARGS = ["analyse", "m.csv", "--x", "Month", "--y", "Referrals", "--chart", "c", "--period", "quarter", "--dates", "uk", "--json"];
const NOTE = "2024 Q1 (the rows are monthly and the last is Feb 2024) sums only part of its quarter: drawn, but left out of the centre line and the rules";

interface Chart {
  points: { x: string; y: number; excluded: boolean }[];
  phases: { centre: number }[];
  warnings: { code: string; message: string }[];
}

describe.skipIf(!HAVE_BIN).concurrent("ISO dates all on the 1st are monthly rows: they end with their last month", { timeout: 120_000 }, () => {
  it("--as-of 31/03/2024 does not make January and February a whole 2024 Q1: centre (30 + 35) / 2 = 32.5", async () => {
    const r = await run([...ARGS, "--as-of", "31/03/2024"], tempDir({ "m.csv": monthlyCsv }));
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.points.map((p) => [p.x, p.y, p.excluded])).toEqual([["2023-07-01", 30, false], ["2023-10-01", 35, false], ["2024-01-01", 21, true]]);
    // It was (30 + 35 + 21) / 3 = 28.667, the two-month quarter counted as whole.
    expect(chart.phases[0]!.centre).toBe(32.5);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe(NOTE);
  });

  it("without --as-of the note is the same and does not ask for --as-of (it would change nothing)", async () => {
    const r = await run(ARGS, tempDir({ "m.csv": monthlyCsv }));
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.points.map((p) => p.excluded)).toEqual([false, false, true]);
    // It was "2024 Q1 (rows up to 1 Feb 2024 only) …; give --as-of DATE, the extract date, …".
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe(NOTE);
  });

  it("an extract date inside the last month still cuts it: Feb 2024 (rows up to 14 Feb 2024 only)", async () => {
    const r = await run(["analyse", "m.csv", "--x", "Month", "--y", "Referrals", "--chart", "c", "--as-of", "14/02/2024", "--dates", "uk", "--json"], tempDir({ "m.csv": monthlyCsv }));
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.points.map((p) => p.excluded)).toEqual([false, false, false, false, false, false, false, true]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("Feb 2024 (rows up to 14 Feb 2024 only) sums only part of its month: drawn, but left out of the centre line and the rules");
  });

  it("--from is refused for monthly rows, as for months written 'Jan 2024' (each month is whole)", async () => {
    const r = await run([...ARGS, "--from", "01/07/2023"], tempDir({ "m.csv": monthlyCsv }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--from is the first day event dates cover: column Month holds monthly rows (every date is on the 1st of a month), each month whole");
  });

  it("one date not on the 1st makes them event dates: --as-of 31/03/2024 then makes 2024 Q1 whole", async () => {
    const csv = monthlyCsv.replace("2024-02-01", "2024-02-02");
    const chart = JSON.parse((await run([...ARGS, "--as-of", "31/03/2024"], tempDir({ "m.csv": csv }))).stdout) as Chart;
    expect(chart.points.map((p) => p.excluded)).toEqual([false, false, false]);
    expect(chart.warnings.map((w) => w.code)).not.toContain("partial-period");
  });
});

import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// Third user trial (a local authority): permanence panels, one row per child and panel date,
// counted by quarter. The extract was taken on 14 Oct 2024 and the last panel was on 29 Sep: the
// last row's date said 2024 Q3 was cut short, and the quarter was left out of the rules.

/** Panel dates (dd/mm/yyyy), by hand: 2023 Q1 3, Q2 4, Q3 2, Q4 5, 2024 Q1 3, Q2 4, Q3 3 (the last on 29 Sep). */
const PANELS = [
  ["01/01/2023", "14/02/2023", "20/03/2023"],
  ["03/04/2023", "15/05/2023", "15/05/2023", "28/06/2023"],
  ["10/07/2023", "21/09/2023"],
  ["02/10/2023", "09/10/2023", "13/11/2023", "04/12/2023", "18/12/2023"],
  ["08/01/2024", "12/02/2024", "25/03/2024"],
  ["15/04/2024", "20/05/2024", "17/06/2024", "24/06/2024"],
  ["08/07/2024", "19/08/2024", "29/09/2024"],
];
const COUNTS = PANELS.map((q) => q.length);
const panelsCsv = `Child,Date of panel,Days\n${PANELS.flat().map((d, k) => `C${100 + k},${d},${200 + k}`).join("\n")}\n`;
const COUNT_ARGS = ["--x", "Date of panel", "--dates", "uk", "--y", "Days", "--aggregate", "count", "--period", "quarter", "--json"];

interface Chart {
  type?: string;
  points: { x: string; y: number; excluded: boolean }[];
  phases: { centre: number }[];
  warnings: { code: string; message: string }[];
}

describe.skipIf(!HAVE_BIN).concurrent("--as-of: the extract date decides whether the last period is complete", { timeout: 120_000 }, () => {
  it("without it, event dates ending on 29 Sep leave 2024 Q3 out, and the note says how to declare it complete", async () => {
    const dir = tempDir({ "p.csv": panelsCsv });
    const r = await run(["analyse", "p.csv", ...COUNT_ARGS], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.points.map((p) => p.y)).toEqual(COUNTS);
    expect(chart.points.map((p) => p.excluded)).toEqual([false, false, false, false, false, false, true]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe(
      "2024 Q3 (rows up to 29 Sep 2024 only) sums only part of its quarter: drawn, but left out of the centre line and the rules; give --as-of DATE, the extract date, if the data cover the whole of 2024 Q3",
    );
  });

  it("--as-of 14/10/2024 (read as --dates reads x): 2024 Q3 is complete and counts in the median", async () => {
    const dir = tempDir({ "p.csv": panelsCsv });
    const r = await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "14/10/2024"], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as Chart;
    // 2024 Q4 (1–14 Oct) has no panels: a count of 0 (the data cover it up to 14 Oct), drawn but
    // part of a quarter, so left out of the rules (changed in session 13: it was not drawn at all).
    expect(chart.points.map((p) => p.y)).toEqual([...COUNTS, 0]);
    expect(chart.points.map((p) => p.excluded)).toEqual([false, false, false, false, false, false, false, true]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("2024 Q4 (no rows; data up to 14 Oct 2024 only) sums only part of its quarter: drawn, but left out of the centre line and the rules");
    // The median of 3, 4, 2, 5, 3, 4, 3 (sorted 2 3 3 3 4 4 5) is 3; of the first six (2 3 3 4 4 5) it was 3.5.
    expect(chart.phases[0]!.centre).toBe(3);
    // The ISO form reads the same; a quarter's last day is complete too (and adds no quarter).
    const iso = JSON.parse((await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "2024-10-14"], dir)).stdout) as Chart;
    expect(iso.points.map((p) => p.excluded)).toEqual(chart.points.map((p) => p.excluded));
    const whole = JSON.parse((await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "30/09/2024"], dir)).stdout) as Chart;
    expect(whole.points.some((p) => p.excluded)).toBe(false);
    expect(whole.warnings.map((w) => w.code)).not.toContain("partial-period");
  });

  it("an extract date inside the last quarter keeps it partial, named by the extract date, without the advice", async () => {
    const dir = tempDir({ "p.csv": panelsCsv });
    const chart = JSON.parse((await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "29/09/2024"], dir)).stdout) as Chart;
    expect(chart.points[6]!.excluded).toBe(true);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("2024 Q3 (rows up to 29 Sep 2024 only) sums only part of its quarter: drawn, but left out of the centre line and the rules");
  });

  it("a date after --as-of is an error naming the row and the cell as written; a bad --as-of a usage error", async () => {
    const dir = tempDir({ "p.csv": panelsCsv });
    const r = await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "31/08/2024"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("p.csv: row 25, column Date of panel: '29/09/2024' is after --as-of 31 Aug 2024; --as-of is the extract date, the data complete up to it: correct the date, or give the extract date");
    const two = await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "18/08/2024"], dir);
    expect(two.stderr).toContain("row 24, column Date of panel: '19/08/2024' is after --as-of 18 Aug 2024 (and 1 more row);");
    const bad = await run(["analyse", "p.csv", ...COUNT_ARGS, "--as-of", "2024-13-01"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--as-of '2024-13-01' is not a date (dd/mm/yyyy)");
    const numbers = await run(["analyse", "p.csv", "--x", "Days", "--y", "Days", "--as-of", "2024-10-14"], dir);
    expect(numbers.code).toBe(2);
    expect(numbers.stderr).toContain("--as-of is the extract date of dated rows: column Days holds numbers, not dates");
  });

  it("monthly rows ending in February keep a two-month quarter partial whatever the extract date", async () => {
    const months = ["Month,Referrals", "Jul 2023,10", "Aug 2023,11", "Sep 2023,9", "Oct 2023,10", "Nov 2023,12", "Dec 2023,10", "Jan 2024,9", "Feb 2024,11"];
    const dir = tempDir({ "m.csv": `${months.join("\n")}\n` });
    const r = await run(["analyse", "m.csv", "--x", "Month", "--y", "Referrals", "--period", "quarter", "--aggregate", "sum", "--as-of", "2024-03-31", "--json"], dir);
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.points.map((p) => [p.y, p.excluded])).toEqual([[30, false], [32, false], [20, true]]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("2024 Q1 (the rows are monthly and the last is Feb 2024) sums only part of its quarter: drawn, but left out of the centre line and the rules");
  });

  it("months counted on a c chart: a last month the extract date falls in is partial, in analyse and in summary", async () => {
    const months = ["Month,Panels", "Jan 2024,5", "Feb 2024,7", "Mar 2024,6", "Apr 2024,4", "May 2024,6", "Jun 2024,5", "Jul 2024,7", "Aug 2024,6", "Sep 2024,5", "Oct 2024,1"];
    const dir = tempDir({ "m.csv": `${months.join("\n")}\n` });
    const note = "Oct 2024 (rows up to 14 Oct 2024 only) sums only part of its month: drawn, but left out of the centre line and the rules";
    const a = JSON.parse((await run(["analyse", "m.csv", "--x", "Month", "--y", "Panels", "--chart", "c", "--as-of", "2024-10-14", "--json"], dir)).stdout) as Chart;
    expect(a.points[9]).toMatchObject({ y: 1, excluded: true });
    // The mean of the nine whole months: 51 / 9.
    expect(a.phases[0]!.centre).toBeCloseTo(51 / 9, 12);
    expect(a.warnings).toContainEqual({ code: "partial-period", message: note });
    const s = await run(["summary", "m.csv", "--x", "Month", "--y", "Panels", "--chart", "c", "--as-of", "2024-10-14"], dir);
    expect(s.stderr).toBe("");
    expect(s.stdout).toContain(`Note: Panels: ${note}`);
    // A month that ended on the extract date is whole; one starting after it is an error.
    const whole = await run(["summary", "m.csv", "--x", "Month", "--y", "Panels", "--chart", "c", "--as-of", "2024-10-31"], dir);
    expect(whole.stdout).not.toContain("partial");
    const after = await run(["summary", "m.csv", "--x", "Month", "--y", "Panels", "--chart", "c", "--as-of", "2024-09-30"], dir);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain("m.csv: row 11, column Month: 'Oct 2024' starts after --as-of 30 Sep 2024;");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("--aggregate count on a c chart: the rows of a period are its count of events", { timeout: 120_000 }, () => {
  it("counts the panels per quarter (c chart of the counts), as a column of 1s summed would", async () => {
    const ones = `Date of panel,One\n${PANELS.flat().map((d) => `${d},1`).join("\n")}\n`;
    const dir = tempDir({ "p.csv": panelsCsv, "ones.csv": ones });
    const r = await run(["analyse", "p.csv", ...COUNT_ARGS, "--chart", "c", "--as-of", "30/09/2024"], dir);
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.type).toBe("c");
    expect(chart.points.map((p) => p.y)).toEqual(COUNTS);
    // c̄ = 24 / 7.
    expect(chart.phases[0]!.centre).toBeCloseTo(24 / 7, 12);
    const sum = JSON.parse((await run(["analyse", "ones.csv", "--x", "Date of panel", "--dates", "uk", "--y", "One", "--chart", "c", "--period", "quarter", "--as-of", "30/09/2024", "--json"], dir)).stdout) as Chart;
    expect(sum.points.map((p) => p.y)).toEqual(COUNTS);
    expect(sum.phases[0]!.centre).toBe(chart.phases[0]!.centre);
    // Without --as-of the count's last quarter is partial, as the sum's is.
    const partial = JSON.parse((await run(["analyse", "p.csv", ...COUNT_ARGS, "--chart", "c"], dir)).stdout) as Chart;
    expect(partial.points[6]!.excluded).toBe(true);
    const mean = await run(["analyse", "p.csv", ...COUNT_ARGS.filter((a) => a !== "count" && a !== "--aggregate"), "--aggregate", "mean", "--chart", "c"], dir);
    expect(mean.code).toBe(2);
    expect(mean.stderr).toContain("--aggregate mean: a c chart combines rows that share an x by summing the counts (give --aggregate sum, or count to count one row per event, or leave it out)");
  });
});

import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// A user trial (a partnership analyst): ten accommodations, 3 Apr–30 Aug 2024, none in June or
// September, counted by month on a c chart. June and September were left out (4 points, mean
// 2.67): a month without events is a count of 0, not a gap.

const EVENTS = ["03/04/2024", "17/04/2024", "02/05/2024", "09/05/2024", "21/05/2024", "11/07/2024", "12/07/2024", "01/08/2024", "15/08/2024", "30/08/2024"];
const eventsCsv = `Date Accommodated,n1\n${EVENTS.map((d) => `${d},1`).join("\n")}\n`;
const ARGS = ["--x", "Date Accommodated", "--dates", "uk", "--y", "n1", "--period", "month", "--json"];

interface Chart {
  points: { x: string; y: number; excluded: boolean; ucl: number | null; lcl: number | null }[];
  phases: { centre: number }[];
  warnings: { code: string; message: string }[];
}

const chartOf = async (args: readonly string[], files: Record<string, string> = { "e.csv": eventsCsv }): Promise<Chart> => {
  const r = await run(["analyse", "e.csv", ...args], tempDir(files));
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Chart;
};

describe.skipIf(!HAVE_BIN).concurrent("months without events are counted as 0", { timeout: 120_000 }, () => {
  it("c chart, --aggregate count, --as-of 30/09/2024: Apr 2 (partial), May 3, Jun 0, Jul 2, Aug 3, Sep 0", async () => {
    const chart = await chartOf([...ARGS, "--chart", "c", "--aggregate", "count", "--as-of", "30/09/2024"]);
    expect(chart.points.map((p) => p.x)).toEqual(["2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01"]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 3, 0, 2, 3, 0]);
    expect(chart.points.map((p) => p.excluded)).toEqual([true, false, false, false, false, false]);
    // Centre of the whole months (3 + 0 + 2 + 3 + 0) / 5 = 1.6; c chart limits 1.6 ± 3√1.6 =
    // 1.6 ± 3.794733: UCL 5.394733, LCL below 0 so 0 (Montgomery §7.3.1).
    expect(chart.phases[0]!.centre).toBeCloseTo(1.6, 12);
    expect(chart.points[2]!.ucl).toBeCloseTo(5.394733192, 8);
    expect(chart.points[2]!.lcl).toBe(0);
    expect(chart.warnings.find((w) => w.code === "empty-periods")!.message).toBe("Jun 2024, Sep 2024 had no rows: drawn as 0 (a count of rows; --as-of 30 Sep 2024 says the data cover them)");
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("Apr 2024 (rows from 3 Apr 2024 only) sums only part of its month: drawn, but left out of the centre line and the rules; give --from DATE, the first day the data cover, if they cover the whole of Apr 2024");
  });

  it("without --as-of, no month after the last row is added; a c chart's sum draws June as 0", async () => {
    const chart = await chartOf([...ARGS, "--chart", "c"]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 3, 0, 2, 3]);
    // August ends on its last row, 30 Aug: whole months May, Jun, Jul → (3 + 0 + 2) / 3.
    expect(chart.points.map((p) => p.excluded)).toEqual([true, false, false, false, true]);
    expect(chart.phases[0]!.centre).toBeCloseTo(5 / 3, 12);
    expect(chart.warnings.find((w) => w.code === "empty-periods")!.message).toBe("Jun 2024 had no rows: drawn as 0 (a count of events; it lies between the first and the last row)");
  });

  it("an --as-of inside an added month keeps it partial: Sep 2024 (no rows; data up to 15 Sep 2024 only)", async () => {
    const chart = await chartOf([...ARGS, "--chart", "c", "--as-of", "15/09/2024"]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 3, 0, 2, 3, 0]);
    expect(chart.points.map((p) => p.excluded)).toEqual([true, false, false, false, false, true]);
    expect(chart.phases[0]!.centre).toBe(2);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toContain("Sep 2024 (no rows; data up to 15 Sep 2024 only)");
  });

  it("a mean of no rows is no value: June is left out, and the note says so", async () => {
    const chart = await chartOf([...ARGS, "--chart", "run", "--aggregate", "mean"]);
    expect(chart.points.map((p) => p.x)).toEqual(["2024-04-01", "2024-05-01", "2024-07-01", "2024-08-01"]);
    expect(chart.warnings.find((w) => w.code === "empty-periods")!.message).toBe("Jun 2024 had no rows: left out, not drawn as 0 (a mean of no rows is not a number)");
  });

  it("a u chart with --n invents no zero: June is left out with a note", async () => {
    const csv = `Date Accommodated,n1,days\n${EVENTS.map((d) => `${d},1,30`).join("\n")}\n`;
    const chart = await chartOf([...ARGS, "--chart", "u", "--n", "days"], { "e.csv": csv });
    expect(chart.points).toHaveLength(4);
    expect(chart.warnings.find((w) => w.code === "empty-periods")!.message).toBe("Jun 2024 had no rows: left out, not drawn as 0 (a u chart's point is y / n, and no rows give no denominator)");
  });

  it("monthly rows with a month missing stay a gap, without a note", async () => {
    const csv = "Month,count\nJan 2024,4\nFeb 2024,5\nApr 2024,6\n";
    const chart = await chartOf(["--x", "Month", "--y", "count", "--chart", "c", "--period", "quarter", "--json"], { "e.csv": csv });
    expect(chart.points.map((p) => p.y)).toEqual([9, 6]);
    expect(chart.warnings.map((w) => w.code)).not.toContain("empty-periods");
  });
});

// The same trial: every period partial left nothing to analyse, yet the verdict read "common-cause
// variation only" (c chart), or the error blamed an --exclude never given (run chart).
describe.skipIf(!HAVE_BIN).concurrent("every period partial: insufficient data, and the error names the partial periods", { timeout: 120_000 }, () => {
  const fy = "Panel Date,panels\n12/04/2023,1\n15/04/2023,1\n20/09/2023,1\n05/05/2024,1\n18/02/2025,1\n";
  it("a c chart of two partial financial years says no point was analysed", async () => {
    const r = await run(["analyse", "fy.csv", "--x", "Panel Date", "--dates", "uk", "--y", "panels", "--chart", "c", "--period", "financial-year"], tempDir({ "fy.csv": fy }));
    expect(r.stdout).toContain("Phase 1 (points 1–2): no values.\nNo signals were looked for: no point was analysed (every point is excluded or has no value), so there are too few data to call the variation common cause only (insufficient data).\n");
    expect(r.stdout).not.toContain("common-cause variation only");
  });

  it("a run chart whose CLAS years are all partial: the error names them, not --exclude", async () => {
    const bounds = "Date,v\n31/03/2024,1\n01/04/2024,2\n30/06/2024,3\n01/07/2024,4\n31/07/2024,5\n01/08/2024,6\n31/03/2025,7\n";
    const r = await run(["analyse", "b.csv", "--x", "Date", "--dates", "uk", "--y", "v", "--period", "clas-year", "--aggregate", "sum"], tempDir({ "b.csv": bounds }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "pace-qi: b.csv: no point is left for the centre line and the rules: 2023/24 (rows from 31 Mar 2024 only), 2024/25 (rows up to 31 Mar 2025 only) sum only part of their CLAS year (partial periods are left out); give --from DATE or --as-of DATE (the first or last day the data cover) if the data cover more, or give a shorter --period\n",
    );
  });
});

// --from DATE: the first day the data cover, as --as-of is the last.
describe.skipIf(!HAVE_BIN).concurrent("--from: the first day the data cover", { timeout: 120_000 }, () => {
  it("--from 01/04/2024 makes April whole: (2 + 3 + 0 + 2 + 3 + 0) / 6 = 1.6667, UCL 1.6667 + 3√1.6667 = 5.5397", async () => {
    const chart = await chartOf([...ARGS, "--chart", "c", "--aggregate", "count", "--as-of", "30/09/2024", "--from", "01/04/2024"]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 3, 0, 2, 3, 0]);
    expect(chart.points.some((p) => p.excluded)).toBe(false);
    expect(chart.phases[0]!.centre).toBeCloseTo(10 / 6, 12);
    expect(chart.points[0]!.ucl).toBeCloseTo(10 / 6 + 3 * Math.sqrt(10 / 6), 12);
    expect(chart.warnings.map((w) => w.code)).not.toContain("partial-period");
    expect(chart.warnings.find((w) => w.code === "empty-periods")!.message).toBe("Jun 2024, Sep 2024 had no rows: drawn as 0 (a count of rows; --from 1 Apr 2024 and --as-of 30 Sep 2024 say the data cover them)");
  });

  it("--from 15/03/2024: March is drawn as 0, part of its month", async () => {
    const chart = await chartOf([...ARGS, "--chart", "c", "--as-of", "30/09/2024", "--from", "15/03/2024"]);
    expect(chart.points.map((p) => p.y)).toEqual([0, 2, 3, 0, 2, 3, 0]);
    expect(chart.points.map((p) => p.excluded)).toEqual([true, false, false, false, false, false, false]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("Mar 2024 (data from 15 Mar 2024 only) sums only part of its month: drawn, but left out of the centre line and the rules");
  });

  it("a row before --from is an error naming it; a bad date is a usage error", async () => {
    const dir = tempDir({ "e.csv": eventsCsv });
    const before = await run(["analyse", "e.csv", ...ARGS, "--chart", "c", "--from", "05/05/2024"], dir);
    expect(before.code).toBe(1);
    expect(before.stderr).toBe("pace-qi: e.csv: row 2, column Date Accommodated: '03/04/2024' is before --from 5 May 2024 (and 2 more rows); --from is the first day the data cover: correct the date, or give the first day of the extract\n");
    const bad = await run(["analyse", "e.csv", ...ARGS, "--chart", "c", "--from", "5/4"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--from '5/4' is not a date (dd/mm/yyyy)");
  });
});

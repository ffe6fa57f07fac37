import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// Session 13: --aggregate count counts the rows whose y cell has a value (docs/cli.md: "rows with
// a value: any cell that is not blank, NA or an --na gap"). A row with a blank y is not one, and
// is not counted (the period-rollup note says so); it does not leave the count short, so it no
// longer makes its period partial (May was left out of the centre line for one blank placement
// type). A sum still is: a blank is a value not known.

/** Accommodations Apr–Sep 2024, one on 2 May with no placement type: Apr 2, May 2 (+1 blank), Jun 0, Jul 2, Aug 2, Sep 2. */
const csv = `Date Accommodated,Placement Type,Children
03/04/2024,Foster care,1
17/04/2024,Kinship,1
02/05/2024,,
09/05/2024,Foster care,1
21/05/2024,Kinship,2
11/07/2024,Foster care,1
12/07/2024,Kinship,1
01/08/2024,Foster care,1
15/08/2024,Residential,1
05/09/2024,Kinship,1
27/09/2024,Foster care,1
`;
const ARGS = ["analyse", "b.csv", "--x", "Date Accommodated", "--dates", "uk", "--chart", "c", "--period", "month", "--from", "01/04/2024", "--as-of", "30/09/2024", "--json"];

interface Chart {
  points: { y: number; excluded: boolean }[];
  phases: { centre: number }[];
  warnings: { code: string; message: string }[];
}
const chartOf = async (args: readonly string[], file = csv): Promise<Chart> => {
  const r = await run(args, tempDir({ "b.csv": file }));
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Chart;
};

describe.skipIf(!HAVE_BIN).concurrent("--aggregate count: a blank y cell makes no period partial", { timeout: 120_000 }, () => {
  it("May (one row with no placement type) is a whole count of 2: centre (2 + 2 + 0 + 2 + 2 + 2) / 6 = 5/3", async () => {
    const chart = await chartOf([...ARGS, "--y", "Placement Type", "--aggregate", "count"]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 2, 0, 2, 2, 2]);
    expect(chart.points.some((p) => p.excluded)).toBe(false);
    // It was (2 + 0 + 2 + 2 + 2) / 5 = 1.6, May left out as "1 row with no value".
    expect(chart.phases[0]!.centre).toBeCloseTo(5 / 3, 12);
    expect(chart.warnings.map((w) => w.code)).not.toContain("partial-period");
    // The blank row is not counted, and the note says so.
    // (Under --period the library's rows-combined ends the period-rollup note: one note, not two.)
    expect(chart.warnings.filter((w) => /period-rollup|rows-combined/.test(w.code))).toEqual([
      { code: "period-rollup", message: "11 rows rolled up into 5 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count); 1 of these rows has no value and was not counted." },
    ]);
  });

  it("a sum still leaves May out: its blank is a number not known (Children: 3 of May's rows known)", async () => {
    const chart = await chartOf([...ARGS, "--y", "Children"]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 3, 0, 2, 2, 2]);
    expect(chart.points.map((p) => p.excluded)).toEqual([false, true, false, false, false, false]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("May 2024 (1 row with no value) sums only part of its month: drawn, but left out of the centre line and the rules");
  });

  it("under count a last month whose only row is blank is a 0 and, cut by --as-of, partial", async () => {
    const file = `${csv}03/10/2024,,\n`;
    const chart = await chartOf([...ARGS.slice(0, -3), "--as-of", "15/10/2024", "--json", "--y", "Placement Type", "--aggregate", "count"], file);
    expect(chart.points.map((p) => p.y)).toEqual([2, 2, 0, 2, 2, 2, 0]);
    expect(chart.points.map((p) => p.excluded)).toEqual([false, false, false, false, false, false, true]);
    expect(chart.warnings.find((w) => w.code === "partial-period")!.message).toBe("Oct 2024 (rows up to 15 Oct 2024 only) sums only part of its month: drawn, but left out of the centre line and the rules");
  });
});

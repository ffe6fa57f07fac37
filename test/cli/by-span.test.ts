import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";
import { teamsCsv } from "./teams.js";

// Session 13: with --by each group's data ended on its own last row, so North, whose last
// accommodation was on 15 Aug, got no September while South (last on 27 Sep) had one; and the
// last month was partial for each group on its own last date. The span of the data is the
// file's (or --from's and --as-of's), the same for every group.

const ARGS = ["analyse", "t.csv", "--x", "Date Accommodated", "--dates", "uk", "--y", "Placement Type", "--aggregate", "count", "--chart", "c", "--period", "month", "--by", "Team", "--json"];
const MONTHS = ["2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01"];

interface Chart {
  points: { x: string; y: number; excluded: boolean }[];
  phases: { centre: number }[];
  warnings: { code: string; message: string }[];
}
const groupsOf = async (args: readonly string[], csv = teamsCsv): Promise<Record<string, Chart>> => {
  const r = await run(args, tempDir({ "t.csv": csv }));
  expect(r.stderr).toBe("");
  return Object.fromEntries((JSON.parse(r.stdout) as { key: string; chart: Chart }[]).map((g) => [g.key, g.chart]));
};
const note = (chart: Chart, code: string): string | undefined => chart.warnings.find((w) => w.code === code)?.message;

describe.skipIf(!HAVE_BIN).concurrent("--by: every group's data span the file's first and last rows", { timeout: 120_000 }, () => {
  it("a note about the whole file (--aggregate count's text cells) is printed once above the groups, and kept in each group's JSON (second user trial)", async () => {
    const r = await run(ARGS.filter((a) => a !== "--json"), tempDir({ "t.csv": teamsCsv }));
    expect(r.stderr).toBe("");
    expect(r.stdout.split("counts the rows whose Placement Type is not blank")).toHaveLength(2);
    expect(r.stdout.startsWith("Note: --aggregate count counts the rows whose Placement Type is not blank: 11 cells are text")).toBe(true);
    // What is plotted is a count of rows, named so (the axis read "Placement Type" over counts).
    expect(r.stdout).toContain("Team = North: 6 points of Rows counted (Placement Type) by month (c chart");
    const dir = tempDir({ "t.csv": teamsCsv });
    await run([...ARGS.filter((a) => a !== "--json"), "--svg", "c.svg"], dir);
    expect(readFileSync(join(dir, "c-North.svg"), "utf8")).toContain(">Rows counted (Placement Type)</text>");
    const { North, South } = await groupsOf(ARGS);
    expect([note(North!, "count-text"), note(South!, "count-text")].every((m) => m?.includes("11 cells are text"))).toBe(true);
  });

  it("North gets September as 0 (its last row is 15 Aug); both end on 27 Sep: Apr and Sep partial in both", async () => {
    const { North, South } = await groupsOf(ARGS);
    expect(North!.points.map((p) => p.x)).toEqual(MONTHS);
    expect(North!.points.map((p) => p.y)).toEqual([1, 2, 0, 1, 2, 0]);
    expect(South!.points.map((p) => p.y)).toEqual([1, 1, 0, 1, 0, 2]);
    // The first and last month are partial in both groups, on the file's first and last rows.
    expect(North!.points.map((p) => p.excluded)).toEqual([true, false, false, false, false, true]);
    expect(South!.points.map((p) => p.excluded)).toEqual([true, false, false, false, false, true]);
    // Whole months May–Aug: North (2 + 0 + 1 + 2) / 4 = 1.25, South (1 + 0 + 1 + 0) / 4 = 0.5.
    expect(North!.phases[0]!.centre).toBe(1.25);
    expect(South!.phases[0]!.centre).toBe(0.5);
    expect(note(North!, "empty-periods")).toBe("Jun 2024, Sep 2024 had no rows (Team 'North'): drawn as 0 (a count of rows; every Team's data cover 3 Apr 2024 to 27 Sep 2024: the file's first and last rows)");
    expect(note(North!, "partial-period")).toBe(
      "Apr 2024 (the file's rows from 3 Apr 2024 only), Sep 2024 (no rows; data up to 27 Sep 2024 only) sum only part of their month: drawn, but left out of the centre line and the rules; give --from DATE, the first day the data cover, if they cover the whole of Apr 2024, or --as-of DATE, the extract date, if the data cover the whole of Sep 2024",
    );
    expect(note(South!, "partial-period")).toBe(
      "Apr 2024 (the file's rows from 3 Apr 2024 only), Sep 2024 (the file's rows up to 27 Sep 2024 only) sum only part of their month: drawn, but left out of the centre line and the rules; give --from DATE, the first day the data cover, if they cover the whole of Apr 2024, or --as-of DATE, the extract date, if the data cover the whole of Sep 2024",
    );
  });

  it("--from 01/04/2024 --as-of 30/09/2024: every month whole in both; North (1 + 2 + 0 + 1 + 2 + 0) / 6 = 1, South 5 / 6", async () => {
    const { North, South } = await groupsOf([...ARGS, "--from", "01/04/2024", "--as-of", "30/09/2024"]);
    expect(North!.points.map((p) => p.y)).toEqual([1, 2, 0, 1, 2, 0]);
    expect([...North!.points, ...South!.points].some((p) => p.excluded)).toBe(false);
    expect(North!.phases[0]!.centre).toBe(1);
    expect(South!.phases[0]!.centre).toBeCloseTo(5 / 6, 12);
    expect(note(North!, "empty-periods")).toBe("Jun 2024, Sep 2024 had no rows (Team 'North'): drawn as 0 (a count of rows; every Team's data cover 1 Apr 2024 to 30 Sep 2024: --from and --as-of)");
  });

  it("--as-of 15/10/2024: October is a 0 for both, partial in both", async () => {
    const { North, South } = await groupsOf([...ARGS, "--as-of", "15/10/2024"]);
    for (const chart of [North!, South!]) {
      expect(chart.points.map((p) => p.x)).toEqual([...MONTHS, "2024-10-01"]);
      expect(chart.points.map((p) => p.excluded)).toEqual([true, false, false, false, false, false, true]);
      expect(note(chart, "partial-period")).toContain("Oct 2024 (no rows; data up to 15 Oct 2024 only)");
    }
    expect(note(South!, "empty-periods")).toBe("Jun 2024, Aug 2024, Oct 2024 had no rows (Team 'South'): drawn as 0 (a count of rows; every Team's data cover 3 Apr 2024 to 15 Oct 2024: the file's first row and --as-of)");
  });
});

// Monthly rows (ISO dates on the 1st) by team: the file's months, not the team's, are the span;
// a quarter in which a team has a month without a row sums part of it.
describe.skipIf(!HAVE_BIN).concurrent("--by on monthly rows: a quarter with a team's month missing is partial", { timeout: 120_000 }, () => {
  // North: Jul–Nov 2023 without Aug (its Q3 is Jul + Sep, its Q4 Oct + Nov); South: Jul 2023–Feb 2024.
  const csv = `Month,Team,Referrals
2023-07-01,North,10
2023-09-01,North,12
2023-10-01,North,11
2023-11-01,North,9
2023-07-01,South,7
2023-08-01,South,8
2023-09-01,South,6
2023-10-01,South,9
2023-11-01,South,7
2023-12-01,South,8
2024-01-01,South,6
2024-02-01,South,5
`;
  const args = ["analyse", "t.csv", "--x", "Month", "--y", "Referrals", "--chart", "c", "--period", "quarter", "--by", "Team", "--json"];

  it("North: Q3 (no row for Aug 2023) and Q4 (no row for Dec 2023); South: 2024 Q1 ends with the file's last month", async () => {
    const { North, South } = await groupsOf(args, csv);
    expect(North!.points.map((p) => [p.x, p.y, p.excluded])).toEqual([["2023-07-01", 22, true], ["2023-10-01", 20, true]]);
    expect(note(North!, "partial-period")).toBe("2023 Q3 (no row for Aug 2023), 2023 Q4 (no row for Dec 2023) sum only part of their quarter: drawn, but left out of the centre line and the rules");
    // South: Q3 21, Q4 24, 2024 Q1 11 (Jan + Feb): centre (21 + 24) / 2 = 22.5.
    expect(South!.points.map((p) => [p.y, p.excluded])).toEqual([[21, false], [24, false], [11, true]]);
    expect(South!.phases[0]!.centre).toBe(22.5);
    expect(note(South!, "partial-period")).toBe("2024 Q1 (the file's rows are monthly and the last is Feb 2024) sums only part of its quarter: drawn, but left out of the centre line and the rules");
    expect(note(North!, "empty-periods")).toBeUndefined();
  });
});

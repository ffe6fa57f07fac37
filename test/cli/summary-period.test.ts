import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";
import { teamsCsv } from "./teams.js";

// Session 13: `summary` had no --period and no --from, so a board summary of event-dated rows
// (one row per accommodation) could not be rolled up into months as `analyse` does. They are
// analyse's, on the same code path (src/cli/rollUp.ts): empty periods drawn as 0, partial periods
// left out of the centre line, each with its note per series, and --as-of as analyse reads it.

const COLUMNS = ["--x", "Date Accommodated", "--dates", "uk", "--y", "Placement Type", "--aggregate", "count", "--chart", "c", "--period", "month"];
const SUMMARY = ["summary", "t.csv", ...COLUMNS, "--group", "Team", "--json"];

interface Summary {
  rows: { group: string; centre: number; latest: { x: string; y: number; label: string } }[];
  warnings: { code: string; group?: string; message: string }[];
}
interface Chart {
  phases: { centre: number }[];
  points: { x: string; y: number }[];
}
const summaryOf = async (args: readonly string[], files: Record<string, string> = { "t.csv": teamsCsv }): Promise<Summary> => {
  const r = await run(args, tempDir(files));
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Summary;
};
const warning = (s: Summary, code: string, group: string): string | undefined => s.warnings.find((w) => w.code === code && w.group === group)?.message;

describe.skipIf(!HAVE_BIN).concurrent("summary --period and --from, as analyse", { timeout: 120_000 }, () => {
  it("months of counted events per team: zeros drawn, Apr and Sep partial in both (the file's span), centres 1.25 and 0.5", async () => {
    const s = await summaryOf(SUMMARY);
    const [north, south] = s.rows.sort((a, b) => a.group.localeCompare(b.group));
    // Whole months May–Aug: North (2 + 0 + 1 + 2) / 4 = 1.25, South (1 + 0 + 1 + 0) / 4 = 0.5.
    expect(north!.centre).toBe(1.25);
    expect(south!.centre).toBe(0.5);
    // North's September is a count of 0, drawn (its last accommodation was on 15 Aug).
    // A partial period (September runs to 27 Sep): latest.partial, so the board says so rather than "excluded".
    expect(north!.latest).toEqual({ x: "2024-09-01", y: 0, label: "Sep 2024", excluded: true, partial: true });
    // How the rows combine ends the roll-up note: the library's rows-combined said it again (a user trial).
    expect(warning(s, "period-rollup", "North")).toBe("Placement Type (North): 6 rows rolled up into 4 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count).");
    expect(s.warnings.filter((w) => w.code === "rows-combined" || w.code === "aggregate-unused")).toEqual([]);
    expect(warning(s, "empty-periods", "North")).toBe("Placement Type (North): Jun 2024, Sep 2024 had no rows: drawn as 0 (a count of rows; every series' data cover 3 Apr 2024 to 27 Sep 2024: the file's first and last rows)");
    expect(warning(s, "partial-period", "South")).toBe(
      "Placement Type (South): Apr 2024 (the file's rows from 3 Apr 2024 only), Sep 2024 (the file's rows up to 27 Sep 2024 only) sum only part of their month: drawn, but left out of the centre line and the rules; give --from DATE, the first day the data cover, if they cover the whole of Apr 2024, or --as-of DATE, the extract date, if the data cover the whole of Sep 2024",
    );
  });

  it("--from 01/04/2024 --as-of 30/09/2024: every month whole; centres (1 + 2 + 0 + 1 + 2 + 0) / 6 = 1 and 5 / 6", async () => {
    const s = await summaryOf([...SUMMARY, "--from", "01/04/2024", "--as-of", "30/09/2024"]);
    const [north, south] = s.rows.sort((a, b) => a.group.localeCompare(b.group));
    expect(north!.centre).toBe(1);
    expect(south!.centre).toBeCloseTo(5 / 6, 12);
    expect(s.warnings.map((w) => w.code)).not.toContain("partial-period");
  });

  for (const flags of [[], ["--as-of", "15/10/2024"], ["--from", "15/03/2024", "--as-of", "30/09/2024"]]) {
    it(`each series' centre and latest point are analyse --by's (${flags.join(" ") || "no flags"})`, async () => {
      const dir = tempDir({ "t.csv": teamsCsv });
      const s = JSON.parse((await run([...SUMMARY, ...flags], dir)).stdout) as Summary;
      const a = JSON.parse((await run(["analyse", "t.csv", ...COLUMNS, "--by", "Team", "--json", ...flags], dir)).stdout) as { key: string; chart: Chart }[];
      for (const { key, chart } of a) {
        const row = s.rows.find((r) => r.group === key)!;
        expect(row.centre).toBe(chart.phases[0]!.centre);
        expect(row.latest.x).toBe(chart.points[chart.points.length - 1]!.x);
        expect(row.latest.y).toBe(chart.points[chart.points.length - 1]!.y);
      }
    });
  }

  it("monthly rows (ISO dates on the 1st) by quarter: Jan + Feb 2024 stay a partial quarter with --as-of 31/03/2024", async () => {
    const csv = "Month,Referrals\n2023-07-01,10\n2023-08-01,8\n2023-09-01,12\n2023-10-01,12\n2023-11-01,9\n2023-12-01,14\n2024-01-01,11\n2024-02-01,10\n";
    const s = await summaryOf(["summary", "m.csv", "--x", "Month", "--y", "Referrals", "--chart", "c", "--period", "quarter", "--as-of", "31/03/2024", "--dates", "uk", "--json"], { "m.csv": csv });
    // (30 + 35) / 2: 2024 Q1 (21) is drawn but left out.
    expect(s.rows[0]!.centre).toBe(32.5);
    expect(s.rows[0]!.latest).toEqual({ x: "2024-01-01", y: 21, label: "2024 Q1", excluded: true, partial: true });
    expect(s.warnings.find((w) => w.code === "partial-period")!.message).toBe("Referrals: 2024 Q1 (the rows are monthly and the last is Feb 2024) sums only part of its quarter: drawn, but left out of the centre line and the rules");
  });

  it("the errors are analyse's: --period on numbers, rows sharing a month on a run chart, --from on monthly rows or after a row", async () => {
    const dir = tempDir({ "t.csv": teamsCsv, "m.csv": "Month,Referrals\n2024-01-01,3\n2024-02-01,4\n", "n.csv": "Week,Referrals\n1,3\n2,4\n", "d.csv": "Date Accommodated,Days to placement\n03/04/2024,12\n09/04/2024,30\n02/05/2024,7\n" });
    const numbers = await run(["summary", "n.csv", "--x", "Week", "--y", "Referrals", "--period", "month"], dir);
    expect(numbers.code).toBe(2);
    expect(numbers.stderr).toContain("pace-qi summary: --period month: column Week holds numbers, not dates");
    const shared = await run(["summary", "d.csv", "--x", "Date Accommodated", "--dates", "uk", "--y", "Days to placement", "--period", "month"], dir);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toContain("pace-qi summary: --period month: say how the rows of a month combine with --aggregate sum, mean, median, count or sd");
    const monthly = await run(["summary", "m.csv", "--x", "Month", "--y", "Referrals", "--chart", "c", "--period", "quarter", "--from", "2024-01-01"], dir);
    expect(monthly.code).toBe(2);
    expect(monthly.stderr).toContain("--from is the first day event dates cover: column Month holds monthly rows (every date is on the 1st of a month), each month whole");
    const before = await run([...SUMMARY, "--from", "01/05/2024"], dir);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("t.csv: row 2, column Date Accommodated: '03/04/2024' is before --from 1 May 2024 (and 1 more row);");
  });

  it("--help lists --period and --from", async () => {
    const r = await run(["summary", "--help"], tempDir({}));
    expect(r.stdout).toMatch(/--period P\s/);
    expect(r.stdout).toMatch(/--from DATE\s/);
  });
});

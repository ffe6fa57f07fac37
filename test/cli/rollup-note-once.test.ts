import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";
import { teamsCsv } from "./teams.js";

// A user trial: `analyse --period month` on event rows printed "117 rows rolled up into 35 months
// (…)" and then "111 rows share an x with another row (29 x values, …): the rows with a value
// were counted" — the library's rows-combined note said again what the roll-up note says. One
// note now says both: how the rows were rolled up, and how the rows of a period combine.

const COLUMNS = ["--x", "Date Accommodated", "--dates", "uk", "--y", "Placement Type", "--aggregate", "count", "--chart", "c", "--period", "month"];
const notes = (stdout: string): string[] => stdout.split("\n").filter((l) => l.startsWith("Note: "));

describe.skipIf(!HAVE_BIN).concurrent("--period: one note for the roll-up, not a second 'rows share an x'", { timeout: 120_000 }, () => {
  it("analyse: 11 rows into 5 months, counted (Apr, May, Jul, Aug and Sep each have 2 or 3 rows)", async () => {
    const r = await run(["analyse", "t.csv", ...COLUMNS], tempDir({ "t.csv": teamsCsv }));
    expect(r.stderr).toBe("");
    expect(notes(r.stdout).filter((n) => /rolled up|share an x/.test(n))).toEqual(["Note: 11 rows rolled up into 5 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count)."]);
  });

  it("analyse --by Team: one such note per team", async () => {
    const r = await run(["analyse", "t.csv", ...COLUMNS, "--by", "Team"], tempDir({ "t.csv": teamsCsv }));
    expect(r.stderr).toBe("");
    expect(notes(r.stdout).filter((n) => /rolled up|share an x/.test(n))).toEqual([
      "Note: 6 rows (Team 'North') rolled up into 4 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count).",
      "Note: 5 rows (Team 'South') rolled up into 4 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count).",
    ]);
  });

  it("summary --group Team: one per series, and no 'nothing was combined'", async () => {
    const r = await run(["summary", "t.csv", ...COLUMNS, "--group", "Team"], tempDir({ "t.csv": teamsCsv }));
    expect(r.stderr).toBe("");
    expect(notes(r.stdout).filter((n) => /rolled up|share an x|combined/.test(n))).toEqual([
      "Note: Placement Type (North): 6 rows rolled up into 4 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count).",
      "Note: Placement Type (South): 5 rows rolled up into 4 months (each date read as the month it falls in): the rows with a value were counted (--aggregate count).",
    ]);
  });

  it("without --period the library's note is kept as it was", async () => {
    const csv = "Month,Referrals\nJan 2024,4\nJan 2024,5\nFeb 2024,6\nMar 2024,7\n";
    const r = await run(["analyse", "m.csv", "--x", "Month", "--y", "Referrals", "--aggregate", "sum"], tempDir({ "m.csv": csv }));
    expect(notes(r.stdout).filter((n) => /rolled up|share an x/.test(n))).toEqual(["Note: 2 rows share an x with another row (1 x value, the first in Jan 2024): their values were summed (--aggregate sum)."]);
  });
});

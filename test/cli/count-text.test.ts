import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// A user trial: --aggregate count over a text column (placement type) gave one "is not a number"
// error per row. A count of rows needs no numbers: a cell that is not blank (NA, an --na gap) counts.

const csv = "Date,Placement,Team\n03/04/2024,Kinship,A\n10/04/2024,Foster,A\n02/05/2024,NA,B\n09/05/2024,*,B\n21/05/2024,Residential,A\n22/05/2024,4,A\n01/06/2024,Foster,B\n30/06/2024,Kinship,B\n";
// Apr: Kinship, Foster → 2; May: NA (missing), * (--na gap), Residential, 4 → 2; Jun: 2.

describe.skipIf(!HAVE_BIN).concurrent("--aggregate count counts rows whose y is not blank, text too", { timeout: 120_000 }, () => {
  it("analyse: 2, 2, 2 by month, with a count-text note", async () => {
    const r = await run(["analyse", "t.csv", "--x", "Date", "--dates", "uk", "--y", "Placement", "--aggregate", "count", "--period", "month", "--na", "*", "--json"], tempDir({ "t.csv": csv }));
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: { y: number }[]; warnings: { code: string; message: string }[] };
    expect(chart.points.map((p) => p.y)).toEqual([2, 2, 2]);
    expect(chart.warnings.find((w) => w.code === "count-text")!.message).toBe("--aggregate count counts the rows whose Placement is not blank: 5 cells are text (such as 'Kinship'), each counted as one row");
    expect(chart.warnings.find((w) => w.code === "na-gaps")!.message).toBe("--na: 1 cell read as gaps (column Placement: '*' ×1)");
  });

  it("summary: the same counts per team", async () => {
    const r = await run(["summary", "t.csv", "--x", "Date", "--dates", "uk", "--y", "Placement", "--group", "Team", "--aggregate", "count", "--na", "*", "--json"], tempDir({ "t.csv": csv }));
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("--aggregate count counts the rows whose Placement is not blank: 5 cells are text (such as 'Kinship'), each counted as one row");
  });

  it("other aggregates still need numbers", async () => {
    const r = await run(["analyse", "t.csv", "--x", "Date", "--dates", "uk", "--y", "Placement", "--aggregate", "sum", "--period", "month", "--na", "*"], tempDir({ "t.csv": csv }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("row 2, column Placement: 'Kinship' is not a number");
  });
});

// `pace-qi timescales` reads clean records once for the data check and the stages
// (paceTimescales' `check` option) and falls back to the check on its own, then the stages,
// wherever that would say something else: these are the cases a review found, each with the
// output the command gave before the one read (issue #12, docs/performance.md session 9).
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const ARGS = ["--dates", "uk", "--as-of", "31/12/2024", "--out", "o"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: one read for the check and the stages", { timeout: 120_000 }, () => {
  it("prints the check's summary before the timescales, as pace-qi check words it", async () => {
    const csv = "Child ID,Date Accommodated,Perm Rec Date,Ceased\nC1,9/1/2024,02/05/2024,1/3/2024\nC2,01/02/2024,15/07/2024,\n";
    const dir = tempDir({ "t.csv": csv });
    const t = await run(["timescales", "t.csv", ...ARGS], dir);
    const c = await run(["check", "t.csv", "--dates", "uk", "--as-of", "31/12/2024", "--out", "c"], dir);
    expect([t.code, c.code]).toEqual([0, 0]);
    const problem = "the latest date in the data, 2024-07-15, is 169 days before the extract date 2024-12-31 (more than 60): is this an old extract?";
    expect(t.stdout).toContain(problem);
    expect(c.stdout).toContain(problem);
    expect(t.stdout.indexOf("Data check of t.csv")).toBeLessThan(t.stdout.indexOf("t.csv: as of 2024-12-31"));
  });

  it("prints the check, then stops where the stages refuse what the check let through", async () => {
    const csv = "Child ID,Date Accommodated,Perm Rec Date,Panel\nC1,9/1/2024,02/05/2024,1/4/2024\nC2,01/02/2024,15/07/2024,\n";
    const r = await run(["timescales", "t.csv", ...ARGS], tempDir({ "t.csv": csv }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('row 2, column Panel: child "C1": permanence-panel on 2024-04-01 is before permanence-recommendation on 2024-05-02, which comes first on the route');
    expect(r.stderr).toContain('t.csv: row 2, column Panel: child "C1": permanence-panel on 2024-04-01 is before permanence-recommendation on 2024-05-02 (negative duration');
    expect(r.stderr.match(/negative duration/g)).toHaveLength(1);
  });

  // The library merges a repeated wide row unread, and reads no date of birth on a row without a child.
  it.each([
    ["on a repeated wide row", "Child ID,Date of Birth,Date Accommodated,Perm Rec Date\nC01,14/05/2019,9/1/2024,02/05/2024\nC01,31/02/2019,9/1/2024,02/05/2024\nC02,3/3/2020,01/02/2024,15/07/2024\n", "row 3", "31/02/2019"],
    ["on a row without a child", "Child Ref,Event,Event Date,Date of Birth\nL01,Date Accommodated,3/4/2023,1/1/2015\nL01,Perm Rec,01/08/2023,1/1/2015\n,Perm Rec,01/08/2023,31/02/2015\n", "row 4", "31/02/2015"],
  ])("stops on a bad date of birth %s, naming its cell", async (_, csv, row, value) => {
    const r = await run(["timescales", "b.csv", ...ARGS], tempDir({ "b.csv": csv }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`b.csv: ${row}, column Date of Birth: '${value}' is not a date (expected dd/mm/yyyy)`);
  });

  it("takes a date of birth of Unicode white space for a blank", async () => {
    const csv = "Child Ref,Event,Event Date,Date of Birth\nL01,Date Accommodated,3/4/2023,\u00a0\nL01,Perm Rec,01/08/2023,1/1/2015\n";
    const r = await run(["timescales", "b.csv", ...ARGS], tempDir({ "b.csv": csv }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Data check of b.csv: 2 rows, 1 child");
  });

  it("converts the dates itself when the check finds one impossible that the library would read", async () => {
    const csv = "Child ID,Date Accommodated,Perm Rec Date\nC1,9/1/2024,3/4/1850\nC2,01/02/2024,15/07/2024\n";
    const r = await run(["timescales", "p.csv", ...ARGS], tempDir({ "p.csv": csv }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('row 2, column Perm Rec Date: child "C1": 1850-04-03 is before 1900: a typo?');
    expect(r.stdout).not.toContain("as of 2024-12-31\n\nstage");
  });
});

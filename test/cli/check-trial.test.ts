// pace-qi check / timescales on the files of a user trial that found defects in the data check:
// each case failed before its fix (the library side is test/timescales/checkTrial.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const HEADER = "Child ID,Team,Date of Birth,Date Accommodated,LAAC Review,Perm Rec Date,Panel,ADM,Petition,Order Granted,Order Type,Returned Home,Ceased,Notes";
const ROWS = [
  "C01,North,14/05/2019,9/1/2024,10/04/2024,02/05/2024,06/08/2024,15/08/2024,01/10/2024,20/02/2025,POA,,,",
  "C04,South,2/2/2010,15/06/2024,,,,,,,,,01/05/2024,moved to relatives",
  "C07,North,8/8/2015,05/05/2023,,01/12/2023,01/03/2024,10/03/2024,01/09/2024,,,,01/06/2024,left care",
  "C08,South,9/9/2018,01/07/2023,,01/11/2023,15/01/2024,05/02/2024,01/04/2024,01/10/2024,s.11 kinship care order,,,",
];
const FILE = [HEADER, ...ROWS].join("\n");
const UK = ["--dates", "uk", "--as-of", "31/03/2025", "--order-type", "Order Type"];
const issuesOf = (dir: string, out = "check"): Record<string, string>[] => parse(readFileSync(join(dir, out, "check-issues.csv"), "utf8"), { columns: true });

describe.skipIf(!HAVE_BIN).concurrent("pace-qi check: defects of a user trial", { timeout: 60_000 }, () => {
  it("milestones after Ceased are reported (row as a number in the CSV; check.json keeps the index and adds sheetRow)", async () => {
    const dir = tempDir({ "t.csv": FILE });
    const r = await run(["check", "t.csv", ...UK], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('row 3, column Date Accommodated: child "C04": accommodated on 2024-06-15 is after the episode ended (ceased-looked-after on 2024-05-01)');
    expect(r.stdout).toContain('row 4, column Petition: child "C07": petition-lodged on 2024-09-01 is after the episode ended (ceased-looked-after on 2024-06-01)');
    expect(issuesOf(dir).map((i) => [i.code, i.child, i.row, i.column])).toEqual([
      ["out-of-order", "C04", "3", "Date Accommodated"],
      ["out-of-order", "C07", "4", "Petition"],
    ]);
    expect(readFileSync(join(dir, "check", "check-issues.csv"), "utf8").split("\n")[0]).toBe("kind,code,child,row,column,value,message");
    const json = JSON.parse(readFileSync(join(dir, "check", "check.json"), "utf8"));
    expect(json.issues.map((i: { row: number; sheetRow: number }) => [i.row, i.sheetRow])).toEqual([[1, 3], [2, 4]]);
  });

  it("an exact repeat of a row is listed by check and named by timescales' note", async () => {
    const dir = tempDir({ "t.csv": [HEADER, ROWS[0], "C02 ,North,3/3/2020, 01/02/2024 ,,15/07/2024,,,,,,,,", "C02,North,3/3/2020,01/02/2024,,15/07/2024,,,,,,,,"].join("\n") });
    const c = await run(["check", "t.csv", ...UK], dir);
    expect(c.stdout).toContain('row 4, column Child ID: child "C02": this row repeats row 3 exactly (one row per child and episode): merged into it');
    const t = await run(["timescales", "t.csv", ...UK, "--out", "ts"], dir);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("rows repeating an earlier row of the same child (merged)");
    expect(t.stdout).toContain('Note: 1 wide row repeated an earlier row of the same child exactly and was merged: child "C02", row 4 (repeating row 3)');
  });

  it("errors name the file's column and the flag given, with did you mean", async () => {
    const dir = tempDir({ "t.csv": [FILE, "C04,South,2/2/2010,16/06/2024,,,,,,,,,01/05/2024,"].join("\n") });
    const t = await run(["timescales", "t.csv", ...UK], dir);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('pace-qi: t.csv: row 6, column Child ID: child "C04" has another row (row 3) with different dates in column "Date Accommodated"');
    const c = await run(["check", "t.csv", ...UK, "--column", "permanence-recommendation=Perm Rec Dat"], dir);
    expect(c.code).toBe(1);
    expect(c.stderr.split("\n")[0]).toMatch(/^pace-qi: t\.csv: no column "Perm Rec Dat" \(given as --column permanence-recommendation=…\): did you mean "Perm Rec Date"\? Columns: "Child ID"/);
    expect(c.stderr).not.toContain("--columns.");
    const o = await run(["check", "t.csv", "--dates", "uk"], dir);
    expect(o.stderr).toContain("name the column that holds each order's type with --order-type (e.g. --order-type \"Order Type\"), or map it with --column MILESTONE=Order Granted");
  });

  it("--stage in any case", async () => {
    const dir = tempDir({ "t.csv": FILE });
    const r = await run(["timescales", "t.csv", ...UK, "--stage", "Recommendation", "--target-Recommendation", "100"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "timescales", "durations.csv"), "utf8")).toMatch(/^recommendation,C01,/m);
  });

  it("impossible dates say what was meant: --dates uk, or the year in full", async () => {
    const dir = tempDir({ "t.csv": [HEADER, ROWS[0], "C09,North,10/10/2020,12/12/23,,,,,,,,,,"].join("\n") });
    const r = await run(["check", "t.csv", "--as-of", "2025-03-31", "--order-type", "Order Type"], dir);
    expect(r.stdout).toContain('row 2, column Date Accommodated: child "C01": "9/1/2024" is not a date (expected an ISO YYYY-MM-DD date or a valid Date; it looks like a day-first date: use --dates uk)');
    const u = await run(["check", "t.csv", ...UK], dir);
    expect(u.stdout).toContain('"12/12/23" is not a date (expected a day-first date (dd/mm/yyyy) or YYYY-MM-DD or a valid Date; two-digit years are not read (19xx or 20xx?): write the year in full)');
  });
});

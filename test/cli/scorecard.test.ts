import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// The worked example of docs/timescales.md (England's adoption scorecard), UK dates.
const ADOPTIONS = `child,milestone,date,team
A,looked-after,10/01/2021,North
A,placement-order,01/09/2021,North
A,matched,01/12/2021,North
A,placed-for-adoption,10/01/2022,North
A,adoption-order,01/07/2022,North
B,looked-after,01/06/2020,North
B,foster-for-adoption,01/08/2020,North
B,matched,15/01/2021,North
B,placement-order,01/02/2021,North
B,placed-for-adoption,01/05/2021,North
B,adoption-order,01/11/2021,North
C,looked-after,15/01/2020,South
C,placement-order,01/03/2021,South
C,matched,01/10/2021,South
C,placed-for-adoption,15/11/2021,South
C,adoption-order,01/05/2022,South
D,looked-after,01/06/2022,South
D,placement-order,10/01/2023,South
E,looked-after,01/02/2018,South
E,placement-order,01/01/2019,South
E,matched,01/05/2019,South
E,placed-for-adoption,01/06/2019,South
E,adoption-order,01/12/2020,South
`;

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales --scorecard", { timeout: 30_000 }, () => {
  it("prints and writes A1, A2, A3, A10 beside the censored estimate, by group", async () => {
    const dir = tempDir({ "adoptions.csv": ADOPTIONS });
    const r = await run(["timescales", "adoptions.csv", "--scorecard", "--dates", "uk", "--as-of", "31/03/2024", "--group", "team", "--out", "sc"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("children adopted 2021-04-01 to 2024-03-31 (3 years)");
    expect(r.stdout).toMatch(/A1 +456 +3 +426 +no +517\.5 \/ 510 +1/);
    expect(r.stdout).toMatch(/A10 +365 +3 +426 +yes +517\.5 \/ 442 +1/);
    expect(r.stdout).toContain("Warning (survivorship bias): A1 is over the 3 children adopted in the window only");
    const csv = readFileSync(join(dir, "sc", "scorecard.csv"), "utf8").trim().split("\n");
    expect(csv[1]).toBe("(all),A1,456.3333333333333,3,426,false,3,4,1,0,517.5,334,,509.75,670,,survivorship-bias");
    expect(csv[7]).toBe("North,A3,100,2,,,2,2,0,0,349.5,334,,349.5,365,100,");
    const json = JSON.parse(readFileSync(join(dir, "sc", "scorecard.json"), "utf8"));
    expect(json.overall.A2.value).toBeCloseTo(101.667, 3);
    expect(json.groups.map((g: { group: string }) => g.group)).toEqual(["North", "South"]);
  });

  it("stage flags are refused with --scorecard; --years only with it; --ages needs a date of birth", async () => {
    const dir = tempDir({ "adoptions.csv": ADOPTIONS });
    const a = await run(["timescales", "adoptions.csv", "--scorecard", "--stage", "panel"], dir);
    expect([a.code, a.stderr]).toEqual([2, expect.stringContaining("--stage: for the PACE stages, not --scorecard")]);
    const b = await run(["timescales", "adoptions.csv", "--years", "2"], dir);
    expect(b.stderr).toContain("--years is for --scorecard");
    const c = await run(["timescales", "adoptions.csv", "--ages", "0-4"], dir);
    expect(c.stderr).toContain("--ages needs the children's dates of birth");
    const d = await run(["timescales", "adoptions.csv", "--age-bands", "5,0", "--date-of-birth", "dob"], dir);
    expect(d.stderr).toMatch(/--age-bands .5,0. must be ascending/);
  });
});

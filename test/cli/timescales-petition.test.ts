// A petition lodged with no recommendation recorded (no order yet): `pace-qi timescales` listed the
// child on drift.csv for the recommendation (699 days, 517 over) and the check said nothing. Now
// the check's missing-earlier and the stage's missing-end name the same child.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const TRACKER = [
  "Child ID,Date Accommodated,Perm Rec Date,Panel,ADM,Petition Lodged,Order Granted,Order Type,Returned Home",
  "P1,01/02/2023,,,,01/06/2024,,,",
  "P2,01/02/2023,01/06/2023,01/08/2023,01/09/2023,01/12/2023,01/06/2024,PO,",
  "P3,01/03/2024,,,,,,,",
].join("\n");
const ARGS = ["--dates", "uk", "--as-of", "31/12/2024", "--order-type", "Order Type"];
const FLAG = '    row 2, column Perm Rec Date: child "P1": permanence-recommendation has no date, but petition-lodged on 2024-06-01 is recorded\n';

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales and check: a petition with no recommendation", { timeout: 120_000 }, () => {
  it("timescales: P1 is missing data for the recommendation, not on drift.csv; its check says missing-earlier", async () => {
    const dir = tempDir({ "t.csv": TRACKER });
    const r = await run(["timescales", "t.csv", ...ARGS, "--out", "o"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "o", "drift.csv"), "utf8")).toBe("stage,child,episode,from,start,daysOpen,target,daysOverTarget,route\nrecommendation,P3,1,accommodated,2024-03-01,305,182,123,\n");
    expect(readFileSync(join(dir, "o", "durations.csv"), "utf8").split("\n").filter((l) => l.startsWith("recommendation,P1,"))).toEqual([]);
    expect(r.stdout).toContain(FLAG);
    expect(r.stdout).toContain(
      "Note: recommendation: 1 episode has no permanence-recommendation or returned-home date though a later milestone of its route is recorded (missing-earlier in the data check): the stage ended on a date not recorded, so it is left out (not open, not on the drift list)\n",
    );
  });

  it("check: the same child, missing-earlier; the recommendation 1 of 2 complete", async () => {
    const r = await run(["check", "t.csv", ...ARGS, "--out", "c"], tempDir({ "t.csv": TRACKER }));
    expect(r.stdout).toContain(FLAG);
    expect(r.stdout).toMatch(/permanence-recommendation +2 +1 +50%\n/);
  });
});

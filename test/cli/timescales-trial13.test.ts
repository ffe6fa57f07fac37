// Second user trial (trial 13): a tracker with "Returned Home" and no "Perm Rec Date" column put
// C05, C04 and C02 on the drift list; one blank Order Type stopped the whole run (while the check
// said "it is left out"); "1 episodes never reached …".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const fixture = (name: string): string => readFileSync(join(__dirname, "..", "fixtures", "trial13", name), "utf8");
const ARGS = ["--dates", "uk", "--as-of", "31/03/2025", "--out", "o"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: trial 13", { timeout: 120_000 }, () => {
  it("a Returned Home column without a recommendation column: recommendation not estimated, nothing of it on drift.csv", async () => {
    const dir = tempDir({ "t.csv": fixture("tracker_home.csv") });
    const r = await run(["timescales", "t.csv", ...ARGS], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "o", "drift.csv"), "utf8")).toBe("stage,child,episode,from,start,daysOpen,target,daysOverTarget,route\nadm,C06,1,permanence-panel,2025-02-01,58,14,44,\n");
    expect(r.stdout).toContain("recommendation  not estimated     –     –       –                   –     182       –       –            –                              –\n");
    expect(r.stdout).toContain(
      "Note: recommendation not estimated: the file has no column for permanence-recommendation (the stage's end). If it has one, name it with --column permanence-recommendation=HEADER\n",
    );
    // Five stages are not estimated: the file's columns are said once, after their notes (each repeated them: a user trial).
    expect(r.stdout).toContain("Note: The file's columns, none of them read as the milestones above: Child ID, Date Accommodated, Returned Home, Panel, ADM, Ceased.\n");
    expect(r.stdout).not.toContain("Its columns:");
    // The check (printed first) names it too.
    expect(r.stdout).toContain(": recommendation needs permanence-recommendation; panel needs permanence-recommendation;");
    expect(r.stdout).toContain("Note: adm: 4 episodes never reached permanence-panel and are not in the stage\n");
  });

  it("a blank Order Type: the run goes on, the order left out as the check says, a note naming child and row; counts in the singular", async () => {
    const dir = tempDir({ "t.csv": fixture("tracker2.csv") });
    const r = await run(["timescales", "t.csv", ...ARGS, "--order-type", "Order Type"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    row 3, column Order Type: child "D2": the order on 01/03/2024 has no type: it is left out\n');
    expect(r.stdout).toContain("orders whose type is blank or unknown                1\n");
    expect(r.stdout).toContain(
      'Note: panel: 1 episode has an order whose type is blank or unknown and no stage end before it, so it is left out (the stage\'s end depends on which order it was; fill in the type: child "D2", row 3)\n',
    );
    expect(r.stdout).toContain("Note: panel: 1 episode never reached permanence-recommendation and is not in the stage\n");
    expect(r.stdout).toContain(
      "Note: recommendation, panel and adm (each): the records have no column for returned-home, which also ends the stage: a child who left that way cannot be told from one still waiting, so the open rows and the drift list may include such children\n",
    );
    const durations = readFileSync(join(dir, "o", "durations.csv"), "utf8").split("\n");
    expect(durations.filter((l) => l.startsWith("recommendation,D2,"))).toEqual(["recommendation,D2,1,accommodated,permanence-recommendation,2023-02-01,2023-06-01,120,false,182,true,0,,reached,,"]);
    expect(durations.filter((l) => l.startsWith("panel,"))).toEqual([
      "panel,D4,1,permanence-recommendation,,2023-06-01,,274,true,,,,kinship-care-order,exited,kinship-care-order,2024-03-01",
      "panel,D5,1,permanence-recommendation,,2023-06-01,,183,true,,,,,exited,ceased-looked-after,2023-12-01",
    ]);
  });
});

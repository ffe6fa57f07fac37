// A user trial (trial 12): `pace-qi timescales` on a tracker without a recommendation column
// listed every child as past the 26 weeks, and `pace-qi check` said "No problems found".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const NOCOL = "Child ID,Date Accommodated,Panel\nC1,01/02/2024,10/09/2024\nC2,05/03/2024,\n";
const BLANKCOL = "Child ID,Date Accommodated,Perm Rec Date,Panel\nC1,01/02/2024,,10/09/2024\nC2,05/03/2024,,\n";
const ARGS = ["--dates", "uk", "--as-of", "31/12/2024", "--stage", "recommendation", "--stage", "adm", "--out", "o"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: a milestone without a column, a later milestone recorded", { timeout: 120_000 }, () => {
  it("a stage without a column is not estimated, even when asked for by --stage: a note, an empty drift list, exit 0", async () => {
    const dir = tempDir({ "t.csv": NOCOL });
    const r = await run(["timescales", "t.csv", ...ARGS], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "o", "drift.csv"), "utf8")).toBe("stage,child,episode,from,start,daysOpen,target,daysOverTarget,route\n");
    expect(readFileSync(join(dir, "o", "durations.csv"), "utf8").split("\n")).toHaveLength(2);
    expect(r.stdout).toContain("recommendation  not estimated     –     –       –                   –     182       –       –            –                              –\n");
    expect(r.stdout).toContain(
      "Note: recommendation not estimated: the file has no column for permanence-recommendation or returned-home (the stage's end). Its columns: Child ID, Date Accommodated, Panel. If it has one, name it with --column permanence-recommendation=HEADER\n",
    );
    expect(r.stdout).toContain("Note: adm not estimated: the file has no column for adm-decision (the stage's end). Its columns: Child ID, Date Accommodated, Panel. If it has one, name it with --column adm-decision=HEADER\n");
    expect(r.stdout).not.toMatch(/no completions/);
    const series = JSON.parse(readFileSync(join(dir, "o", "series.json"), "utf8")) as { stages: Record<string, { notEstimated?: unknown }> };
    expect(series.stages.recommendation!.notEstimated).toEqual({ missing: ["permanence-recommendation", "returned-home"] });
  });

  it("a blank column: the child with a panel date is missing data for the recommendation, not on the drift list", async () => {
    const dir = tempDir({ "t.csv": BLANKCOL });
    const r = await run(["timescales", "t.csv", ...ARGS], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "o", "drift.csv"), "utf8")).toBe("stage,child,episode,from,start,daysOpen,target,daysOverTarget,route\nrecommendation,C2,1,accommodated,2024-03-05,301,182,119,\n");
    expect(r.stdout).toContain(
      "Note: recommendation: 1 episode has no permanence-recommendation or returned-home date though a later milestone of its route is recorded (missing-earlier in the data check): the stage ended on a date not recorded, so it is left out (not open, not on the drift list)\n",
    );
  });

  it("pace-qi check says which stages the file cannot estimate", async () => {
    const r = await run(["check", "t.csv", "--dates", "uk", "--as-of", "31/12/2024", "--out", "c"], tempDir({ "t.csv": NOCOL }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Note: no column for a milestone that these PACE stages start or end at, so they cannot be estimated from these records (and a milestone without a column is not checked for missing-earlier or completeness): recommendation needs permanence-recommendation; panel needs permanence-recommendation; adm needs adm-decision; petition needs adm-decision and petition-lodged; order needs petition-lodged and an order (any of the four); overall needs looked-after and an order (any of the four)\n",
    );
  });
});

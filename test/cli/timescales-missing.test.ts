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
    // Two stages not estimated: the file's columns are said once, after both (each note repeated them: a user trial).
    expect(r.stdout).toContain(
      [
        "Note: recommendation not estimated: the file has no column for permanence-recommendation or returned-home (the stage's end). If it has one, name it with --column permanence-recommendation=HEADER",
        "Note: adm not estimated: the file has no column for adm-decision (the stage's end). If it has one, name it with --column adm-decision=HEADER",
        "Note: The file's columns, none of them read as the milestones above: Child ID, Date Accommodated, Panel.\n",
      ].join("\n"),
    );
    expect(r.stdout.match(/Child ID, Date Accommodated, Panel/g)).toHaveLength(1);
    // One stage not estimated: its note names the columns, as before.
    const one = await run(["timescales", "t.csv", "--dates", "uk", "--as-of", "31/12/2024", "--stage", "recommendation", "--out", "o1"], dir);
    expect(one.stdout).toContain(
      "Note: recommendation not estimated: the file has no column for permanence-recommendation or returned-home (the stage's end). Its columns: Child ID, Date Accommodated, Panel. If it has one, name it with --column permanence-recommendation=HEADER\n",
    );
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

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: a wide export without the later milestones' columns", { timeout: 120_000 }, () => {
  it("four stages not estimated: four notes, and the file's columns once after them", async () => {
    const wide = "Child ID,Date Accommodated,Perm Rec Date,Panel\nC1,01/02/2024,01/06/2024,10/09/2024\nC2,05/03/2024,,\nC3,10/01/2024,02/05/2024,\n";
    const r = await run(["timescales", "t.csv", "--dates", "uk", "--as-of", "31/12/2024", "--out", "o"], tempDir({ "t.csv": wide }));
    expect(r.code).toBe(0);
    const notes = r.stdout.split("\n").filter((l) => /not estimated: the file|The file's columns/.test(l));
    expect(notes).toEqual([
      "Note: adm not estimated: the file has no column for adm-decision (the stage's end). If it has one, name it with --column adm-decision=HEADER",
      "Note: petition not estimated: the file has no column for adm-decision (the stage's start), nor for petition-lodged (the stage's end). If it has one, name it with --column adm-decision=HEADER",
      "Note: order not estimated: the file has no column for petition-lodged (the stage's start), nor for an order (any of the four) (the stage's end). If it has one, name it with --column petition-lodged=HEADER",
      "Note: overall not estimated: the file has no column for looked-after (the stage's start), nor for an order (any of the four) (the stage's end). If it has one, name it with --column looked-after=HEADER",
      "Note: The file's columns, none of them read as the milestones above: Child ID, Date Accommodated, Perm Rec Date, Panel.",
    ]);
  });
});

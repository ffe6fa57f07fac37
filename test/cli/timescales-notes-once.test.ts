// A wide tracker with human headers and no "Returned Home" / "Ceased" column: the
// leaving-end-no-column note was printed once per stage (3 times: recommendation, panel, adm).
// A note that several stages give in the same words is now said once, naming every stage; notes
// that differ (other counts, another milestone) stay one per stage.
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const TRACKER = [
  "Child ID,Date Accommodated,Perm Rec Date,Panel,ADM,Order Granted,Order Type",
  "C1,01/02/2024,15/05/2024,10/07/2024,01/08/2024,20/11/2024,Permanence Order",
  "C2,05/03/2024,20/06/2024,,,,",
  "C3,10/01/2024,,,,,",
  "C4,12/04/2024,01/07/2024,05/09/2024,,,",
  "C5,02/02/2023,01/06/2023,01/08/2023,01/09/2023,01/03/2024,Permanence Order",
].join("\n");
const ARGS = ["--dates", "uk", "--as-of", "31/12/2024", "--order-type", "Order Type", "--out", "o"];
const LEAVING = "the records have no column for returned-home, which also ends the stage: a child who left that way cannot be told from one still waiting, so the open rows and the drift list may include such children";

const notes = (stdout: string): string[] => stdout.split("\n").filter((l) => l.startsWith("Note: "));

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales: a note the stages share is said once", { timeout: 120_000 }, () => {
  it("leaving-end-no-column: one note naming recommendation, panel and adm", async () => {
    const r = await run(["timescales", "t.csv", ...ARGS], tempDir({ "t.csv": TRACKER }));
    expect(r.code).toBe(0);
    const leaving = notes(r.stdout).filter((l) => l.includes("which also ends the stage"));
    expect(leaving).toEqual([`Note: recommendation, panel and adm (each): ${LEAVING}`]);
    // The stages' own counts are not merged: each is said after its stage.
    expect(notes(r.stdout)).toContain("Note: panel: 1 episode never reached permanence-recommendation and is not in the stage");
    expect(notes(r.stdout)).toContain("Note: adm: 2 episodes never reached permanence-panel and are not in the stage");
    // No note is said twice.
    expect(new Set(notes(r.stdout)).size).toBe(notes(r.stdout).length);
  });

  it("one stage asked for: the note is that stage's, as before", async () => {
    const r = await run(["timescales", "t.csv", ...ARGS, "--stage", "panel"], tempDir({ "t.csv": TRACKER }));
    expect(r.code).toBe(0);
    expect(notes(r.stdout).filter((l) => l.includes("which also ends the stage"))).toEqual([`Note: panel: ${LEAVING}`]);
  });

  it("the same count in two stages is said once, as each stage's ('(each)')", async () => {
    // Nobody has a panel date: panel has two open episodes and no completion, adm nobody in it —
    // no chart for either, said once.
    const file = ["Child ID,Date Accommodated,Perm Rec Date,Panel,ADM", "C1,01/02/2024,15/05/2024,,", "C2,05/03/2024,20/06/2024,,"].join("\n");
    const r = await run(["timescales", "t.csv", "--dates", "uk", "--as-of", "31/12/2024", "--stage", "panel", "--stage", "adm", "--out", "o"], tempDir({ "t.csv": file }));
    expect(r.code).toBe(0);
    expect(notes(r.stdout)).toContain("Note: panel and adm (each): no completions in a finished month yet: no chart");
    expect(notes(r.stdout).filter((l) => l.includes("no completions"))).toHaveLength(1);
    expect(notes(r.stdout).filter((l) => l.includes("which also ends the stage"))).toEqual([`Note: panel and adm (each): ${LEAVING}`]);
  });
});

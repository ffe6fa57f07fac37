import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, listing, run, tempDir } from "./helpers.js";

// Three children, UK dates, the export's own column names.
const CASES = `child_id,event,event_date,council
A,accommodated,31/01/2024,North
A,permanence-recommendation,01/03/2024,North
B,accommodated,01/02/2024,South
C,looked-after,01/01/2024,South
C,accommodated,01/01/2024,South
C,permanence-recommendation,01/09/2024,South
C,permanence-panel,01/10/2024,South
C,adm-decision,10/10/2024,South
`;
const MAP = ["--child", "child_id", "--milestone", "event", "--date", "event_date", "--dates", "uk"];
const OUTPUTS = ["adm.svg", "charts.json", "cumulative-incidence.json", "cumulative-incidence.svg", "drift.csv", "durations.csv", "km.json", "panel.svg", "recommendation.svg", "series.json"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi timescales", { timeout: 120_000 }, () => {
  it("every stage: durations, series, Kaplan–Meier, drift, SVGs and a summary table", async () => {
    const dir = tempDir({ "cases.csv": CASES });
    const r = await run(["timescales", "cases.csv", ...MAP, "--as-of", "01/12/2024", "--group", "council", "--out", "ts"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(""); // no progress bar when stderr is not a TTY
    expect(listing(join(dir, "ts"))).toEqual(OUTPUTS);
    const durations = readFileSync(join(dir, "ts", "durations.csv"), "utf8").trim().split("\n");
    expect(durations[0]).toBe("stage,child,episode,from,to,start,end,days,censored,target,withinTarget,daysOverTarget,route,status,exitMilestone,exitDate,group");
    expect(durations.filter((l) => l.startsWith("recommendation,"))).toEqual([
      "recommendation,A,1,accommodated,permanence-recommendation,2024-01-31,2024-03-01,30,false,182,true,0,,reached,,,North",
      "recommendation,B,1,accommodated,,2024-02-01,,304,true,182,false,122,,open,,,South",
      "recommendation,C,1,accommodated,permanence-recommendation,2024-01-01,2024-09-01,244,false,182,false,62,,reached,,,South",
    ]);
    expect(durations.filter((l) => l.startsWith("adm,"))).toEqual(["adm,C,1,permanence-panel,adm-decision,2024-10-01,2024-10-10,9,false,14,true,0,,reached,,,South"]);
    expect(readFileSync(join(dir, "ts", "drift.csv"), "utf8")).toBe(
      "stage,child,episode,from,start,daysOpen,target,daysOverTarget,route,group\nrecommendation,B,1,accommodated,2024-02-01,304,182,122,,South\n",
    );
    const km = JSON.parse(readFileSync(join(dir, "ts", "km.json"), "utf8"));
    expect(km.asOf).toBe("2024-12-01");
    expect(km.stages.recommendation).toMatchObject({ n: 3, events: 2, median: 244 });
    const series = JSON.parse(readFileSync(join(dir, "ts", "series.json"), "utf8"));
    expect(series.stages.recommendation.byCase.map((p: { y: number }) => p.y)).toEqual([30, 244]);
    expect(series.stages.recommendation.byPeriod[0]).toMatchObject({ period: "2024-01", n: 0, open: 2 });
    expect(readFileSync(join(dir, "ts", "recommendation.svg"), "utf8").startsWith("<svg")).toBe(true);
    expect(r.stdout).toContain("cases.csv: as of 2024-12-01\n");
    expect(r.stdout).toMatch(/recommendation\s+3\s+2\s+1\s+137\s+244 \(30–\?\)\s+182\s+50%\s+0\s+1\s/);
    expect(r.stdout).toContain("Wrote 10 files to ts/");
    // Issue #11: routes to permanence from becoming looked after (only C was looked after: still waiting).
    expect(r.stdout).toContain("Routes to permanence (from becoming looked after; competing routes, Aalen–Johansen): No child has left by any route yet (1 child).");
    const ci = JSON.parse(readFileSync(join(dir, "ts", "cumulative-incidence.json"), "utf8"));
    expect(ci).toMatchObject({ asOf: "2024-12-01", n: 1, censored: 1, steps: [] });
  });

  it("events after --as-of stop the run (exit 1, naming row, column and child) unless --after-as-of ignore", async () => {
    const dir = tempDir({ "cases.csv": CASES });
    const r = await run(["timescales", "cases.csv", ...MAP, "--as-of", "01/06/2024", "--out", "ts"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cases\.csv: row \d+, column event_date: child "C": permanence-recommendation on 2024-09-01 is after asOf 2024-06-01 \(pass --after-as-of ignore/);
    expect(listing(dir)).toEqual(["cases.csv"]); // nothing written
    const ok = await run(["timescales", "cases.csv", ...MAP, "--as-of", "01/06/2024", "--after-as-of", "ignore", "--out", "ts"], dir);
    expect(ok.code).toBe(0);
  });

  it("--stage picks stages, --target-STAGE sets a target, --as-of defaults to the latest event", async () => {
    const dir = tempDir({ "cases.csv": CASES });
    const r = await run(["timescales", "cases.csv", ...MAP, "--stage", "panel", "--target-panel", "20", "--out", "o"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("as of 2024-10-10 (the latest event date; set it with --as-of)");
    // The only completion is in October, the month of the extract, which is not over: no chart.
    expect(listing(join(dir, "o"))).toEqual(["charts.json", "drift.csv", "durations.csv", "km.json", "series.json"]);
    expect(r.stdout).toContain("Note: panel: no completions in a finished month yet: no chart");
    expect(readFileSync(join(dir, "o", "durations.csv"), "utf8").split("\n").slice(1, 3)).toEqual([
      "panel,A,1,permanence-recommendation,,2024-03-01,,223,true,20,false,203,,open,,",
      "panel,C,1,permanence-recommendation,permanence-panel,2024-09-01,2024-10-01,30,false,20,false,10,,reached,,",
    ]);
  });

  it("--target-STAGE 7m is seven calendar months from each start, 26w is 182 days", async () => {
    const dir = tempDir({ "cases.csv": CASES });
    const r = await run(["timescales", "cases.csv", ...MAP, "--as-of", "01/12/2024", "--stage", "recommendation", "--target-recommendation", "7m", "--out", "o"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/recommendation +3 +2 +1 .* 7 months +50% +0 +1 /);
    // 31 Jan + 7 months = 31 Aug (213 days); 1 Feb → 1 Sep (213); 1 Jan → 1 Aug (213).
    expect(readFileSync(join(dir, "o", "durations.csv"), "utf8").split("\n").slice(1, 4)).toEqual([
      "recommendation,A,1,accommodated,permanence-recommendation,2024-01-31,2024-03-01,30,false,213,true,0,,reached,,",
      "recommendation,B,1,accommodated,,2024-02-01,,304,true,213,false,91,,open,,",
      "recommendation,C,1,accommodated,permanence-recommendation,2024-01-01,2024-09-01,244,false,213,false,31,,reached,,",
    ]);
    const w = await run(["timescales", "cases.csv", ...MAP, "--as-of", "01/12/2024", "--stage", "recommendation", "--target-recommendation", "26w", "--out", "w"], dir);
    expect(w.code).toBe(0);
    expect(readFileSync(join(dir, "w", "durations.csv"), "utf8").split("\n")[2]).toBe("recommendation,B,1,accommodated,,2024-02-01,,304,true,182,false,122,,open,,");
  });

  it("--date-of-birth: durations.csv gains ageAtStart and ageBand; a birth after a milestone stops naming row and column", async () => {
    const cases = "child_id,event,event_date,dob\nA,accommodated,31/01/2024,29/02/2020\nA,permanence-recommendation,01/03/2024,\nB,accommodated,01/02/2024,01/02/2012\n";
    const dir = tempDir({ "cases.csv": cases, "bad.csv": cases.replace("01/02/2012", "01/02/2025") });
    const r = await run(["timescales", "cases.csv", ...MAP, "--date-of-birth", "dob", "--as-of", "01/12/2024", "--stage", "recommendation", "--out", "o"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "o", "durations.csv"), "utf8").trim().split("\n")).toEqual([
      "stage,child,episode,from,to,start,end,days,censored,target,withinTarget,daysOverTarget,route,status,exitMilestone,exitDate,ageAtStart,ageBand",
      "recommendation,A,1,accommodated,permanence-recommendation,2024-01-31,2024-03-01,30,false,182,true,0,,reached,,,3,0–4",
      "recommendation,B,1,accommodated,,2024-02-01,,304,true,182,false,122,,open,,,12,12–15",
    ]);
    const bad = await run(["timescales", "bad.csv", ...MAP, "--date-of-birth", "dob", "--as-of", "01/12/2024", "--out", "b"], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('bad.csv: row 4, column dob: child "B": date of birth 2025-02-01 is after accommodated on 2024-02-01');
  });

  it("wide format: one row per child, a date column per milestone (--column maps names)", async () => {
    const wide = "child,accommodated,rec_date\nA,2024-01-31,2024-03-01\nB,2024-02-01,\n";
    const dir = tempDir({ "wide.csv": wide });
    const r = await run(["timescales", "wide.csv", "--format", "wide", "--column", "permanence-recommendation=rec_date", "--stage", "recommendation", "--as-of", "2024-12-01"], dir);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, "timescales", "durations.csv"), "utf8").trim().split("\n");
    expect(lines.slice(1).map((l) => l.split(",").slice(1, 2).concat(l.split(",").slice(7, 9)))).toEqual([
      ["A", "30", "false"],
      ["B", "304", "true"],
    ]);
  });

  it("a tracker without looked-after dates: the routes are not estimated (no chart of everyone still waiting); home exits the panel stage, an order with no panel date is missing-end", async () => {
    // A user trial: orders and a return home, but no "looked after" column. The routes said
    // "No child has left by any route yet" and drew 100 % still waiting; the panel stage listed
    // both children as open.
    const wide = [
      "Child ID,Date Accommodated,Perm Rec Date,Panel,Order Granted,Order Type,Returned Home",
      "A,01/01/2024,01/03/2024,,,,01/04/2024",
      "B,01/01/2024,01/03/2024,,01/12/2024,PO,",
      "C,01/01/2024,01/03/2024,,,,",
    ].join("\n");
    const dir = tempDir({ "tracker.csv": `${wide}\n` });
    const r = await run(["timescales", "tracker.csv", "--dates", "uk", "--order-type", "Order Type", "--as-of", "31/03/2025", "--target-panel", "84", "--out", "ts"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Routes to permanence (from becoming looked after): not estimated: no episode has a looked-after date (3 left out). If the file has that column, name it with --column looked-after=HEADER; no cumulative-incidence files were written.");
    expect(listing(join(dir, "ts")).filter((f) => f.startsWith("cumulative-incidence"))).toEqual([]);
    expect(readFileSync(join(dir, "ts", "drift.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 2).join(" "))).toEqual(["panel C"]);
    const panel = readFileSync(join(dir, "ts", "durations.csv"), "utf8").trim().split("\n").filter((l) => l.startsWith("panel,"));
    // B's permanence order shows its panel happened, on a date not recorded: left out of the stage
    // (missing-end), no longer exited at the order (user trial 12).
    expect(panel.map((l) => l.split(",")).map((f) => [f[1], f[13], f[14]])).toEqual([["A", "exited", "returned-home"], ["C", "open", ""]]);
    expect(r.stdout).toContain("Note: panel: 1 episode has no permanence-panel date though a later milestone of its route is recorded");
  });

  it("an order of unknown type is left out, as the check says, and the run goes on (it stopped every stage: second user trial)", async () => {
    const dir = tempDir({ "t.csv": "Child ID,Date Accommodated,Order Granted,Order Type\nA,01/01/2024,01/06/2024,Long-term foster\n" });
    const r = await run(["timescales", "t.csv", "--dates", "uk", "--order-type", "Order Type", "--as-of", "31/12/2024", "--out", "o"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`row 2, column Order Type: child "A": the order on 01/06/2024 has type 'Long-term foster', which is not one of Adoption, PO, POA, KCO, s11: it is left out\n`);
    expect(r.stdout).not.toContain("the stages need each order's type");
  });

  it("--ages uses a Date of Birth column recognised from the headers (it asked for --date-of-birth)", async () => {
    const dir = tempDir({
      "dob.csv": "Child ID,Date of Birth,Date Accommodated,Perm Rec Date\nA,01/01/2020,01/01/2024,01/03/2024\nB,01/01/2012,01/01/2024,\n",
      "none.csv": "Child ID,Date Accommodated\nA,01/01/2024\n",
    });
    const r = await run(["timescales", "dob.csv", "--dates", "uk", "--as-of", "31/12/2024", "--ages", "0-4", "--stage", "recommendation", "--out", "o"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "o", "durations.csv"), "utf8").trim().split("\n").slice(1)).toEqual(["recommendation,A,1,accommodated,permanence-recommendation,2024-01-01,2024-03-01,60,false,182,true,0,,reached,,,4,0–4"]);
    const none = await run(["timescales", "none.csv", "--dates", "uk", "--ages", "0-4", "--out", "o2"], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--ages needs the children's dates of birth: no column of them was recognised; name it with --date-of-birth");
  });

  it("getting-started §4: the table printed for tracker-fixed.csv is what the command prints", async () => {
    const doc = readFileSync(new URL("../../docs/getting-started.md", import.meta.url), "utf8");
    const block = doc.slice(doc.indexOf("tracker-fixed.csv: as of 2025-03-31"));
    const shown = block.slice(0, block.indexOf("```")).split("\n").filter((l) => /^(stage|recommendation|panel|adm) /.test(l) || l.startsWith("Routes"));
    expect(shown).toHaveLength(5);
    const dir = tempDir({ "tracker-fixed.csv": readFileSync(new URL("../fixtures/exports/tracker-fixed.csv", import.meta.url), "utf8") });
    const r = await run(["timescales", "tracker-fixed.csv", "--dates", "uk", "--as-of", "31/03/2025", "--order-type", "Order Type", "--group", "Team"], dir);
    expect(r.code).toBe(0);
    for (const line of shown) expect(r.stdout).toContain(line.replace(/ …$/, ""));
  });

  it("an invalid date: exit 1 naming file, spreadsheet row, column and value; nothing written", async () => {
    const bad = CASES.replace("C,permanence-panel,01/10/2024", "C,permanence-panel,31/02/2024");
    const dir = tempDir({ "cases.csv": bad });
    const r = await run(["timescales", "cases.csv", ...MAP, "--out", "ts"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: cases.csv: row 8, column event_date: '31/02/2024' is not a date (expected dd/mm/yyyy)\n");
    expect(listing(dir)).toEqual(["cases.csv"]);
  });

  it("an unknown milestone and a blank child id: every problem listed with its row", async () => {
    const bad = CASES.replace("A,permanence-recommendation", "A,permanence-recomendation").replace("B,accommodated", ",accommodated");
    const dir = tempDir({ "cases.csv": bad });
    const r = await run(["timescales", "cases.csv", ...MAP], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^pace-qi: cases\.csv: row 3, column event: unknown milestone "permanence-recomendation"; known milestones: looked-after, /);
    expect(lines[1]).toMatch(/^ {2}cases\.csv: row 4, column child_id: missing or invalid child id ""/);
    expect(listing(dir)).toEqual(["cases.csv"]);
  });

  it("--unknown ignore skips unknown milestones with a note", async () => {
    const dir = tempDir({ "cases.csv": CASES.replace("A,permanence-recommendation", "A,case-note") });
    const r = await run(["timescales", "cases.csv", ...MAP, "--unknown", "ignore", "--stage", "recommendation"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Note: 1 event row with unknown milestone names was ignored");
  });

  it("a milestone before its start (negative duration) names the row", async () => {
    const bad = CASES.replace("A,permanence-recommendation,01/03/2024", "A,permanence-recommendation,01/01/2024");
    const dir = tempDir({ "cases.csv": bad });
    const r = await run(["timescales", "cases.csv", ...MAP, "--stage", "recommendation"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pace-qi: cases\.csv: row 3, column event_date: child "A": permanence-recommendation on 2024-01-01 is before accommodated on 2024-01-31/);
  });

  it("reads case records from JSON too", async () => {
    const events = [
      { child: "A", milestone: "accommodated", date: "2024-01-31" },
      { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
      { child: 2, milestone: "accommodated", date: "2024-02-01" },
    ];
    const dir = tempDir({ "cases.json": JSON.stringify({ events }) });
    const r = await run(["timescales", "cases.json", "--stage", "recommendation", "--as-of", "2024-12-01"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "timescales", "drift.csv"), "utf8").split("\n")[1]).toBe("recommendation,2,1,accommodated,2024-02-01,304,182,122,");
    const bad = tempDir({ "cases.json": JSON.stringify([{ child: "A", milestone: "accommodated", date: "2024-13-01" }]) });
    const e = await run(["timescales", "cases.json"], bad);
    expect(e.code).toBe(1);
    expect(e.stderr).toBe("pace-qi: cases.json: [0].date: '2024-13-01' is not a date (expected YYYY-MM-DD)\n");
  });

  it("headers that are not recognised: the error names the layout and the flags (--column, --mapping)", async () => {
    const dir = tempDir({ "cases.csv": CASES.replace("child_id,event,event_date", "child_id,what,when") });
    const r = await run(["timescales", "cases.csv"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("pace-qi: cases.csv: cannot tell the layout from the headers");
    expect(r.stderr).toContain("--column MILESTONE=COLUMN (or --mapping map.json), long --milestone COL --date COL");
  });

  it.each([
    [["--stage", "adoption"], "--stage adoption: unknown stage 'adoption' (PACE stages: recommendation, panel, adm, petition, order, overall)"],
    [["--target-panel", "soon"], "--target-panel 'soon' must be a whole number ≥ 0"],
    [["--target-foo", "3"], "--target-foo: unknown stage 'foo' (PACE stages: recommendation, panel, adm, petition, order, overall)"],
    // A typo names its flag and the nearest stage (a user trial got "unknown stage 'recomendation'").
    [["--target-recomendation", "100"], "--target-recomendation: unknown stage 'recomendation'; did you mean --target-recommendation? (PACE stages: recommendation, panel, adm, petition, order, overall)"],
    [["--stage", "Recomendation"], "--stage Recomendation: unknown stage 'Recomendation'; did you mean --stage recommendation? (PACE stages: recommendation, panel, adm, petition, order, overall)"],
    [["--target-Panel", "10", "--target-panel", "12"], "--target-Panel and --target-panel both set the panel target: give it once"],
    [["--as-of", "yesterday"], "--as-of 'yesterday' is not a date (dd/mm/yyyy)"],
    [["--format", "tall"], "--format 'tall' is not one of: long, wide"],
    [["--column", "x"], "--column 'x' must be MILESTONE=COLUMN"],
    [["--period", "week"], "--period 'week' is not one of: month, quarter, financial-year, clas-year"],
  ])("bad flag %j exits 2", async (flags, message) => {
    const dir = tempDir({ "cases.csv": CASES });
    const r = await run(["timescales", "cases.csv", ...MAP, ...flags], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`pace-qi timescales: ${message}`);
    expect(listing(dir)).toEqual(["cases.csv"]);
  });
});

describe.skipIf(!HAVE_BIN)("pace-qi timescales --baseline", { timeout: 60_000 }, () => {
  it("the periods up to the date set each stage chart's median; a bad date is a usage error", async () => {
    const { simulateCases } = await import("../../src/index.js");
    const events = simulateCases({ seed: 3, start: "2021-01-01", end: "2024-12-31", improvementFrom: "2023-06-01", children: 1500 });
    const csv = `child,milestone,date\n${events.map((e) => `${e.child},${e.milestone},${e.date}`).join("\n")}\n`;
    const dir = tempDir({ "sim.csv": csv });
    const charted = async (extra: string[]) => {
      const r = await run(["timescales", "sim.csv", "--stage", "recommendation", "--out", `ts${extra.length}`, ...extra], dir);
      expect(r.code).toBe(0);
      const charts = JSON.parse(readFileSync(join(dir, `ts${extra.length}`, "charts.json"), "utf8"));
      return charts.stages.recommendation as { points: Array<{ x: string }>; phases: Array<{ baselineEnd: number; centre: number }> };
    };
    const all = await charted([]);
    const base = await charted(["--baseline", "2023-05-01"]);
    expect(all.phases[0]!.baselineEnd).toBe(all.points.length - 1);
    expect(base.points[base.phases[0]!.baselineEnd]!.x).toBe("2023-05-01"); // 2021-01 … 2023-05
    expect(base.phases[0]!.centre).not.toBe(all.phases[0]!.centre);
    const bad = await run(["timescales", "sim.csv", "--baseline", "May 2023", "--out", "bad"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--baseline 'May 2023' is not a date");
  });
});

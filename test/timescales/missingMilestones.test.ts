// A user trial (trial 12): a tracker with no column for the permanence recommendation listed
// every child as past the 26 weeks, and with the column present but blank a child with a panel
// date was still "waiting" for the recommendation. A stage without a column is not estimated; a
// child with a later milestone of the route recorded is missing data for the earlier stage.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACE_STAGES, checkCaseRecords, driftList, paceTimescales, stageDurations } from "../../src/index.js";
import { runs } from "../_shared/zone.js";

// /work/trial12/repro_nocol.csv and repro_blankcol.csv, as the CLI reads them (recognised columns).
const NOCOL = [
  { "Child ID": "C1", "Date Accommodated": "01/02/2024", Panel: "10/09/2024" },
  { "Child ID": "C2", "Date Accommodated": "05/03/2024", Panel: "" },
];
const BLANKCOL = NOCOL.map((r) => ({ ...r, "Perm Rec Date": "" }));
const read = { child: "Child ID", dates: "uk", asOf: "31/12/2024" } as const;
const NOCOL_OPTS = { ...read, columns: { accommodated: "Date Accommodated", "permanence-panel": "Panel" } };
const BLANK_OPTS = { ...read, columns: { ...NOCOL_OPTS.columns, "permanence-recommendation": "Perm Rec Date" } };

describe("a stage whose milestone has no column is not estimated", () => {
  const t = paceTimescales(NOCOL, { ...NOCOL_OPTS, stages: ["recommendation", "adm"] });
  it("no rows, no Kaplan–Meier, no series: notEstimated names the missing milestones", () => {
    const rec = t.stages.recommendation!;
    expect(rec.durations.notEstimated).toEqual({ missing: ["permanence-recommendation", "returned-home"] });
    expect(rec.durations.rows).toEqual([]);
    expect(rec.kaplanMeier.n).toBe(0);
    expect(rec.byCase).toEqual([]);
    expect(rec.durations.counts).toMatchObject({ children: 2, episodes: 2, inStage: 0, open: 0, missingEnd: 0 });
    expect(t.stages.adm!.durations.notEstimated).toEqual({ missing: ["adm-decision"] });
  });
  it("says so in a warning naming the milestones and the columns read", () => {
    expect(t.stages.recommendation!.durations.warnings).toEqual([
      { code: "stage-not-estimated", message: "recommendation not estimated: the records have no column for permanence-recommendation or returned-home (the stage's end); milestones with a column: accommodated, permanence-panel" },
    ]);
    expect(t.stages.adm!.durations.warnings).toEqual([
      { code: "stage-not-estimated", message: "adm not estimated: the records have no column for adm-decision (the stage's end); milestones with a column: accommodated, permanence-panel" },
    ]);
    const order = stageDurations(NOCOL, "order", NOCOL_OPTS);
    expect(order.warnings[0]!.message).toBe(
      "order not estimated: the records have no column for petition-lodged (the stage's start), nor for an order (any of the four) (the stage's end); milestones with a column: accommodated, permanence-panel",
    );
  });
  it("the drift list is empty (it listed C1 and C2 for the recommendation, 152 and 119 days over, and C1 for the ADM)", () => {
    expect(driftList(NOCOL, Object.values(PACE_STAGES), NOCOL_OPTS)).toEqual([]);
  });
  it("a stage whose milestones all have columns is estimated as before; long records always are", () => {
    const withRec = stageDurations(BLANKCOL, "recommendation", BLANK_OPTS);
    expect(withRec.notEstimated).toBeNull();
    const long = [{ child: "A", milestone: "accommodated", date: "2024-01-31" }];
    expect(stageDurations(long, "recommendation", { asOf: "2024-12-31" }).rows.map((r) => [r.child, r.status, r.days])).toEqual([["A", "open", 335]]);
  });
  it("the data check says which stages cannot be estimated (it said nothing)", () => {
    const c = checkCaseRecords(NOCOL, NOCOL_OPTS);
    expect(c.issues.map((i) => i.code)).toEqual(["stale-extract"]);
    expect(c.warnings).toContain(
      "no column for a milestone that these PACE stages start or end at, so they cannot be estimated from these records (and a milestone without a column is not checked for missing-earlier or completeness): recommendation needs permanence-recommendation; panel needs permanence-recommendation; adm needs adm-decision; petition needs adm-decision and petition-lodged; order needs petition-lodged and an order (any of the four); overall needs looked-after and an order (any of the four)",
    );
    expect(checkCaseRecords([{ child: "A", milestone: "accommodated", date: "2024-01-31" }], { asOf: "2024-12-31" }).warnings.join("\n")).not.toMatch(/no column/);
    // The same from paceTimescales' own check.
    expect(paceTimescales(NOCOL, { ...NOCOL_OPTS, check: true }).check!.warnings).toEqual(c.warnings);
  });
});

describe("a later milestone recorded: the earlier stage's end is missing data, never open (missing-earlier)", () => {
  const d = stageDurations(BLANKCOL, "recommendation", BLANK_OPTS);
  it("C1 (a panel on 10 Sep 2024, no recommendation) is not in the stage; C2 is still waiting", () => {
    expect(d.rows.map((r) => [r.child, r.status, r.days, r.daysOverTarget])).toEqual([["C2", "open", 301, 119]]);
    expect(d.counts).toMatchObject({ inStage: 1, open: 1, missingEnd: 1 });
    expect(d.warnings).toContainEqual({
      code: "missing-end",
      message: "1 episode has no permanence-recommendation or returned-home date though a later milestone of its route is recorded (missing-earlier in the data check): the stage ended on a date not recorded, so it is left out (not open, not on the drift list)",
    });
    // 1 Feb → 31 Dec 2024 is 334 days, 152 over the 182: C1 was on the list.
    expect(driftList(d).map((r) => [r.child, r.daysOpen, r.daysOverTarget])).toEqual([["C2", 301, 119]]);
  });
  it("the check flags the same child, missing-earlier", () => {
    const c = checkCaseRecords(BLANKCOL, BLANK_OPTS);
    expect(c.issues.filter((i) => i.code === "missing-earlier").map((i) => [i.child, i.column])).toEqual([["C1", "Perm Rec Date"]]);
  });
  it("follows the route: a kinship care order needs no panel, so the panel stage ends at it as exited", () => {
    const ev = (child: string, milestone: string, date: string) => ({ child, milestone, date });
    const events = [
      ev("K", "accommodated", "2023-01-10"), ev("K", "permanence-recommendation", "2023-04-01"), ev("K", "petition-lodged", "2023-08-01"), ev("K", "kinship-care-order", "2024-01-15"),
      ev("A", "accommodated", "2023-01-10"), ev("A", "permanence-recommendation", "2023-04-01"), ev("A", "adm-decision", "2023-08-01"),
      ev("Q", "accommodated", "2023-01-10"), ev("Q", "permanence-recommendation", "2023-04-01"), ev("Q", "petition-lodged", "2023-08-01"),
    ];
    const panel = stageDurations(events, { ...PACE_STAGES.panel, target: 84 }, { asOf: "2024-06-30" });
    // K: kinship route (no panel on it) — exited at the order; A: an ADM decision with no panel — missing;
    // Q: a petition with no order yet could be a kinship one — still waiting, as the check (no missing-earlier) sees it.
    expect(panel.rows.map((r) => [r.child, r.status, r.days])).toEqual([["K", "exited", 289], ["Q", "open", 456]]);
    expect(panel.counts.missingEnd).toBe(1);
    expect(checkCaseRecords(events, { asOf: "2024-06-30" }).issues.filter((i) => i.code === "missing-earlier").map((i) => [i.child, i.message])).toEqual([
      ["A", 'child "A": permanence-panel has no date, but adm-decision on 2023-08-01 is recorded'],
    ]);
  });
});

describe("property: a child with a later step of the route is never open, drifting or censored in an earlier stage", () => {
  // The permanence-order route's steps; without the order the route is not known yet and only
  // what every route with the later step has before it counts: recommendation → panel → ADM,
  // and recommendation → petition.
  const STEPS = ["permanence-recommendation", "permanence-panel", "adm-decision", "petition-lodged", "permanence-order"] as const;
  const STAGES = (["recommendation", "panel", "adm", "petition"] as const).map((id) => ({ ...PACE_STAGES[id], target: 1 }));
  it("holds for any subset of the steps", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.integer({ min: 1, max: 90 })), { minLength: 1, maxLength: 12 }), (children) => {
        const events = children.flatMap(([has, gap], i) => {
          const child = `C${i}`;
          const out = [{ child, milestone: "accommodated", date: "2022-01-01" }];
          let day = Date.UTC(2022, 0, 1);
          STEPS.forEach((m, j) => {
            day += gap * 86_400_000;
            if (has[j]) out.push({ child, milestone: m, date: new Date(day).toISOString().slice(0, 10) });
          });
          return out;
        });
        const t = paceTimescales(events, { asOf: "2024-12-31", stages: STAGES });
        const drift = driftList(events, STAGES, { asOf: "2024-12-31" });
        for (const stage of STAGES) {
          const to = STEPS.indexOf(stage.to as (typeof STEPS)[number]);
          const d = t.stages[stage.id]!;
          children.forEach(([has], i) => {
            // Without the order: recommendation → panel → ADM, and recommendation → petition (_routeChain.ts defaultChains).
            const chains = has[4] ? [[0, 1, 2, 3, 4]] : [[0, 1, 2], [0, 3]];
            const later = chains.some((chain) => chain.some((j) => j > to && has[j]) && chain.includes(to));
            if (!later || has[to]) return;
            const child = `C${i}`;
            expect(d.durations.rows.some((r) => r.child === child)).toBe(false);
            expect(drift.some((r) => r.child === child && r.stage === stage.id)).toBe(false);
          });
          // Kaplan–Meier counts exactly the rows (none of the missing children censored in it).
          expect(d.kaplanMeier.n).toBe(d.durations.rows.length);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});

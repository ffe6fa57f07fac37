/**
 * Exits (issue #11): an episode that ends before the stage's end milestone is "exited" — censored
 * at the exit date, never open, never on the drift list. Hand-worked journeys; run in UTC,
 * America/Los_Angeles and Pacific/Auckland (the dates sit on UK, US and NZ clock changes).
 */
import { describe, expect, it } from "vitest";
import { PACE_STAGES, driftList, kaplanMeier, paceTimescales, stageDurations, timescaleSeries } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

const ev = (child: string, milestone: string, date: string, episode?: number) => ({ child, milestone, date, ...(episode === undefined ? {} : { episode }) });
const S = { id: "s", from: "accommodated", to: "permanence-recommendation", target: 182 };

const events = deepFreeze([
  // E1: exit before the stage starts (never accommodated): not in the stage.
  ev("E1", "looked-after", "2024-01-10"),
  ev("E1", "ceased-looked-after", "2024-03-01"),
  // E7: a recommendation recorded after the episode ended (no re-entry): not in the panel stage.
  ev("E7", "looked-after", "2024-01-01"),
  ev("E7", "ceased-looked-after", "2024-02-01"),
  ev("E7", "permanence-recommendation", "2024-03-01"),
  // E2: exit inside the stage: 30 days (leap February), exited.
  ev("E2", "looked-after", "2024-01-31"),
  ev("E2", "accommodated", "2024-01-31"),
  ev("E2", "ceased-looked-after", "2024-03-01"),
  // E3: exit after reaching the end: reached in 2 days (28 Feb → 1 Mar 2024).
  ev("E3", "looked-after", "2024-02-28"),
  ev("E3", "accommodated", "2024-02-28"),
  ev("E3", "permanence-recommendation", "2024-03-01"),
  ev("E3", "ceased-looked-after", "2024-06-01"),
  // E4: re-entry in a new episode: episode 1 exits after 89 days; episode 2 (from 29 Oct 2023, UK
  // clocks back) is open at asOf: 245 days, past the 182-day target.
  ev("E4", "looked-after", "2023-01-01", 1),
  ev("E4", "accommodated", "2023-01-01", 1),
  ev("E4", "ceased-looked-after", "2023-03-31", 1),
  ev("E4", "looked-after", "2023-10-29", 2),
  ev("E4", "accommodated", "2023-10-29", 2),
  // E5: return home (6 Apr 2024, NZ clocks back) then ceasing (29 Sep 2024, NZ clocks forward),
  // accommodated on 9 Mar 2024 (the eve of the US change): 204 days to the exit.
  ev("E5", "looked-after", "2024-03-09"),
  ev("E5", "accommodated", "2024-03-09"),
  ev("E5", "returned-home", "2024-04-06"),
  ev("E5", "ceased-looked-after", "2024-09-29"),
  // E6: an order and ceasing on the same day: the order is reached (the exit does not win a tie).
  ev("E6", "looked-after", "2022-05-01"),
  ev("E6", "kinship-care-order", "2023-05-01"),
  ev("E6", "ceased-looked-after", "2023-05-01"),
]);
const asOf = "2024-06-30";
const opts = { asOf, afterAsOf: "ignore" as const };

describe("exits: hand-worked journeys", () => {
  const d = stageDurations(events, S, opts);
  const byChild = (c: string, e: number | string = 1) => d.rows.find((r) => r.child === c && r.episode === e);

  it("exit before the stage starts: not in the stage", () => {
    expect(byChild("E1")).toBeUndefined();
  });
  it("a stage that would start after the episode ended: not in the stage, counted and warned", () => {
    const p = stageDurations(events, PACE_STAGES.panel, opts);
    expect(p.rows.find((r) => r.child === "E7")).toBeUndefined();
    expect(p.counts.endedBeforeStart).toBe(1);
    expect(p.warnings.map((w) => w.code)).toContain("ended-before-start");
    expect(p.warnings.map((w) => w.message).join("\n")).toMatch(/1 episode reached permanence-recommendation only after the episode had ended/);
  });
  it("exit inside the stage: exited, censored at the exit date, no end, no over-target days", () => {
    expect(byChild("E2")).toMatchObject({
      status: "exited", censored: true, to: null, end: null, days: 30, exit: { milestone: "ceased-looked-after", date: "2024-03-01" }, withinTarget: null, daysOverTarget: null,
    });
  });
  it("exit after reaching the end: reached", () => {
    expect(byChild("E3")).toMatchObject({ status: "reached", censored: false, to: "permanence-recommendation", end: "2024-03-01", days: 2, exit: null, withinTarget: true });
  });
  it("re-entry in a new episode: the first episode exited, the second open", () => {
    expect(byChild("E4", 1)).toMatchObject({ status: "exited", days: 89, exit: { milestone: "ceased-looked-after", date: "2023-03-31" } });
    expect(byChild("E4", 2)).toMatchObject({ status: "open", censored: true, start: "2023-10-29", days: 245, withinTarget: false, daysOverTarget: 63, exit: null });
  });
  it("re-entry without episode ids, split at looked-after, gives the same rows", () => {
    const flat = events.map(({ child, milestone, date }) => ({ child, milestone, date }));
    const e4 = stageDurations(flat, S, { ...opts, splitEpisodesAt: "looked-after" }).rows.filter((r) => r.child === "E4");
    expect(e4.map((r) => [r.episode, r.status, r.days])).toEqual([[1, "exited", 89], [2, "open", 245]]);
  });
  it("return home then ceasing: exited from a stage that ends at a recommendation only, 204 days", () => {
    // The exit is after asOf here, so first look later.
    const later = stageDurations(events, S, { asOf: "2024-12-31" });
    expect(later.rows.find((r) => r.child === "E5")).toMatchObject({ status: "exited", days: 204, exit: { date: "2024-09-29" } });
    // As of 30 June 2024 the child is home but still looked after: open (113 days), under target.
    expect(byChild("E5")).toMatchObject({ status: "open", days: 113 });
  });
  it("the PACE recommendation stage counts the return home as reaching it (PACE Aim 2): 28 days", () => {
    const p = stageDurations(events, PACE_STAGES.recommendation, opts);
    expect(p.rows.find((r) => r.child === "E5")).toMatchObject({ status: "reached", to: "returned-home", days: 28 });
  });
  it("an order on the day the episode ends is reached", () => {
    const o = stageDurations(events, PACE_STAGES.overall, opts);
    expect(o.rows.find((r) => r.child === "E6")).toMatchObject({ status: "reached", to: "kinship-care-order", days: 365 });
    expect(o.rows.find((r) => r.child === "E2")).toMatchObject({ status: "exited", days: 30 });
  });
  it("counts: reached, open, exited; inStage leaves the exits out", () => {
    expect(d.counts).toMatchObject({ notStarted: 3, reached: 1, open: 2, exited: 2, inStage: 3, completed: 1, censored: 4 });
  });
  it("exited rows are never on the drift list; the open one past target is", () => {
    const drift = driftList(d);
    expect(drift.map((r) => [r.child, r.episode, r.daysOpen, r.daysOverTarget])).toEqual([["E4", 2, 245, 63]]);
    // Rows from an older caller with only `exit` set are also left out.
    const legacy = d.rows.map(({ status: _s, ...r }) => r);
    expect(driftList(legacy as never).map((r) => r.child)).toEqual(["E4"]);
  });
  it("period series: exits are counted in their month, never as open", () => {
    const rows = timescaleSeries(d, { series: "period" });
    const at = (p: string) => rows.find((r) => r.period === p)!;
    expect(at("2023-03")).toMatchObject({ exited: 1, reached: 0, n: 0, open: 0 });
    expect(at("2024-03")).toMatchObject({ exited: 1, reached: 1, n: 1, pctWithinTarget: 100, open: 2 });
    expect(timescaleSeries(d, { series: "period", exits: "include" }).find((r) => r.period === "2024-03")).toMatchObject({ n: 2, withinTarget: 1, pctWithinTarget: 50 });
  });
  it("cohort series: exits out of the denominator by default, counted as not within target on request", () => {
    const rows = timescaleSeries(d, { series: "cohort", period: "quarter" });
    const q1 = rows.find((r) => r.period === "2024-Q1")!;
    expect(q1).toMatchObject({ entered: 3, exited: 1, completed: 1, open: 1, n: 2 });
    const q = timescaleSeries(d, { series: "cohort", period: "quarter", asOf: "2024-12-31" }).find((r) => r.period === "2023-Q1")!;
    expect(q).toMatchObject({ entered: 1, exited: 1, n: 0, pctWithinTarget: null });
    const inc = timescaleSeries(d, { series: "cohort", period: "quarter", exits: "include" }).find((r) => r.period === "2023-Q1")!;
    expect(inc).toMatchObject({ n: 1, pctWithinTarget: 0, complete: true });
  });
  it("Kaplan–Meier treats exits as censored (at the exit date)", () => {
    const km = kaplanMeier(d.rows);
    expect(km.events).toBe(1);
    expect(km.n).toBe(5);
  });
});

describe("paceTimescales: routes to permanence from becoming looked after", () => {
  it("each episode's first route, exits as home (never accommodated) or left-care", () => {
    const t = paceTimescales(events, opts);
    const ci = t.permanenceRoutes!.cumulativeIncidence;
    // E1 home 51 d, E7 home 31 d (never accommodated), E5 home 28 d (returned home); E2 left-care 30 d,
    // E3 left-care 94 d, E4/1 left-care 89 d; E6 kinship care order 365 d; E4/2 still waiting (245 d).
    expect(ci.n).toBe(8);
    expect(ci.events).toMatchObject({ home: 3, "left-care": 3, "kinship-care-order": 1, adoption: 0 });
    expect(ci.censored).toBe(1);
    expect(ci.steps.map((s) => s.time)).toEqual([28, 30, 31, 51, 89, 94, 365]);
    // After 94 days 2 of 8 are waiting (S = 0.25); E4/2 is censored at 245, so E6 alone is at risk at 365.
    expect(ci.steps.at(-1)!.cuminc["kinship-care-order"]).toBeCloseTo(0.25, 12);
    expect(ci.steps.at(-1)!.waiting).toBe(0);
  });
});

describe("exits: bad input", () => {
  it("an exit before the episode's start names the child and field", () => {
    const e = catchError(() => stageDurations([ev("X", "ceased-looked-after", "2024-01-01"), ev("X", "looked-after", "2024-02-01")], S, { asOf }));
    expect(e.code).toBe("exit-before-start");
    expect(e.path).toEqual(["events", 0, "date"]);
    expect(e.message).toMatch(/child "X"/);
  });
  it("a route the catalogue does not have", () => {
    const e = catchError(() => stageDurations(events, { ...S, routes: ["home", "kinship"] }, opts));
    expect(e.code).toBe("unknown-route");
    expect(e.path).toEqual(["stage", "routes", 1]);
  });
  it("a routes filter keeps only those routes", () => {
    const r = stageDurations(events, { ...PACE_STAGES.overall, routes: ["kinship-care-order"] }, opts);
    expect(r.rows.map((x) => x.child)).toEqual(["E6"]);
  });
  it("a bad status in caller rows", () => {
    const e = catchError(() => driftList([{ child: "A", episode: 1, stage: "s", from: "a", start: "2024-01-01", days: 300, censored: true, status: "gone", target: 182 }] as never));
    expect(e.code).toBe("invalid-value");
    expect(e.path).toEqual(["durations", 0, "status"]);
  });
});

/**
 * Stage exits (a user trial): the PACE stages after the recommendation end for a child who went
 * home or whose order was granted with no panel date entered. Both were "open" (and on the drift
 * list of a panel target) before `exits`.
 */
describe("stage exits: the PACE stages after the recommendation", () => {
  const trial = deepFreeze([
    // H1 (the trial's C14): recommended for home, home a month later, still looked after at home.
    ev("H1", "looked-after", "2024-01-01"),
    ev("H1", "accommodated", "2024-01-01"),
    ev("H1", "permanence-recommendation", "2024-03-01"),
    ev("H1", "returned-home", "2024-04-01"),
    // P1 (C15): a permanence order granted, no panel, ADM or petition date entered.
    ev("P1", "looked-after", "2024-01-01"),
    ev("P1", "accommodated", "2024-01-01"),
    ev("P1", "permanence-recommendation", "2024-03-01"),
    ev("P1", "permanence-order", "2024-12-01"),
    // W1: waiting for a panel since 1 Mar 2024: open.
    ev("W1", "looked-after", "2024-01-01"),
    ev("W1", "accommodated", "2024-01-01"),
    ev("W1", "permanence-recommendation", "2024-03-01"),
    // R1: home after the panel: exited from the ADM stage, reached in the panel stage.
    ev("R1", "looked-after", "2024-01-01"),
    ev("R1", "accommodated", "2024-01-01"),
    ev("R1", "permanence-recommendation", "2024-03-01"),
    ev("R1", "permanence-panel", "2024-05-01"),
    ev("R1", "returned-home", "2024-05-10"),
  ]);
  const as = { asOf: "2025-03-31" };
  const panel = stageDurations(trial, { ...PACE_STAGES.panel, target: 84 }, as);
  const row = (c: string) => panel.rows.find((r) => r.child === c)!;

  it("a return home ends the panel stage as exited, at the return", () => {
    expect(row("H1")).toMatchObject({ status: "exited", days: 31, exit: { milestone: "returned-home", date: "2024-04-01" }, withinTarget: null, daysOverTarget: null });
  });
  it("an order granted with no panel date: the panel date is missing (missing-end), no row — not exited at the order, not open", () => {
    // Before missing-end it was exited at the order (censored there in Kaplan–Meier, as if it had
    // had no panel by then); the order shows the panel happened on a date not recorded.
    expect(panel.rows.find((r) => r.child === "P1")).toBeUndefined();
    expect(panel.warnings).toContainEqual({
      code: "missing-end",
      message: "1 episode has no permanence-panel date though a later milestone of its route is recorded (missing-earlier in the data check): the stage ended on a date not recorded, so it is left out (not open, not on the drift list)",
    });
  });
  it("a child still waiting is open, and only they are on the drift list", () => {
    expect(row("W1")).toMatchObject({ status: "open", days: 395, daysOverTarget: 311 });
    expect(row("R1")).toMatchObject({ status: "reached", days: 61 });
    expect(driftList(panel).map((r) => r.child)).toEqual(["W1"]);
    expect(panel.counts).toMatchObject({ reached: 1, open: 1, exited: 1, missingEnd: 1 });
  });
  it("a return home after the panel exits the ADM stage; the order stage exits on a return home only", () => {
    const adm = stageDurations(trial, PACE_STAGES.adm, as);
    expect(adm.rows.map((r) => [r.child, r.status, r.exit?.milestone ?? null])).toEqual([["R1", "exited", "returned-home"]]);
    expect(PACE_STAGES.order.exits).toBe("returned-home");
  });
  it("a return home counts only when the panel never follows: home, back into care, then the panel is reached (the ADM stage agrees)", () => {
    const back = [
      ev("B1", "looked-after", "2023-01-10"),
      ev("B1", "accommodated", "2023-01-10"),
      ev("B1", "permanence-recommendation", "2023-06-01"),
      ev("B1", "returned-home", "2023-08-01"),
      ev("B1", "accommodated", "2023-12-01"),
      ev("B1", "permanence-panel", "2024-03-01"),
    ];
    expect(stageDurations(back, PACE_STAGES.panel, as).rows[0]).toMatchObject({ status: "reached", days: 274, exit: null });
    expect(stageDurations(back, PACE_STAGES.adm, as).rows[0]).toMatchObject({ status: "open", start: "2024-03-01" });
  });
  it("overall: a child who went home is exited at the return, not open (the row's route says home)", () => {
    const home = [ev("O1", "looked-after", "2023-02-01"), ev("O1", "accommodated", "2023-02-01"), ev("O1", "permanence-recommendation", "2023-05-01"), ev("O1", "returned-home", "2023-06-01")];
    const d = stageDurations(home, { ...PACE_STAGES.overall, target: 365 }, as);
    expect(d.rows[0]).toMatchObject({ status: "exited", days: 120, route: "home", exit: { milestone: "returned-home", date: "2023-06-01" } });
    expect(driftList(d)).toEqual([]);
  });
  it("without exits the child who went home is open (the stage as before); the one with an order is still missing-end", () => {
    const { exits: _, ...bare } = PACE_STAGES.panel;
    const d = stageDurations(trial, bare, as);
    expect(d.rows.filter((r) => r.status === "open").map((r) => r.child).sort()).toEqual(["H1", "W1"]);
    expect(d.counts.missingEnd).toBe(1);
  });
  it("exits that name a to milestone, an unknown milestone or a misspelt stage key are errors", () => {
    const both = catchError(() => stageDurations(trial, { ...PACE_STAGES.panel, exits: ["returned-home", "permanence-panel"] }, as));
    expect(both.code).toBe("invalid-option");
    expect(both.path).toEqual(["stage", "exits", 1]);
    const unknown = catchError(() => stageDurations(trial, { ...S, exits: "gone-home" }, as));
    expect(unknown.code).toBe("unknown-milestone");
    expect(unknown.path).toEqual(["stage", "exits"]);
    const typo = catchError(() => stageDurations(trial, { ...S, exit: "returned-home" } as never, as));
    expect(typo.code).toBe("unknown-option");
    expect(typo.path).toEqual(["stage", "exit"]);
    expect(typo.message).toMatch(/did you mean "exits"/);
  });
});

/**
 * Sixteenth user trial (browser notebook): funnelPlot took a published table's "Scotland" row as a
 * 31st organisation (φ 1.03 → 0.993, the adjusted limits silently unadjusted) where the CLI refuses
 * it; suppressed cells ("*", "[c]") could only be dropped by hand, with nothing on the plot saying
 * so; and "*" or a day-first date got no hint of what to do.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { controlChart, findTotalRows, funnelPlot, renderFunnelPlot, runChart, summariseFunnelPlot } from "../../src/index.js";
import { fails } from "../_shared/fails.js";
import { deepFreeze } from "../_shared/freeze.js";

type Row = Record<string, string>;
const COLS = ["Local authority", "Decisions within 6 months", "Children accommodated"] as const;
/** The trial's table as a notebook reads it: a row per line below the header (line 3), the 2 note lines below dropped. */
const TABLE: readonly Row[] = deepFreeze(
  readFileSync(new URL("../fixtures/trial16/funnel_la.csv", import.meta.url), "utf8")
    .split(/\r?\n/)
    .slice(3, 36)
    .map((line) => Object.fromEntries(line.split(",").map((v, k) => [COLS[k]!, v]))),
);
const OPTS = { group: "Local authority", numerator: "Decisions within 6 months", denominator: "Children accommodated", multiplier: 100 } as const;
const SHOWN = TABLE.filter((r) => /^\d+$/.test(r[COLS[1]]!) && /^\d+$/.test(r[COLS[2]]!));
const ADVICE = "a funnel plot compares each organisation with the overall rate, and a total among them would be compared with itself and shift the target and the limits.";

describe("funnelPlot refuses a total row, as the CLI does (one rule: findTotalRows)", () => {
  it("the trial's Scotland row: a total-row error naming the row, why, and how to drop it", () => {
    expect(TABLE.length).toBe(33);
    expect(TABLE[32]![COLS[0]]).toBe("Scotland");
    const e = fails(() => funnelPlot(SHOWN, OPTS));
    expect([e.code, e.path]).toEqual(["total-row", ["data", 30, "Local authority"]]);
    expect(e.message).toBe(`data[30] ("Scotland") is a total of the others, not an organisation (its name says so): ${ADVICE} Drop the row before plotting, e.g. data.filter((d) => d["Local authority"] !== "Scotland") (at data[30].Local authority)`);
    expect(e.issues).toEqual([{ code: "total-row", path: ["data", 30, "Local authority"], message: 'data[30] ("Scotland") is a total of the others (its name says so)' }]);
  });
  it("by its name before its values are read: the same error with the suppressed cells in the table", () => {
    const e = fails(() => funnelPlot(TABLE, OPTS));
    expect([e.code, e.path]).toEqual(["total-row", ["data", 32, "Local authority"]]);
  });
  it("under another name, by its sums: exactly the other rows' with nothing suppressed", () => {
    const rows = [{ la: "A", k: 3, n: 10 }, { la: "B", k: 5, n: 20 }, { la: "C", k: 2, n: 10 }, { la: "Region X", k: 10, n: 40 }];
    const e = fails(() => funnelPlot(rows, { group: "la", numerator: "k", denominator: "n" }));
    expect([e.code, e.path]).toEqual(["total-row", ["data", 3, "la"]]);
    expect(e.message).toBe(`data[3] ("Region X") is a total of the others, not an organisation (its numerator 10 and denominator 40 are the sums of the other 3 groups'): ${ADVICE} Drop the row before plotting, e.g. data.filter((d) => d["la"] !== "Region X") (at data[3].la)`);
  });
  it("with suppressed groups only names count: a group as large as all the others shown is plotted (trial 17: Glasgow City was refused)", () => {
    const rows = TABLE.map((r) => (r[COLS[0]] === "Scotland" ? { ...r, [COLS[0]]: "Region X" } : r));
    const f = funnelPlot(rows, { ...OPTS, suppressed: ["*", "[c]"] });
    expect(f.groups.map((p) => p.group)).toContain("Region X");
    // A health board's partnerships: Glasgow City is more than the rest together; one cell suppressed.
    const board = [{ p: "Glasgow City", k: 396, n: 700 }, { p: "East Dunbartonshire", k: 60, n: 110 }, { p: "East Renfrewshire", k: "*", n: 90 }, { p: "Inverclyde", k: 50, n: 95 }, { p: "Renfrewshire", k: 70, n: 140 }];
    const g = funnelPlot(board, { group: "p", numerator: "k", denominator: "n", suppressed: ["*"] });
    expect(g.groups.map((p) => p.group)).toEqual(["Glasgow City", "East Dunbartonshire", "Inverclyde", "Renfrewshire"]);
    expect(g.leftOut.map((l) => l.group)).toEqual(["East Renfrewshire"]);
  });
  it("an accessor group: no filter to show, the row to drop", () => {
    const e = fails(() => funnelPlot(SHOWN, { ...OPTS, group: (d: Row) => d[COLS[0]] }));
    expect(e.message).toBe(`data[30] ("Scotland") is a total of the others, not an organisation (its name says so): ${ADVICE} Drop the row before plotting (at data[30].group)`);
  });
  it("'Total Care Ltd' is an organisation: its name alone does not make it a total, and its values are no sum", () => {
    const rows = [{ la: "Total Care Ltd", k: 3, n: 10 }, { la: "B", k: 5, n: 20 }, { la: "C", k: 4, n: 12 }];
    expect(funnelPlot(rows, { group: "la", numerator: "k", denominator: "n" }).groups.map((g) => g.group)).toEqual(["Total Care Ltd", "B", "C"]);
  });
  it("findTotalRows: the rule by name, by sums, and not for organisations", () => {
    expect(findTotalRows(["Angus", "Fife", "Scotland"])).toEqual({ rows: [2], reason: "its name says so" });
    expect(findTotalRows(["Scotland", "England", "Wales"])).toBeNull();
    expect(findTotalRows(["Scotland", "England", "Wales", "UK"])).toEqual({ rows: [3], reason: "its name says so" });
    expect(findTotalRows(["Angus", "Fife", "Highland", "Region X"], { numerators: [3, 5, 2, 10], denominators: [10, 20, 10, 40] })).toEqual({ rows: [3], reason: "its numerator 10 and denominator 40 are the sums of the other 3 rows'" });
    expect(findTotalRows(["Angus", "Fife", "Highland", "Region X"], { numerators: [3, 5, 2, 11], denominators: [10, 20, 10, 40] })).toBeNull();
    expect(findTotalRows(["Total Care Ltd", 7])).toBeNull();
    expect(fails(() => findTotalRows(["A", ""])).path).toEqual(["groups", 1]);
    expect(fails(() => findTotalRows(["A"], { numerators: [1, 2], denominators: [1] })).path).toEqual(["counts", "numerators"]);
  });
});

describe("funnelPlot leaves out a suppressed organisation when told its marks (options.suppressed), and says so", () => {
  const SUMMARY = "30 organisations (2 left out, their values suppressed: Orkney Islands, Shetland Islands); target 53.6 (limits adjusted for overdispersion (φ = 1.03, τ² = 0.000103)). Above the 99.8 % limits: East Renfrewshire (80). Below the 99.8 % limits: Dundee City (37.4).";
  const COUNCILS = TABLE.filter((r) => r[COLS[0]] !== "Scotland");

  it("the trial's 32 councils: 30 plotted as without the 2, the 2 in leftOut, a warning and the summary", () => {
    const f = funnelPlot(COUNCILS, { ...OPTS, suppressed: ["*", "[c]"] });
    const without = funnelPlot(SHOWN.filter((r) => r[COLS[0]] !== "Scotland"), OPTS);
    expect(f.groups).toEqual(without.groups);
    expect([f.phi, f.tau2, f.limitsUsed]).toEqual([without.phi, without.tau2, "adjusted"]);
    expect(f.leftOut).toEqual([
      { group: "Orkney Islands", reason: "suppressed", cells: [{ row: 22, field: "numerator", text: "*" }] },
      { group: "Shetland Islands", reason: "suppressed", cells: [{ row: 26, field: "numerator", text: "[c]" }, { row: 26, field: "denominator", text: "[c]" }] },
    ]);
    expect(f.warnings).toEqual([
      { code: "rows-suppressed", message: 'left out 2 organisations whose numerator or denominator is suppressed (options.suppressed): Orkney Islands (data[22].Decisions within 6 months "*"), Shetland Islands (data[26].Decisions within 6 months "[c]", data[26].Children accommodated "[c]")' },
    ]);
    expect(summariseFunnelPlot(f)).toBe(SUMMARY);
    expect(without.leftOut).toEqual([]);
    expect(summariseFunnelPlot(without)).toBe(SUMMARY.replace(" (2 left out, their values suppressed: Orkney Islands, Shetland Islands)", ""));
  });
  it("the drawing says it under the title, and <desc> is the summary", () => {
    const svg = renderFunnelPlot(funnelPlot(COUNCILS, { ...OPTS, suppressed: ["*", "[c]"] }), { title: "Decisions within 6 months" });
    expect(svg).toContain(`<desc id="${/id="([^"]+)-desc"/.exec(svg)![1]}-desc">${SUMMARY}</desc>`);
    expect(svg.match(/<text class="left-out"[^>]*>[^<]*<\/text>/g)!.map((t) => t.replace(/<[^>]+>/g, ""))).toEqual(["30 organisations plotted (2 left out, their values suppressed: Orkney Islands, Shetland Islands)"]);
  });
  it("one left out: 'its value'; a result saved without leftOut (0.1.0) still summarises", () => {
    const f = funnelPlot([{ la: "A", k: "*", n: 10 }, { la: "B", k: 3, n: 10 }, { la: "C", k: 4, n: 10 }], { group: "la", numerator: "k", denominator: "n", suppressed: [" * "] });
    expect(summariseFunnelPlot(f)).toMatch(/^2 organisations \(1 left out, its value suppressed: A\); target 0\.35 /);
    const { leftOut: _, ...old } = f;
    expect(summariseFunnelPlot(old as typeof f)).toMatch(/^2 organisations; target 0\.35 /);
  });
  it("marks must be texts that are neither numbers nor missing values; every group suppressed is empty-data", () => {
    for (const [m, msg] of [[7, "must be a text"], ["0", "is a number"], ["NA", "is a missing value"], ["", "is a missing value"]] as const) {
      const e = fails(() => funnelPlot(SHOWN.slice(0, 3), { ...OPTS, suppressed: [m as string] }));
      expect([e.code, e.path, e.message.includes(msg)]).toEqual(["invalid-option", ["options", "suppressed", 0], true]);
    }
    expect(fails(() => funnelPlot([{ la: "A", k: "*", n: 10 }], { group: "la", numerator: "k", denominator: "n", suppressed: ["*"] })).code).toBe("empty-data");
  });
});

describe("the library's hints for suppression marks and day-first dates (finding 7)", () => {
  it("funnelPlot given '*', '[c]', 'c', '..', '-': a suppressed value, leave the row out or name it in suppressed", () => {
    for (const mark of ["*", "[c]", "c", "..", "-"]) {
      const e = fails(() => funnelPlot([{ g: "A", k: mark, n: 10 }, { g: "B", k: 3, n: 10 }], { group: "g", numerator: "k", denominator: "n" }));
      const m = JSON.stringify(mark);
      expect([e.code, e.message]).toEqual(["invalid-value", `numerator must be a number; row 0 has ${m}: ${m} looks like a mark for a value not published (suppressed, confidential or not available): leave the row out, or give the option suppressed: [${m}] to leave out each row with that mark, named in the result's leftOut (at data[0].k)`]);
    }
  });
  it("runChart's and controlChart's y: a gap; a p chart's n: a gap with its y", () => {
    expect(fails(() => runChart([{ m: 1, y: "*" }, { m: 2, y: 2 }], { x: "m", y: "y" })).message).toBe('y must be a number; row 0 has "*": "*" looks like a mark for a value not published (suppressed, confidential or not available): give null in its place, a gap in the chart (at data[0].y)');
    expect(fails(() => controlChart([{ y: 1, n: "[c]" }, { y: 2, n: 10 }], { type: "p", y: "y", n: "n" })).message).toBe('n must be a number; row 0 has "[c]": "[c]" looks like a mark for a value not published (suppressed, confidential or not available): give null for it and for its y, a gap in the chart (at data[0].n)');
  });
  it("runChart with x '01/04/2023' points to readDate with dates: 'uk' (day-first) or 'us'", () => {
    const e = fails(() => runChart([{ m: "01/04/2023", y: 1 }, { m: "01/05/2023", y: 2 }], { x: "m", y: "y" }));
    expect([e.code, e.message]).toEqual([
      "invalid-x",
      'x must be a number, a Date or an ISO date (YYYY-MM-DD); row 0 has "01/04/2023": day and month written as numbers are ambiguous (day-first in the UK, month-first in the US), so they are not guessed: read each x with readDate(value, { dates: "uk" }) for day-first ("2023-04-01") or readDate(value, { dates: "us" }) for month-first ("2023-01-04"), and give the ISO dates as x (at data[0].m)',
    ]);
    expect(fails(() => controlChart([{ m: "13/04/2023", y: 1 }, { m: "14/04/2023", y: 2 }], { type: "i", x: "m", y: "y" })).message).toContain('read each x with readDate(value, { dates: "uk" }) for day-first ("2023-04-13"), and give the ISO dates as x');
    expect(fails(() => runChart([{ m: "Jan 2024", y: 1 }], { x: "m", y: "y" })).message).toContain('row 0 has "Jan 2024". A month or quarter written as a label');
  });
});

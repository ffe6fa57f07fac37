// Defects found by a user trial of the data check (pace-qi check / checkCaseRecords): each case
// failed before its fix. Both ways to the check must agree: checkCaseRecords, and paceTimescales'
// `check` built from the stages' read (see paceTimescalesCheck.test.ts).
import { describe, expect, it } from "vitest";
import { checkCaseRecords, matchOrderType, paceTimescales, readDate, recogniseColumns, type CheckCaseRecordsOptions } from "../../src/index.js";

type Row = Record<string, string>;

const WIDE_COLUMNS = {
  accommodated: "Date Accommodated",
  "permanence-recommendation": "Perm Rec Date",
  "permanence-panel": "Panel",
  "adm-decision": "ADM",
  "petition-lodged": "Petition",
  "ceased-looked-after": "Ceased",
};
const wideRow = (child: string, cells: Partial<Record<keyof typeof WIDE_COLUMNS, string>>): Row => {
  const row: Row = { "Child ID": child };
  for (const [id, col] of Object.entries(WIDE_COLUMNS)) row[col] = cells[id as keyof typeof WIDE_COLUMNS] ?? "";
  return row;
};
const STAGES = { format: "wide", child: "Child ID", columns: WIDE_COLUMNS, dates: "uk", asOf: "31/03/2025" } as const;
const WIDE: CheckCaseRecordsOptions<Row> = { ...STAGES, staleAfter: 10_000 };

/** The check both ways; they must agree. */
function bothWays(rows: Row[], options: CheckCaseRecordsOptions<Row>) {
  const check = checkCaseRecords(rows, options);
  const { staleAfter, ...rest } = options;
  const viaStages = paceTimescales(rows, { ...rest, check: staleAfter === undefined ? true : { staleAfter } } as never).check;
  expect(viaStages).toEqual(check);
  return check;
}

describe("milestones after the episode ended (defect 1)", () => {
  it("a review and a return home after ceased are reported too (a second trial: they were skipped as never order-checked)", () => {
    const rows = [
      { child: "B3", milestone: "accommodated", date: "2024-01-01" },
      { child: "B3", milestone: "ceased-looked-after", date: "2024-02-01" },
      { child: "B3", milestone: "returned-home", date: "2024-03-01" },
      { child: "B3", milestone: "lac-review", date: "2024-03-05" },
      { child: "B4", milestone: "accommodated", date: "2024-01-01" },
      { child: "B4", milestone: "returned-home", date: "2024-02-01" },
      { child: "B4", milestone: "ceased-looked-after", date: "2024-02-01" },
    ] as unknown as Row[];
    const c = bothWays(rows, { asOf: "2024-06-30", staleAfter: 10_000 } as never);
    expect(c.issues.map((i) => [i.code, i.child, i.row])).toEqual([
      ["out-of-order", "B3", 2],
      ["out-of-order", "B3", 3],
    ]);
    expect(c.issues[1]!.message).toBe('child "B3": lac-review on 2024-03-05 is after the episode ended (ceased-looked-after on 2024-02-01)');
  });
  it("a ceased date before accommodation, and a petition after ceased on the permanence-order route, are both reported", () => {
    const rows = [
      wideRow("C04", { accommodated: "15/06/2024", "ceased-looked-after": "01/05/2024" }),
      wideRow("C07", { accommodated: "05/05/2023", "permanence-recommendation": "01/12/2023", "permanence-panel": "01/03/2024", "adm-decision": "10/03/2024", "petition-lodged": "01/09/2024", "ceased-looked-after": "01/06/2024" }),
      wideRow("C09", { accommodated: "05/05/2023", "ceased-looked-after": "01/06/2024" }),
    ];
    const c = bothWays(rows, WIDE);
    expect(c.issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([
      ["out-of-order", "C04", 0, "Date Accommodated", "15/06/2024"],
      ["out-of-order", "C07", 1, "Petition", "01/09/2024"],
    ]);
    expect(c.issues[1]!.message).toBe('child "C07": petition-lodged on 2024-09-01 is after the episode ended (ceased-looked-after on 2024-06-01)');
  });

  it("long rows: a repeat of a ranked milestone after the end is reported once", () => {
    const rows = [
      { child: "A", milestone: "accommodated", date: "2024-01-01" },
      { child: "A", milestone: "permanence-recommendation", date: "2024-02-01" },
      { child: "A", milestone: "petition-lodged", date: "2024-03-01" },
      { child: "A", milestone: "kinship-care-order", date: "2024-05-01" },
      { child: "A", milestone: "ceased-looked-after", date: "2024-05-01" },
      { child: "A", milestone: "permanence-recommendation", date: "2024-07-01" },
    ];
    const c = bothWays(rows, { asOf: "2025-03-31", staleAfter: 10_000 });
    expect(c.issues.map((i) => [i.code, i.row])).toEqual([["out-of-order", 5]]);
  });
});

describe("exact duplicate wide rows (defect 2)", () => {
  it("are a duplicate-row issue naming the child and both rows; the stages' warning names them too", () => {
    const a = wideRow("C02", { accommodated: "01/02/2024", "permanence-recommendation": "15/07/2024" });
    const rows = [wideRow("C01", { accommodated: "01/01/2024" }), a, { ...a }, wideRow("C03", { accommodated: "01/03/2024" })];
    const c = bothWays(rows, WIDE);
    expect(c.counts["duplicate-row"]).toBe(1);
    expect(c.issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([["duplicate-row", "C02", 2, "Child ID", "C02"]]);
    expect(c.issues[0]!.message).toBe('child "C02": this row repeats row 1 exactly (one row per child and episode): merged into it');
    const t = paceTimescales(rows, { ...STAGES, stages: ["recommendation"] } as never);
    expect(t.stages.recommendation!.durations.warnings.find((w) => w.code === "duplicate-rows-merged")!.message).toBe('1 wide row repeated an earlier row of the same child exactly and was merged: child "C02", row 2 (repeating row 1)');
  });

  it("names the first three and counts the rest", () => {
    const rows = ["A", "B", "C", "D", "E"].flatMap((id) => [wideRow(id, { accommodated: "01/02/2024" }), wideRow(id, { accommodated: "01/02/2024" })]);
    const t = paceTimescales(rows, { ...STAGES, stages: ["recommendation"] } as never);
    expect(t.stages.recommendation!.durations.warnings.find((w) => w.code === "duplicate-rows-merged")!.message).toBe(
      '5 wide rows repeated an earlier row of the same child exactly and were merged: child "A", row 1 (repeating row 0); child "B", row 3 (repeating row 2); child "C", row 5 (repeating row 4); and 2 more',
    );
  });
});

describe("exact duplicate long rows (same child, milestone and date)", () => {
  const ev = (child: string, milestone: string, date: string, episode = "1") => ({ "Child ID": child, Event: milestone, "Event Date": date, Episode: episode });
  const LONG: CheckCaseRecordsOptions<Row> = { child: "Child ID", milestone: "Event", date: "Event Date", episode: "Episode", dates: "uk", asOf: "31/03/2025", staleAfter: 10_000 };
  it("are a duplicate-row issue naming both rows, for a milestone that repeats (a review) and one that does not (it said 'recorded twice'); the stages count them once", () => {
    const rows = [
      ev("C01", "accommodated", "01/02/2024"),
      ev("C01", "lac-review", "01/05/2024"),
      ev("C01", "permanence-recommendation", "15/07/2024"),
      ev("C01", "lac-review", "01/05/2024"),
      ev("C01", "lac-review", "01/08/2024"),
      ev("C01", "permanence-recommendation", "15/07/2024"),
      ev("C02", "accommodated", "01/03/2024"),
    ];
    const c = bothWays(rows, LONG);
    expect(c.issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([
      ["duplicate-row", "C01", 3, "Event Date", "01/05/2024"],
      ["duplicate-row", "C01", 5, "Event Date", "15/07/2024"],
    ]);
    expect(c.issues[0]!.message).toBe('child "C01": this row repeats row 1: the same milestone on the same date (lac-review on 2024-05-01), counted once, as the stages count it');
    expect(c.issues[1]!.message).toBe('child "C01": this row repeats row 2: the same milestone on the same date (permanence-recommendation on 2024-07-15), counted once, as the stages count it');
    const { staleAfter: _s, ...stageOptions } = LONG;
    const once = (events: Row[]) => { const r = paceTimescales(events, stageOptions as never); return JSON.stringify(r.stages); };
    expect(once(rows)).toBe(once([0, 1, 2, 4, 6].map((i) => rows[i]!)));
  });

  it("a repeat on another day, or in another episode, is not one: a permanence order twice is repeated-milestone, a review twice is fine", () => {
    const rows = [
      ev("C01", "accommodated", "01/02/2024"),
      ev("C01", "permanence-order", "15/07/2024"),
      ev("C01", "permanence-order", "16/07/2024"),
      ev("C01", "accommodated", "01/02/2024", "2"),
      ev("C01", "lac-review", "01/05/2024"),
      ev("C01", "lac-review", "01/05/2024", "2"),
    ];
    expect(bothWays(rows, LONG).issues.filter((i) => i.code !== "missing-earlier").map((i) => [i.code, i.row])).toEqual([["repeated-milestone", 2]]);
  });
});

describe("two accommodated dates with nothing between (defect 3)", () => {
  const ev = (child: string, milestone: string, date: string) => ({ child, milestone, date });
  it("is reported, naming the date the stages use; a return home or an end between is a new accommodation", () => {
    const rows = [
      ev("C06", "accommodated", "2024-10-10"),
      ev("C06", "accommodated", "2024-01-10"),
      ev("C06", "accommodated", "2024-01-10"), // the same row again: harmless to the stages, a duplicate-row to the check
      ev("H", "accommodated", "2023-01-10"),
      ev("H", "returned-home", "2023-06-01"),
      ev("H", "accommodated", "2024-01-10"),
    ];
    const c = bothWays(rows, { asOf: "2025-03-31", staleAfter: 10_000 });
    expect(c.issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([["accommodated-twice", "C06", 0, "date", "2024-10-10"], ["duplicate-row", "C06", 2, "date", "2024-01-10"]]);
    expect(c.issues[0]!.message).toBe(
      'child "C06": accommodated on 2024-10-10 (row 0) but already accommodated on 2024-01-10 (row 1), with no return home or end of the episode between: the stages start from 2024-01-10',
    );
  });
});

describe("options that are not options (defect 4)", () => {
  const rows = [{ child: "A", milestone: "accommodated", date: "2024-01-01" }];
  it.each([
    [{ asof: "2025-03-31" }, "asof", "asOf"],
    [{ staleafter: 5 }, "staleafter", "staleAfter"],
  ])("checkCaseRecords rejects %o naming the key, with did you mean", (options, key, near) => {
    expect(() => checkCaseRecords(rows, options as never)).toThrow(
      expect.objectContaining({ code: "unknown-option", path: ["options", key], message: expect.stringContaining(`unknown checkCaseRecords option "${key}"; did you mean "${near}"?`) }),
    );
  });

  it.each([
    [{ chlid: "Case No" }, "chlid", "child"],
    [{ Other: ["Team"] }, "Other", "other"],
  ])("recogniseColumns rejects %o naming the key, with did you mean", (options, key, near) => {
    expect(() => recogniseColumns(["Case No", "Team", "Date Accommodated", "Perm Rec"], options as never)).toThrow(
      expect.objectContaining({ code: "unknown-option", path: ["options", key], message: expect.stringContaining(`unknown recogniseColumns option "${key}"; did you mean "${near}"?`) }),
    );
  });

  it("recogniseColumns' advice names its own options, never a CLI flag", () => {
    const messages = [
      () => recogniseColumns(["Child ID", "Order Granted", "Date Accommodated"]),
      () => recogniseColumns(["Child ID", "Child Ref", "Accommodated"]),
      () => recogniseColumns(["Name", "Accommodated"]),
      () => recogniseColumns(["child", "a", "b"]),
      () => recogniseColumns(["child", "Event", "Date", "Accommodated"]),
      () => recogniseColumns(["child", "Panel", "Permanence Panel"]),
    ].map((f) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return "did not throw";
    });
    for (const m of messages) expect(m).not.toMatch(/--|did not throw/);
    expect(messages[0]).toContain('name the column that holds each order\'s type with orderType, or map it with columns: { MILESTONE: "Order Granted" }');
  });

  it("a column given that is not in the header: the option's path, and the nearest header", () => {
    expect(() => recogniseColumns(["Child ID", "Date Accommodated", "Perm Rec Date"], { columns: { "permanence-recommendation": "Perm Rec Dat" } })).toThrow(
      expect.objectContaining({ code: "missing-column", path: ["options", "columns", "permanence-recommendation"], message: expect.stringContaining('no column "Perm Rec Dat" (given as columns.permanence-recommendation): did you mean "Perm Rec Date"? Columns: "Child ID"') }),
    );
  });
});

describe("order types and month names as trackers write them (defect 9)", () => {
  it.each([
    ["s.11 kinship care order", "kinship-care-order"],
    ["Kinship Care Order (s11)", "kinship-care-order"],
    ["KCO (section 11)", "kinship-care-order"],
    ["adoption order granted", "adoption-order"],
    ["Adoption Order made", "adoption-order"],
    ["PO granted", "permanence-order"],
    ["POA (permanence order with authority to adopt)", "permanence-order-authority-to-adopt"],
    ["Residence order", "kinship-care-order"],
    // Not an order type on its own (a placement "residential", the child's residence): left for the check to report.
    ["Residence", null],
    // Two different orders: never a guess.
    ["PO / adoption order", null],
    ["kinship care order adoption order", null],
    ["order", null],
  ])("matchOrderType(%j) is %j", (value, id) => {
    expect(matchOrderType(value)).toBe(id);
  });

  it("reads Sept as September (any case); other four-letter abbreviations stay refused", () => {
    expect(readDate("3 Sept 2024", { dates: "uk" })).toBe("2024-09-03");
    expect(readDate("03-SEPT-2024", { dates: "uk" })).toBe("2024-09-03");
    expect(readDate("Sept 3, 2024", { dates: "us" })).toBe("2024-09-03");
    expect(readDate("3 Sep 2024", { dates: "uk" })).toBe("2024-09-03");
    expect(readDate("3 Octo 2024", { dates: "uk" })).toBeNull();
  });
});

describe("impossible dates say what was probably meant (defect 7)", () => {
  const rows = [
    { child: "A", milestone: "accommodated", date: "9/1/2024" },
    { child: "B", milestone: "accommodated", date: "12/12/23" },
    { child: "C", milestone: "accommodated", date: "31/02/2024" },
    { child: "D", milestone: "accommodated", date: "12/31/2024" },
  ];
  it("another order that reads it, or a two-digit year", () => {
    expect(checkCaseRecords(rows).issues.map((i) => i.message)).toEqual([
      'child "A": "9/1/2024" is not a date (expected an ISO YYYY-MM-DD date or a valid Date; it looks like a day-first date: use dates: "uk")',
      'child "B": "12/12/23" is not a date (expected an ISO YYYY-MM-DD date or a valid Date; two-digit years are not read (19xx or 20xx?): write the year in full)',
      'child "C": "31/02/2024" is not a date (expected an ISO YYYY-MM-DD date or a valid Date)',
      'child "D": "12/31/2024" is not a date (expected an ISO YYYY-MM-DD date or a valid Date; it looks like a month-first date: use dates: "us")',
    ]);
    expect(checkCaseRecords(rows, { dates: "uk" }).issues.map((i) => i.message.replace(/^.*or a valid Date/, ""))).toEqual(["; two-digit years are not read (19xx or 20xx?): write the year in full)", ")", '; it looks like a month-first date: use dates: "us")']);
  });
});

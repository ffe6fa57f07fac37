// checkCaseRecords on realistic exports written for these tests (test/fixtures/exports): a wide
// tracker with human headers, UK dates with and without leading zeros, blanks, an order-type
// column and one planted error per child E01–E09; a long export with its own planted errors.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { checkCaseRecords, matchOrderType, recogniseColumns, renderCaseRecordsCheck, stageDurations, type CheckCaseRecordsOptions } from "../../src/index.js";

const read = (name: string): Record<string, string>[] => parse(readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), "utf8"), { columns: true });
const header = (name: string): string[] => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), "utf8").split("\n")[0]!.split(",");

/** Wide rows with the order column split by its type, as the CLI's --order-type does. */
function wideOptions(rows: Record<string, string>[]): CheckCaseRecordsOptions<Record<string, string>> {
  const m = recogniseColumns(header("tracker-wide.csv"), { orderType: "Order Type", other: ["Team"] });
  const columns: Record<string, string | ((d: Record<string, string>) => unknown)> = { ...m.columns };
  for (const id of ["permanence-order", "permanence-order-authority-to-adopt", "kinship-care-order", "adoption-order"]) {
    columns[id] = (d) => (matchOrderType(d[m.orderType!]!) === id ? d[m.orderColumn!] : "");
  }
  void rows;
  return { format: "wide", child: m.child, group: "Team", dateOfBirth: m.dateOfBirth!, columns, dates: "uk", asOf: "31/03/2025" };
}

describe("checkCaseRecords on a wide tracker", () => {
  const rows = read("tracker-wide.csv");
  const check = checkCaseRecords(rows, wideOptions(rows));

  it("reports each planted error once, with its child, row, column and value", () => {
    const got = check.issues.map((i) => [i.code, i.child, i.row, i.column, i.value]);
    expect(got).toEqual([
      ["missing-child", null, 16, "Child ID", null],
      ["invalid-date", "E01", 4, "Perm Rec Date", "31/02/2024"],
      ["before-birth", "E03", 6, "Date Accommodated", "1/3/2024"],
      ["after-extract", "E04", 11, "ADM", "15/06/2025"],
      ["out-of-order", "E02", 5, "Panel", "1/5/2024"],
      ["out-of-order", "E09", 17, "Panel", "1/12/2023"],
      ["missing-earlier", "E05", 12, "Panel", null],
      ["conflicting-rows", "E06", 14, "Perm Rec Date", "1/5/2024"],
    ]);
    expect(check.issues.find((i) => i.code === "out-of-order" && i.child === "E02")!.message).toBe(
      'child "E02": permanence-panel on 2024-05-01 is before permanence-recommendation on 2024-06-10, which comes first on the route',
    );
    expect(check.issues.find((i) => i.child === "E09")!.message).toContain("is after the episode ended (ceased-looked-after on 2023-11-01)");
    expect(check.counts["invalid-date"]).toBe(1);
    expect(check.counts["stale-extract"]).toBe(0);
    expect(check.children).toBe(16);
    expect(check.latestDate).toBe("2025-06-15");
  });

  it("completeness: of the children who passed a milestone, the share with its date", () => {
    const all = check.completeness.filter((r) => r.group === null && r.month === null);
    expect(all.map((r) => [r.milestone, r.expected, r.recorded])).toEqual([
      ["permanence-recommendation", 8, 8],
      ["permanence-panel", 6, 5], // E05: an ADM decision without a panel
      ["adm-decision", 3, 3],
      ["petition-lodged", 4, 4],
    ]);
    const east = check.completeness.find((r) => r.milestone === "permanence-panel" && r.group === "East")!;
    expect(east).toMatchObject({ expected: 1, recorded: 0, pct: 0 });
    expect(check.completeness.some((r) => r.month === "2024-01" && r.milestone === "permanence-panel")).toBe(true);
  });

  it("a stale extract: the latest date far behind asOf", () => {
    const clean = rows.filter((r) => r["Child ID"]!.startsWith("C"));
    const c = checkCaseRecords(clean, { ...wideOptions(clean), asOf: "2025-12-31" });
    expect(c.issues.map((i) => [i.code, i.value])).toEqual([["stale-extract", "2025-02-20"]]);
    expect(c.issues[0]!.message).toContain("314 days before the extract date 2025-12-31");
  });

  it("the clean rows give the same durations as the equivalent long ISO file", () => {
    const clean = rows.filter((r) => r["Child ID"]!.startsWith("C"));
    const { dateOfBirth: _d, asOf: _a, group: _g, ...opts } = wideOptions(clean);
    const long = read("clean-long-iso.csv");
    for (const stage of ["recommendation", "panel", "adm", "petition", "order", "overall"] as const) {
      const a = stageDurations(clean, stage, { ...opts, asOf: "31/03/2025" });
      const b = stageDurations(long, stage, { asOf: "2025-03-31" });
      expect(a.rows, stage).toEqual(b.rows);
      if (stage !== "overall") expect(a.rows.length, stage).toBeGreaterThan(0); // no looked-after dates here
    }
  });

  it("hostile cells are reported as text and rendered escaped", () => {
    const hostile = [
      ...rows.slice(0, 2),
      { ...rows[0]!, "Child ID": "=HYPERLINK(\"http://x\",\"y\")", "Perm Rec Date": "<script>alert(1)</script>" },
      { ...rows[0]!, "Child ID": "x".repeat(10_000), Panel: "\u0000\u001b[31m" },
    ];
    const c = checkCaseRecords(hostile, wideOptions(hostile));
    // the bad dates, and what they leave missing (a panel without its recommendation…)
    expect(c.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["invalid-date", 2, "Perm Rec Date"],
      ["invalid-date", 3, "Panel"],
      ["missing-earlier", 2, "Perm Rec Date"],
      ["missing-earlier", 3, "Panel"],
    ]);
    expect(c.issues[1]!.value!.length).toBeLessThanOrEqual(201);
    const html = renderCaseRecordsCheck(c);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/[\u0000\u001b]/);
    expect(() => JSON.stringify(c)).not.toThrow();
  });
});

describe("checkCaseRecords on a long export", () => {
  const rows = read("tracker-long.csv");
  const m = recogniseColumns(header("tracker-long.csv"));

  it("reads human milestone names and reports repeats, unknown names and blank children", () => {
    expect(m).toMatchObject({ format: "long", child: "Child Ref", milestone: "Event", date: "Event Date" });
    const c = checkCaseRecords(rows, { child: m.child, milestone: m.milestone!, date: m.date!, dates: "uk", asOf: "2025-03-31", group: "Authority", staleAfter: 10_000 });
    expect(c.issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([
      ["missing-child", null, 13, "Child Ref", null],
      ["unknown-milestone", "L03", 12, "Event", "Home visit"],
      ["repeated-milestone", "L02", 10, "Event Date", "1/7/2023"],
    ]);
  });
});

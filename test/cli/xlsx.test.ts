// .xlsx workbooks read directly by `timescales`, `check` and `analyse` (issue #12). Every
// workbook is written here (test/cli/xlsxFixture.ts): the tracker of test/fixtures/exports with
// dates stored the ways spreadsheets store them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { excelDay, isDateFormat, xmlText } from "../../src/cli/xlsx.js";
import { HAVE_BIN, run, tempDir } from "./helpers.js";
import { serialOf, writeXlsx, type XCell } from "./xlsxFixture.js";

const WIDE = readFileSync(new URL("../fixtures/exports/tracker-wide.csv", import.meta.url), "utf8");
const CLEAN = WIDE.split("\n").filter((l, k) => k === 0 || l.startsWith("C")).join("\n");
const ORDER = ["--order-type", "Order Type"];

const ukToIso = (s: string): string => {
  const [d, m, y] = s.split("/");
  return `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
};

/** Split a simple CSV line (the fixture quotes only the Notes column). */
function cells(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
    if (m[2] === "") break;
  }
  return out;
}

/**
 * The clean tracker as a workbook, each date column stored a different way: date-formatted cells
 * (custom dd/mm/yyyy and built-in format 14), plain serial numbers (General format, as a column
 * pasted without its format shows them), UK text, and blanks.
 */
function trackerRows(date1904 = false): XCell[][] {
  const lines = CLEAN.trim().split("\n").map(cells);
  const header = lines[0]!;
  const kind: Record<string, "custom" | "builtin" | "serial" | "text"> = {
    "Date Accommodated": "custom", "LAAC Review": "builtin", "Perm Rec Date": "serial", Panel: "text", ADM: "custom",
    Petition: "builtin", "Order Granted": "serial", "Returned Home": "custom", Ceased: "custom", "Date of Birth": "text",
  };
  const rows: XCell[][] = [header];
  for (const line of lines.slice(1)) {
    rows.push(line.map((v, j): XCell => {
      const h = header[j]!;
      if (v === "") return null;
      if (h === "Notes" && v.startsWith("=HYPERLINK")) return { formula: v.slice(1), cached: "click" };
      const k = kind[h];
      if (k === undefined || k === "text") return v;
      if (k === "serial") return serialOf(ukToIso(v), date1904);
      return { date: ukToIso(v), style: k };
    }));
  }
  return rows;
}

describe("xlsx dates and text (unit)", () => {
  it("reads Excel serials in both date systems, with the 1900 leap-year bug", () => {
    // 45747 = 2025-03-31 (1900 system); day numbers count from 1970-01-01.
    expect(excelDay(45_747, false)).toBe(Date.UTC(2025, 2, 31) / 86_400_000);
    expect(excelDay(45_747.75, false)).toBe(Date.UTC(2025, 2, 31) / 86_400_000); // a time is dropped
    expect(excelDay(1, false)).toBe(Date.UTC(1900, 0, 1) / 86_400_000);
    expect(excelDay(59, false)).toBe(Date.UTC(1900, 1, 28) / 86_400_000);
    expect(excelDay(60, false)).toBeNaN(); // 29 February 1900, a day that never was
    expect(excelDay(61, false)).toBe(Date.UTC(1900, 2, 1) / 86_400_000);
    expect(excelDay(0, false)).toBeNaN();
    // 1904 system: 0 = 1904-01-01; 44285 = 2025-03-31.
    expect(excelDay(0, true)).toBe(Date.UTC(1904, 0, 1) / 86_400_000);
    expect(excelDay(44_285, true)).toBe(Date.UTC(2025, 2, 31) / 86_400_000);
    expect(excelDay(-1, false)).toBeNaN();
    expect(excelDay(Number.POSITIVE_INFINITY, false)).toBeNaN();
  });

  it("tells date formats from number and time formats", () => {
    for (const f of ["dd/mm/yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy;@", "mm/yy", "yyyy-mm-dd hh:mm"]) expect(isDateFormat(f), f).toBe(true);
    for (const f of ["0.00", "#,##0", "h:mm", "[h]:mm:ss", "mm:ss", '"day "0', "0%", "[Red]0.0"]) expect(isDateFormat(f), f).toBe(false);
  });

  it("decodes only XML's own entities and character references", () => {
    expect(xmlText("a &amp; b &lt;c&gt; &#233;&#x41; &foo;")).toBe("a & b <c> éA &foo;");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("pace-qi with .xlsx workbooks", { timeout: 60_000 }, () => {
  it("timescales on a workbook gives the durations of the same tracker as CSV (1900 and 1904 date systems)", async () => {
    const dir = tempDir({ "tracker.csv": CLEAN });
    writeXlsx(join(dir, "tracker.xlsx"), [{ name: "Tracker", rows: trackerRows() }]);
    writeXlsx(join(dir, "mac.xlsx"), [{ name: "Tracker", rows: trackerRows(true) }], { date1904: true });
    const flags = ["--dates", "uk", "--as-of", "31/03/2025", ...ORDER];
    const [c, x, m] = await Promise.all([
      run(["timescales", "tracker.csv", ...flags, "--out", "c"], dir),
      run(["timescales", "tracker.xlsx", ...flags, "--out", "x"], dir),
      run(["timescales", "mac.xlsx", ...flags, "--out", "m"], dir),
    ]);
    for (const r of [c, x, m]) expect(r.stderr).toBe("");
    expect(x.code).toBe(0);
    expect(x.stdout).toMatch(/^Columns of tracker\.xlsx \(wide: one row per child; recognised from the headers\):/);
    expect(x.stdout).toContain("No problems found.");
    const csv = readFileSync(join(dir, "c", "durations.csv"), "utf8");
    expect(csv.split("\n").length).toBeGreaterThan(20);
    expect(readFileSync(join(dir, "x", "durations.csv"), "utf8")).toBe(csv);
    expect(readFileSync(join(dir, "m", "durations.csv"), "utf8")).toBe(csv);
  });

  it("check: planted problems named by spreadsheet row; a HYPERLINK formula is never run and CSV cells are neutralised", async () => {
    const dir = tempDir();
    const rows: XCell[][] = [
      ["Child ID", "Team", "Date Accommodated", "Perm Rec Date", "Panel", "Notes"],
      ["K01", "North", { date: "2024-01-09" }, serialOf("2024-05-02"), { date: "2024-08-06", style: "builtin" }, null],
      [{ formula: 'HYPERLINK("http://evil.example","=1+2")', cached: "=1+2" }, "North", { date: "2024-02-01" }, null, null, { formula: 'HYPERLINK("http://evil.example","click")', cached: "click" }],
      ["K03", { inline: "South team" }, { date: "2024-03-01" }, '=HYPERLINK("http://evil.example","x")', null, null],
      ["K04", "South", { date: "2024-03-01" }, { error: "#REF!" }, serialOf("2024-01-01"), { bool: true }],
    ];
    // A blank row 3 and a title row above the header: row numbers are the sheet's own.
    writeXlsx(join(dir, "t.xlsx"), [{ name: "Cases", rows, rowNumbers: [2, 4, 5, 7, 8] }]);
    const r = await run(["check", "t.xlsx", "--as-of", "2024-09-01", "--group", "Team"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "check", "check-issues.csv"), "utf8");
    const issues = parse(text, { columns: true }) as Record<string, string>[];
    expect(issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([
      ["invalid-date", "K03", "7", "Perm Rec Date", "'=HYPERLINK(\"http://evil.example\",\"x\")"],
      ["invalid-date", "K04", "8", "Perm Rec Date", "#REF!"],
      ["out-of-order", "K04", "8", "Panel", "2024-01-01"],
      ["missing-earlier", "K04", "8", "Perm Rec Date", ""],
    ]);
    // The row a number (sortable), the sheet in its own column; check.json: the index and sheetRow.
    expect(text.split("\n")[0]).toBe("kind,code,child,sheet,row,column,value,message");
    expect(new Set(issues.map((i) => i.sheet))).toEqual(new Set(["Cases"]));
    const first = JSON.parse(readFileSync(join(dir, "check", "check.json"), "utf8")).issues[0];
    expect([first.row, first.sheetRow, first.sheet]).toEqual([2, 7, "Cases"]);
    // The formula's cached text, never its result: the child id "=1+2" is neutralised.
    const all = readFileSync(join(dir, "check", "check.json"), "utf8");
    expect(all).not.toContain('"3"');
    expect(text).not.toMatch(/(^|,)=/m);
    const html = readFileSync(join(dir, "check", "check.html"), "utf8");
    expect(html).not.toContain("<a ");
    expect(r.stdout).toContain("Data check of t.xlsx: 4 rows, 4 children");
  });

  it("--sheet reads a named sheet; an unknown one is an error naming the sheets there are", async () => {
    const dir = tempDir();
    writeXlsx(join(dir, "book.xlsx"), [
      { name: "Notes", rows: [["Read me"], ["This workbook has the tracker on its second sheet"]] },
      { name: "LAC 2025", rows: trackerRows() },
    ]);
    writeXlsx(join(dir, "prefixed.xlsx"), [{ name: "LAC 2025", rows: trackerRows() }], { prefixed: true });
    const ok = await run(["check", "book.xlsx", "--sheet", "LAC 2025", "--dates", "uk", ...ORDER], dir);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Data check of book.xlsx: 8 rows, 8 children");
    // Elements written with a namespace prefix (<x:row>) read the same.
    const pre = await run(["check", "prefixed.xlsx", "--dates", "uk", ...ORDER, "--out", "p"], dir);
    expect(pre.stderr).toBe("");
    expect(pre.stdout).toContain("Data check of prefixed.xlsx: 8 rows, 8 children");
    expect(readFileSync(join(dir, "p", "check.json"), "utf8")).toBe(readFileSync(join(dir, "check", "check.json"), "utf8"));
    const bad = await run(["check", "book.xlsx", "--sheet", "LAC 2024", "--dates", "uk"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("book.xlsx: no sheet 'LAC 2024' (sheets: 'Notes', 'LAC 2025')");
    const first = await run(["check", "book.xlsx", "--dates", "uk"], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("no child-id column");
    const csvSheet = await run(["check", "x.csv", "--sheet", "A"], tempDir({ "x.csv": CLEAN }));
    expect(csvSheet.code).toBe(1);
    expect(csvSheet.stderr).toContain("--sheet 'A' is for .xlsx workbooks");
  });

  it("refuses what is not a plain workbook: a DTD, a zip that is not a workbook, an old .xls", async () => {
    const dir = tempDir({ "old.xls": "not really", "fake.xlsx": "PK not a zip" });
    writeXlsx(join(dir, "dtd.xlsx"), [{ name: "S", rows: [["Child ID"], ["A"]] }], { doctype: true });
    const [d, f, o] = await Promise.all([run(["check", "dtd.xlsx"], dir), run(["check", "fake.xlsx"], dir), run(["check", "old.xls"], dir)]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain("has a DTD, which is not read");
    expect(f.code).toBe(1);
    expect(f.stderr).toContain("fake.xlsx: not an .xlsx workbook");
    expect(o.code).toBe(1);
    expect(o.stderr).toContain("only .xlsx workbooks are read");
  });

  it("analyse reads a date-formatted month column and numbers", async () => {
    const dir = tempDir();
    const rows: XCell[][] = [["Month", "Weeks"]];
    for (let k = 0; k < 14; k++) rows.push([{ date: `2024-${String((k % 12) + 1).padStart(2, "0")}-01`.replace(/^2024/, k < 12 ? "2024" : "2025") }, 30 + (k % 3)]);
    writeXlsx(join(dir, "weeks.xlsx"), [{ name: "Sheet1", rows }]);
    const r = await run(["analyse", "weeks.xlsx", "--x", "Month", "--y", "Weeks", "--json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const chart = JSON.parse(r.stdout) as { points: { x: string; y: number }[] };
    expect(chart.points[0]).toMatchObject({ x: "2024-01-01", y: 30 });
    expect(chart.points.at(-1)).toMatchObject({ x: "2025-02-01", y: 31 });
  });
});

import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// A user trial (a partnership analyst): a Scottish Government table saved as CSV, two title rows
// and a blank line above the header, a blank line and two footnotes (in the first column) below
// it. The note said "skipped 2 empty rows (row 96, row 97)": the footnotes, called empty, and the
// blank row 95 not named.

const YEARS = ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24"];
const csv = [
  '"Table 5: Indicators by local authority and year"',
  '"Scottish Government, Children\'s Social Work Statistics"',
  "",
  "Measure,Local authority,Year,Value",
  ...YEARS.map((y, k) => `Children looked after,Fife,${y},"1,${400 + k}"`),
  "",
  '"* suppressed for disclosure control"',
  '"Figures for 2023-24 are provisional"',
].join("\n") + "\n";
// Rows: 1–2 titles, 3 blank, 4 header, 5–10 data, 11 blank, 12–13 footnotes.

describe.skipIf(!HAVE_BIN).concurrent("rows skipped around a published table are named as what they are", { timeout: 120_000 }, () => {
  it("summary: the blank row 11 is empty, rows 12–13 are notes, and the blank row 3 above the header is counted", async () => {
    const r = await run(["summary", "t.csv", "--x", "Year", "--y", "Value", "--measure", "Measure", "--group", "Local authority", "--years", "financial", "--thousands", "--chart", "i"], tempDir({ "t.csv": csv }));
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      "Note: skipped 1 empty row (row 11) and 2 rows of notes below the data (row 12: '* suppressed for disclosure control', row 13: 'Figures for 2023-24 are provisional'): they hold no values; read the header from row 4: skipped 2 title rows above it (row 1: 'Table 5: Indicators by local authority and year', row 2: 'Scottish Government, Children's Social Work Statistics') and 1 empty row\n",
    );
  });

  it("analyse names them the same way", async () => {
    const r = await run(["analyse", "t.csv", "--x", "Year", "--y", "Value", "--years", "financial", "--thousands", "--filter", "Measure=Children looked after", "--json"], tempDir({ "t.csv": csv }));
    expect(r.stderr).toBe("");
    const chart = JSON.parse(r.stdout) as { points: unknown[]; warnings: { code: string; message: string }[] };
    expect(chart.points).toHaveLength(6);
    expect(chart.warnings.find((w) => w.code === "rows-skipped")!.message).toBe(
      "skipped 1 empty row (row 11) and 2 rows of notes below the data (row 12: '* suppressed for disclosure control', row 13: 'Figures for 2023-24 are provisional'): they hold no values; read the header from row 4: skipped 2 title rows above it (row 1: 'Table 5: Indicators by local authority and year', row 2: 'Scottish Government, Children's Social Work Statistics') and 1 empty row",
    );
  });

  it("a blank line between data rows is named too; a file without one has no note", async () => {
    const dir = tempDir({ "a.csv": "x,y\n1,5\n\n2,6\n3,7\n", "b.csv": "x,y\n1,5\n2,6\n3,7\n" });
    const a = JSON.parse((await run(["analyse", "a.csv", "--json"], dir)).stdout) as { warnings: { code: string; message: string }[] };
    expect(a.warnings.find((w) => w.code === "rows-skipped")!.message).toBe("skipped 1 empty row (row 3): it holds no values");
    const b = JSON.parse((await run(["analyse", "b.csv", "--json"], dir)).stdout) as { warnings: { code: string }[] };
    expect(b.warnings.map((w) => w.code)).not.toContain("rows-skipped");
  });
});

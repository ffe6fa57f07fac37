import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

function board(): string {
  const lines = ["month,measure,authority,percent"];
  let s = 3;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (const m of ["Within 26 weeks", "=HYPERLINK(1)"]) {
    for (const la of ["Fife", "Highland"]) {
      for (let i = 0; i < 30; i++) {
        const shift = la === "Fife" && i >= 20 ? 12 : 0;
        lines.push(`${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01,"${m}",${la},${(70 + shift + (r() - 0.5) * 8).toFixed(1)}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

describe.skipIf(!HAVE_BIN).concurrent("pace-qi summary", { timeout: 120_000 }, () => {
  it("one row per measure and group, improvement first; CSV neutralised; HTML with icons", async () => {
    const dir = tempDir({ "board.csv": board() });
    const r = await run(["summary", "board.csv", "--x", "month", "--y", "percent", "--measure", "measure", "--group", "authority", "--chart", "i", "--rules", "mdc", "--direction", "increase", "--target", "80", "--unit", "%", "--csv", "s.csv", "--html", "s.html"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("4 series: 0 concern, 2 improvement");
    expect(r.stdout.split("\n")[4]).toMatch(/^Within 26 weeks +Fife .*special cause improvement since Sep 2024/);
    const csv = readFileSync(join(dir, "s.csv"), "utf8");
    expect(csv).toContain("\n'=HYPERLINK(1),Fife,i,mdc");
    const html = readFileSync(join(dir, "s.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('aria-label="Special cause improvement (high)"');
  });
  it("a bad value names the file, row and column", async () => {
    const dir = tempDir({ "b.csv": "x,y\n1,3\n2,abc\n" });
    const r = await run(["summary", "b.csv"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("b.csv: row 3, column y");
  });
});

/** Two teams × 24 months of counts out of n; North's Dec 2024 row repeated when `dup` (user trial's longdup.csv). */
function teams(dup = false, group = (t: string) => t): string {
  const lines = ["month,measure,team,value,n"];
  const north = [11, 15, 16, 11, 14, 13, 15, 9, 8, 10, 9, 11, 10, 12, 16, 17, 18, 15, 16, 17, 14, 16, 18, 20];
  const south = [12, 11, 13, 12, 10, 14, 12, 11, 13, 12, 14, 11, 12, 13, 11, 12, 10, 13, 12, 14, 11, 12, 13, 9];
  for (const [team, ys] of [["North", north], ["South", south]] as const) {
    ys.forEach((y, i) => lines.push(`${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01,Within 26 weeks,${group(team)},${y},28`));
  }
  if (dup) lines.splice(25, 0, "2024-12-01,Within 26 weeks,North,18,28");
  return `${lines.join("\n")}\n`;
}
const LONG = ["--x", "month", "--y", "value", "--measure", "measure", "--group", "team"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi summary: nothing combined or ignored in silence (user trial)", { timeout: 120_000 }, () => {
  it("a repeated month names the two spreadsheet rows that share it, and the flag to give (it said 'row 6 and row 5')", async () => {
    const dir = tempDir({ "dd.csv": "month,moves\n2024-01-01,3\n2024-02-01,2\n2024-03-01,4\n2024-03-01,1\n2024-04-01,2\n" });
    const run1 = await run(["summary", "dd.csv", "--x", "month", "--y", "moves"], dir);
    expect(run1.code).toBe(1);
    expect(run1.stderr).toContain('dd.csv: row 5, column month: row 4 and row 5 have the same x ("2024-03-01"); give --aggregate mean, median, sum, count or sd to combine them');
    const i = await run(["summary", "dd.csv", "--x", "month", "--y", "moves", "--chart", "i"], dir);
    expect(i.stderr).toContain("row 4 and row 5 have the same x (\"2024-03-01\"); an i chart has one value per x: give --aggregate (mean, median, sum, count or sd) to combine them");
  });
  it("rows sharing an x on a c or p chart: a Note line naming the series, and the JSON's warnings", async () => {
    const dir = tempDir({ "d.csv": teams(true) });
    const c = await run(["summary", "d.csv", ...LONG, "--chart", "c"], dir);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/\nNote: Within 26 weeks \(North\): 2 rows share an x with another row .*summed/);
    const p = await run(["summary", "d.csv", ...LONG, "--chart", "p", "--n", "n", "--json"], dir);
    expect(JSON.parse(p.stdout).warnings.map((w: { code: string; group: string }) => [w.code, w.group])).toEqual([["rows-combined", "North"]]);
  });
  it("a run chart's repeated x: --aggregate (as analyse has it) combines them, with a note", async () => {
    const dir = tempDir({ "d.csv": teams(true), "ok.csv": teams() });
    const bad = await run(["summary", "d.csv", ...LONG], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--aggregate mean");
    const mean = await run(["summary", "d.csv", ...LONG, "--aggregate", "mean"], dir);
    expect(mean.code).toBe(0);
    expect(mean.stdout).toMatch(/North +19 \(Dec 2024\)/);
    expect(mean.stdout).toMatch(/Note: Within 26 weeks \(North\): 2 rows share an x .*mean/);
    const unused = await run(["summary", "ok.csv", ...LONG, "--aggregate", "mean"], dir);
    expect(unused.stdout).toContain("Note: --aggregate mean: no month value has more than one row in any series, so nothing was combined");
    expect((await run(["summary", "d.csv", ...LONG, "--chart", "c", "--aggregate", "mean"], dir)).code).toBe(2);
  });
  it("--n on run and i charts plots y/n, as analyse does; on a c chart it is a usage error", async () => {
    const dir = tempDir({ "t.csv": teams() });
    for (const chart of ["run", "i"]) {
      const r = await run(["summary", "t.csv", ...LONG, "--n", "n", "--chart", chart], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/North +0\.714\d* \(Dec 2024\)/); // 20 / 28
    }
    const c = await run(["summary", "t.csv", ...LONG, "--n", "n", "--chart", "c"], dir);
    expect([c.code, c.stderr]).toEqual([2, expect.stringContaining("--n is for p, pp, u and up charts")]);
  });
  it("--multiply K, as analyse: a p chart in per cent", async () => {
    const dir = tempDir({ "t.csv": teams() });
    const r = await run(["summary", "t.csv", ...LONG, "--chart", "p", "--multiply", "100"], dir);
    expect(r.stdout).toMatch(/North +71\.4\d* \(Dec 2024\)/);
    expect((await run(["summary", "t.csv", ...LONG, "--multiply", "0"], dir)).code).toBe(2);
  });
  it("--title without --html, and --delimiter for a JSON file, are usage errors naming the flag (as analyse)", async () => {
    const dir = tempDir({ "t.csv": teams(), "t.json": JSON.stringify([{ x: 1, y: 2 }]) });
    const r = await run(["summary", "t.csv", ...LONG, "--title", "Board"], dir);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--title is the title of the HTML table: give --html FILE as well")]);
    const j = await run(["summary", "t.json", "--delimiter", ";"], dir);
    expect([j.code, j.stderr]).toEqual([2, expect.stringContaining("--delimiter is for CSV files")]);
  });
});

describe.skipIf(!HAVE_BIN).concurrent("pace-qi summary: the terminal table (user trial)", { timeout: 120_000 }, () => {
  it("latest to 3 significant figures, as analyse; text columns left-aligned, numbers right-aligned", async () => {
    const dir = tempDir({ "t.csv": teams() });
    const r = await run(["summary", "t.csv", ...LONG, "--n", "n"], dir);
    const lines = r.stdout.split("\n");
    expect(lines[2]).toMatch(/^measure +group +latest  variation +reading$/);
    expect(lines.slice(4, 6).sort()).toEqual([
      expect.stringMatching(/^Within 26 weeks  North  0\.714 \(Dec 2024\)  [a-z]/),
      expect.stringMatching(/^Within 26 weeks  South  0\.321 \(Dec 2024\)  [a-z]/),
    ]);
  });
  it("control characters in names are visible \\u escapes, as docs/cli.md says (not ?), and the columns still line up", async () => {
    const dir = tempDir({ "t.csv": teams(false, (t) => (t === "North" ? "No\u001b[31mrth" : t)) });
    const r = await run(["summary", "t.csv", ...LONG], dir);
    expect(r.stdout).toContain("No\\u001b[31mrth");
    expect(r.stdout).not.toContain("?[31m");
    const [head, , ...rows] = r.stdout.split("\n").slice(2, 6);
    for (const row of rows) expect(row.indexOf("(Dec 2024)") + "(Dec 2024)".length).toBe(head!.indexOf("latest") + "latest".length);
  });
});

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
    expect(c.stdout).toMatch(/\nNote: Within 26 weeks \(North\): 2 rows share an x with another row .*summed \(the c chart's default, as qicharts2\)\.\n/);
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
    expect(mean.stdout).toMatch(/Note: Within 26 weeks \(North\): 2 rows share an x .*averaged \(mean\) \(--aggregate mean\)\./);
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

/**
 * A board export with human headers and UK dates: two measures × North, East, West, two legal
 * bases; North's value rises by 10 from July 2024 (the change). West starts in April 2023
 * (point 1 is April there, January elsewhere); East's panel series ends in June 2024.
 */
function boardUk(): string {
  const lines = ["Month,Measure,Team,Legal basis,Percent within target"];
  let s = 11;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (const m of ["Recommendation within 26 weeks", "Panel within 12 weeks"]) {
    for (const team of ["North", "East", "West"]) {
      for (const basis of ["s25", "CO"]) {
        const end = team === "East" && m.startsWith("Panel") ? 18 : 30;
        for (let i = team === "West" ? 3 : 0; i < end; i++) {
          const shift = team === "North" && i >= 18 ? 10 : 0;
          lines.push(`01/${String((i % 12) + 1).padStart(2, "0")}/${2023 + Math.floor(i / 12)},${m},${team},${basis},${(60 + shift + (r() - 0.5) * 10).toFixed(1)}`);
        }
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
const UK = ["--x", "Month", "--y", "Percent within target", "--measure", "Measure", "--group", "Team", "--dates", "uk"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi summary --filter, --phase, --exclude (as analyse)", { timeout: 120_000 }, () => {
  it("--filter keeps the rows analyse keeps, heads the table with what it kept, and is a note in the JSON", async () => {
    const dir = tempDir({ "b.csv": boardUk() });
    const r = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=s25", "--filter", "Team!=West"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("Rows: 108 of 324 (Legal basis = s25, Team ≠ West)\n\n4 series:")).toBe(true);
    const j = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=s25", "--json"], dir);
    expect(JSON.parse(j.stdout).warnings[0]).toEqual({ code: "rows-filtered", message: "Rows: 162 of 324 (Legal basis = s25)" });
    const typo = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=S52"], dir);
    expect([typo.code, typo.stderr]).toEqual([1, expect.stringContaining("--filter 'Legal basis=S52': no row has 'S52'")]);
  });
  it("--phase DATE gives each series the verdict and centre analyse gives it; a series ending before the date keeps one phase, with a note", async () => {
    const dir = tempDir({ "b.csv": boardUk() });
    const s = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=s25", "--phase", "01/07/2024", "--json"], dir);
    expect(s.code).toBe(0);
    const summary = JSON.parse(s.stdout);
    const north = summary.rows.find((row: { measure: string; group: string }) => row.measure === "Panel within 12 weeks" && row.group === "North");
    const a = await run(["analyse", "b.csv", "--x", "Month", "--y", "Percent within target", "--dates", "uk", "--filter", "Legal basis=s25", "--filter", "Team=North", "--filter", "Measure=Panel within 12 weeks", "--phase", "01/07/2024", "--json"], dir);
    const chart = JSON.parse(a.stdout);
    expect(chart.phases).toHaveLength(2);
    expect(north.centre).toBe(chart.phases[1].centre);
    expect(north.category).toBe("common-cause"); // the rise is the new phase's level, as in analyse
    const without = JSON.parse((await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=s25", "--json"], dir)).stdout);
    expect(without.rows.find((row: { measure: string; group: string }) => row.measure === "Panel within 12 weeks" && row.group === "North").category).not.toBe("common-cause");
    expect(summary.warnings).toContainEqual({ code: "phase-after-series", measure: "Panel within 12 weeks", group: "East", message: "Panel within 12 weeks (East): its last point (2024-06-01) is before --phase 2024-07-01: no new phase in this series" });
    const late = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=CO", "--phase", "01/01/2026"], dir);
    expect([late.code, late.stderr]).toEqual([2, expect.stringContaining("--phase 2026-01-01 is after the last point of every series (the latest is 2025-06-01)")]);
  });
  it("--phase N and --exclude N count each series' points: taken when point N is the same month everywhere, else an error naming two series", async () => {
    const dir = tempDir({ "b.csv": boardUk() });
    const same = ["--filter", "Legal basis=s25", "--filter", "Team!=West", "--filter", "Measure=Recommendation within 26 weeks"];
    const byNumber = JSON.parse((await run(["summary", "b.csv", ...UK, ...same, "--phase", "19", "--exclude", "5", "--json"], dir)).stdout);
    const a = await run(["analyse", "b.csv", "--x", "Month", "--y", "Percent within target", "--dates", "uk", ...same, "--filter", "Team=North", "--phase", "19", "--exclude", "5", "--json"], dir);
    const chart = JSON.parse(a.stdout);
    expect(chart.points[4].excluded).toBe(true);
    expect(byNumber.rows.find((row: { group: string }) => row.group === "North").centre).toBe(chart.phases[1].centre);
    const byDate = JSON.parse((await run(["summary", "b.csv", ...UK, ...same, "--phase", "01/07/2024", "--exclude", "5", "--json"], dir)).stdout);
    expect(byDate.rows).toEqual(byNumber.rows);
    const west = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=s25", "--exclude", "5"], dir);
    expect([west.code, west.stderr]).toEqual([2, expect.stringContaining("--exclude 5: point 5 is 2023-05-01 in 'Recommendation within 26 weeks (North)' but 2023-08-01 in 'Recommendation within 26 weeks (West)' (each series numbers its own points)")]);
    const phase = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=s25", "--phase", "10"], dir);
    expect([phase.code, phase.stderr]).toEqual([2, expect.stringContaining("give the date the phase starts (--phase 2024-01-01)")]);
    const short = await run(["summary", "b.csv", ...UK, "--filter", "Legal basis=CO", "--phase", "25"], dir);
    expect([short.code, short.stderr]).toEqual([2, expect.stringContaining("--phase 25: the series 'Panel within 12 weeks (East)' has 18 points")]);
  });
  it("a usage error from one series' options names the series", async () => {
    const dir = tempDir({ "b.csv": boardUk() });
    const r = await run(["summary", "b.csv", ...UK, "--filter", "Team=East", "--filter", "Legal basis=s25", "--chart", "i", "--phase", "18"], dir);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("an i chart needs at least 2 consecutive values that are not excluded (in the series 'Panel within 12 weeks (East)')")]);
  });
});

describe.skipIf(!HAVE_BIN).concurrent("pace-qi summary: third user trial", { timeout: 120_000 }, () => {
  const PERM6 = readFileSync(new URL("../fixtures/trial12/la_monthly_perm6_nototal.csv", import.meta.url), "utf8");
  const ARGS = ["summary", "perm6.csv", "--x", "Month", "--y", "Permanence decision within 6 months", "--n", "Children becoming looked after", "--chart", "p", "--multiply", "100", "--rules", "mdc", "--direction", "increase", "--baseline", "24", "--target", "60", "--unit", "%"];
  const READING = "common cause variation at the latest point; last signal: special cause improvement Apr 2023–Jun 2024, none since (3 points); the target of 60 % will be met and missed at random";
  it("a common cause icon over a phase with three improvement signals: the reading, lastSignal and the HTML say the last signal (it said 'no signal'); latest in the unit", async () => {
    const dir = tempDir({ "perm6.csv": PERM6 });
    const json = await run([...ARGS, "--json"], dir);
    const row = (JSON.parse(json.stdout) as { rows: Record<string, unknown>[] }).rows[0]!;
    expect([row.variation, row.category, row.since, row.lastSignal, row.reading, row.unit]).toEqual(["common-cause", "common-cause", null, { from: { x: "2023-04-01", label: "Apr 2023" }, to: { x: "2024-06-01", label: "Jun 2024" } }, READING, "%"]);
    const text = await run([...ARGS, "--html", "b.html"], dir);
    expect(text.stdout.split("\n")[4]).toBe(`Permanence decision within 6 months         61.1 % (Sep 2024)  common cause  ${READING}`);
    const html = readFileSync(join(dir, "b.html"), "utf8");
    expect(html).toContain(`<td class="num">61.1 %<br><span class="muted">Sep 2024</span></td><td class="num">60 %</td><td class="num">46 %</td>`);
    expect(html).toContain(`<td>${READING}</td>`);
  });
  it("a 7-point p chart with no signal is 'too few points', in analyse's words, not common cause", async () => {
    // Highland, 3+ placements of children looked after, 2016-17 to 2022-23 (sg_long_fy_nocomma.csv).
    const rows = [[522, 138], [458, 99], [525, 129], [479, 110], [518, 115], [450, 93], [482, 120]].map(([n, y], i) => `Highland,${2016 + i}-04-01,${n},${y}`);
    const dir = tempDir({ "h.csv": `Local authority,FY start,Looked after,3+ placements\n${rows.join("\n")}\n` });
    const r = await run(["summary", "h.csv", "--x", "FY start", "--y", "3+ placements", "--n", "Looked after", "--group", "Local authority", "--chart", "p", "--rules", "mdc", "--multiply", "100", "--direction", "decrease"], dir);
    expect(r.stdout.split("\n")[0]).toBe("1 series: 0 concern, 0 improvement, 0 other special cause, 0 common cause, 1 too few points");
    expect(r.stdout.split("\n")[4]).toMatch(/ too few points +no signal, but the chart has only 7 points: too few to call the variation common cause \(limits need at least 12; Provost & Murray 2011\)$/);
    const a = await run(["analyse", "h.csv", "--x", "FY start", "--y", "3+ placements", "--n", "Looked after", "--chart", "p", "--rules", "mdc", "--multiply", "100", "--direction", "decrease"], dir);
    expect(a.stdout).toContain("No signals, but the chart has only 7 points: too few to call the variation common cause only");
  });
});


describe.skipIf(!HAVE_BIN).concurrent("pace-qi summary: a numbered x is labelled as the messages label it (user trial: 'since 24')", { timeout: 120_000 }, () => {
  // Weeks 10–31: 12 around 5.5, then 10 at 9, a shift from week 22 (pace rules).
  const ys = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9];
  const csv = `Week,Referrals\n${ys.map((y, i) => `${i + 10},${y}`).join("\n")}\n`;
  it("the table, the JSON and the HTML board say 'since x = 22' and 'x = 31'", async () => {
    const dir = tempDir({ "w.csv": csv });
    const r = await run(["summary", "w.csv", "--x", "Week", "--y", "Referrals", "--direction", "increase", "--html", "b.html"], dir);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Referrals         9 (x = 31)  improvement  special cause improvement since x = 22");
    const html = readFileSync(join(dir, "b.html"), "utf8");
    expect(html).toContain('<span class="muted">x = 31</span>');
    expect(html).toContain("<td>special cause improvement since x = 22</td>");
    const json = JSON.parse((await run(["summary", "w.csv", "--x", "Week", "--y", "Referrals", "--direction", "increase", "--json"], dir)).stdout);
    expect(json.rows[0].since).toEqual({ x: 22, label: "x = 22" });
  });
});

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

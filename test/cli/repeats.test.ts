// Numbered columns of a recurring milestone ("LAC Review 2", "LAAC Review 3") through the CLI:
// printed in the mapping, read by check and timescales, kept in a --mapping file (issue #12).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const CSV = [
  "Child ID,Date Accommodated,LAC Review,LAC Review 2,LAAC Review 3,Perm Rec Date,Looked After 2",
  "A,9/1/2024,1/2/2024,1/5/2024,1/8/2024,1/9/2024,",
  "B,1/3/2024,1/4/2024,31/06/2024,,1/7/2024,1/1/2025",
  "C,1/3/2024,,,,,",
].join("\n");

describe.skipIf(!HAVE_BIN).concurrent("numbered milestone columns", { timeout: 60_000 }, () => {
  it("check: every review column is read and named in problems; a once-only milestone's number is not read", async () => {
    const dir = tempDir({ "t.csv": CSV });
    const r = await run(["check", "t.csv", "--dates", "uk", "--as-of", "30/09/2024", "--mapping", "map.json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  LAC Review 2       → lac-review (again: 2nd column)\n  LAAC Review 3      → lac-review (again: 3rd column)\n");
    expect(r.stdout).toContain("  Looked After 2     (a numbered looked-after column, but looked-after happens once an episode: not read");
    const issues = parse(readFileSync(join(dir, "check", "check-issues.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([["invalid-date", "B", "3", "LAC Review 2", "31/06/2024"]]);
    const map = JSON.parse(readFileSync(join(dir, "map.json"), "utf8")) as { repeats: Record<string, string[]> };
    expect(map.repeats).toEqual({ "lac-review": ["LAC Review 2", "LAAC Review 3"] });
    // The mapping file is reused as it is.
    const again = await run(["check", "t.csv", "--dates", "uk", "--as-of", "30/09/2024", "--mapping", "map.json", "--out", "c2"], dir);
    expect(again.stdout).toContain("  LAC Review 2       → lac-review (again: 2nd column)\n");
    expect(readFileSync(join(dir, "c2", "check-issues.csv"), "utf8")).toBe(readFileSync(join(dir, "check", "check-issues.csv"), "utf8"));
  });

  it("timescales: a bad date in a numbered column stops with its column; the clean file runs", async () => {
    const dir = tempDir({ "t.csv": CSV, "ok.csv": CSV.replace("31/06/2024", "30/06/2024") });
    const bad = await run(["timescales", "t.csv", "--dates", "uk", "--as-of", "31/03/2025"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("t.csv: row 3, column LAC Review 2: '31/06/2024' is not a date");
    const ok = await run(["timescales", "ok.csv", "--dates", "uk", "--as-of", "31/03/2025", "--stage", "recommendation"], dir);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const rows = parse(readFileSync(join(dir, "timescales", "durations.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.child, x.days, x.censored])).toEqual([["A", "236", "false"], ["B", "122", "false"], ["C", "395", "true"]]);
  });
});

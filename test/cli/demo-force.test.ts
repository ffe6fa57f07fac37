// tz-independent: file handling of `pace-qi demo --out DIR` only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, listing, run, tempDir } from "./helpers.js";

// Issue #18, finding 4: `demo --out DIR` silently replaced an existing project.json and cases.csv.
describe.skipIf(!HAVE_BIN)("pace-qi demo over an existing project", { timeout: 60_000 }, () => {
  it("refuses to replace project.json (exit 2, naming it) and writes nothing", async () => {
    const dir = tempDir({ "d/project.json": '{"mine":1}\n' });
    const r = await run(["demo", "--out", "d"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("pace-qi demo: d/project.json already exists; the demo would replace it: give --force to replace, or --out another folder");
    expect(readFileSync(join(dir, "d", "project.json"), "utf8")).toBe('{"mine":1}\n');
    expect(listing(join(dir, "d"))).toEqual(["project.json"]);
  });

  it("refuses to replace cases.csv, and names both when both exist", async () => {
    const dir = tempDir({ "a/cases.csv": "child\n", "b/cases.csv": "child\n", "b/project.json": "{}" });
    const a = await run(["demo", "--out", "a"], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("a/cases.csv already exists");
    const b = await run(["demo", "--out", "b"], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("b/project.json and b/cases.csv already exist; the demo would replace them");
    expect(listing(join(dir, "a"))).toEqual(["cases.csv"]);
  });

  it("replaces them with --force", async () => {
    const dir = tempDir({ "d/project.json": '{"mine":1}\n' });
    const r = await run(["demo", "--out", "d", "--force"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "d", "project.json"), "utf8")).title).toContain("pace-qi demo");
    expect(listing(join(dir, "d"))).toContain("cases.csv");
  });
});

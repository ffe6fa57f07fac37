import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, listing, run, tempDir } from "./helpers.js";

const PROJECT = readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8");

describe.skipIf(!HAVE_BIN).concurrent("pace-qi report", { timeout: 120_000 }, () => {
  it("writes one self-contained HTML file and prints each measure's verdict", async () => {
    const dir = tempDir({ "project.json": PROJECT });
    const r = await run(["report", "project.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("PACE-style permanence project (ILLUSTRATIVE)\n");
    expect(r.stdout).toContain("- Children with a placement move in their first 6 months: no signal\n");
    expect(r.stdout).toContain("Wrote report.html\n");
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html.toLowerCase().startsWith("<!doctype html>")).toBe(true);
  });

  it("--data DIR replaces a measure's series from DIR/<id>.csv; --out and --title", async () => {
    const dir = tempDir({ "project.json": PROJECT });
    const data = tempDir({
      "m-placement-moves.csv": `month,pct\n${Array.from({ length: 14 }, (_, i) => `${i < 9 ? `0${i + 1}` : i + 1}/01/2025,${i < 7 ? 30 : 10}`).join("\n")}\n`,
      "notes.txt": "ignored",
    });
    const r = await run(["report", "project.json", "--data", data, "--x", "month", "--y", "pct", "--dates", "uk", "--out", "board.html", "--title", "Board"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/- Children with a placement move in their first 6 months: improvement signal: 7 points below the median/);
    expect(listing(dir)).toEqual(["board.html", "project.json"]);
  });

  it("--data replaces the rows only: the series' baseline in the project still sets the centre", async () => {
    // 8 points of 30 then 16 of 10: the median of all 24 points is 10 (no shift below it); the
    // baseline of the first 8 gives a centre of 30 and 16 points below it.
    const project = JSON.parse(PROJECT) as { data: { measure: string; baseline?: number }[] };
    project.data.find((d) => d.measure === "m-placement-moves")!.baseline = 8;
    const rows = Array.from({ length: 24 }, (_, i) => `${String(i + 1).padStart(2, "0")}/01/2025,${i < 8 ? 30 : 10}`);
    const dir = tempDir({ "project.json": JSON.stringify(project), "data/m-placement-moves.csv": `x,y\n${rows.join("\n")}\n` });
    const r = await run(["report", "project.json", "--data", "data", "--dates", "uk"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/- Children with a placement move in their first 6 months: improvement signal: 16 points below the median/);
    const plain = await run(["report", "project.json", "--data", "data", "--dates", "uk", "--baseline", "24", "--out", "all.html"], dir);
    expect(plain.stdout).not.toMatch(/placement move in their first 6 months: improvement signal: 16 points/);
  });

  it("each analysis' warnings reach the terminal as notes; no verdict ends in two full stops", async () => {
    const dir = tempDir({ "project.json": PROJECT });
    const r = await run(["report", "project.json", "--baseline", "30"], dir);
    expect(r.code).toBe(0);
    // 24 points a series: a 30-point baseline is longer than the phase (it was said only in the SVG's <desc>).
    expect(r.stdout).toMatch(/- Children with a placement move in their first 6 months: [^\n]*\n  Note: [^\n]*baseline/);
  });

  it("a verdict's own full stop is not doubled in the report (it read 'an improvement..')", async () => {
    // Around 31 (the 8th point, 30, is below it too), then six points at 10: one shift and no other signal.
    const ys = [30, 32, 32, 30, 30, 32, 32, 30, 10, 10, 10, 10, 10, 10, 35, 35, 25, 25, 35, 35, 25, 25, 35, 25];
    const rows = ys.map((y, i) => `${String(i + 1).padStart(2, "0")}/01/2025,${y}`);
    const dir = tempDir({ "project.json": PROJECT, "data/m-placement-moves.csv": `x,y\n${rows.join("\n")}\n` });
    const r = await run(["report", "project.json", "--data", "data", "--dates", "uk", "--baseline", "8"], dir);
    expect(r.stdout).toMatch(/placement move in their first 6 months: improvement signal: 7 points below the median from 8 Jan 2025 to 14 Jan 2025: a shift, an improvement\.\n/);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("a shift, an improvement.</p>");
  });

  it("an unknown file in --data is a note, not an error", async () => {
    const dir = tempDir({ "project.json": PROJECT, "data/nobody.csv": "x,y\n2024-01-01,1\n" });
    const r = await run(["report", "project.json", "--data", "data"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("pace-qi: note: data/nobody.csv: no measure 'nobody' in the project; ignored\n");
  });

  it("a bad value in a data file: exit 1 naming that file's row and column; nothing written", async () => {
    const dir = tempDir({ "project.json": PROJECT, "data/m-26-weeks.csv": "x,y,n\n2024-01-01,50,10\n2024-02-01,lots,10\n" });
    const r = await run(["report", "project.json", "--data", "data"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pace-qi: data/m-26-weeks.csv: row 3, column y: 'lots' is not a number\n");
    expect(listing(dir)).toEqual(["data", "project.json"]);
  });

  it("a duplicated month in a data file is traced back to its CSV row", async () => {
    const dir = tempDir({ "project.json": PROJECT, "data/m-26-weeks.csv": "x,y\n2024-01-01,50\n2024-02-01,60\n2024-01-01,55\n" });
    const r = await run(["report", "project.json", "--data", "data"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pace-qi: data\/m-26-weeks\.csv: row 4, column x: x 2024-01-01 appears twice/);
  });

  it("an invalid project lists every problem with its path", async () => {
    const doc = JSON.parse(PROJECT);
    doc.measures[1].direction = "upwards";
    delete doc.title;
    const dir = tempDir({ "p.json": JSON.stringify(doc) });
    const r = await run(["report", "p.json"], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^pace-qi: p\.json: title: /);
    expect(lines[1]).toMatch(/^ {2}p\.json: measures\[1\]\.direction: /);
    expect(listing(dir)).toEqual(["p.json"]);
  });

  it("files that are not there, not JSON, not a project", async () => {
    const dir = tempDir({ "list.json": "[1, 2]", "broken.json": "{\n  \"title\": \"x\",\n}", "p.json": PROJECT });
    expect((await run(["report", "none.json"], dir)).stderr).toBe("pace-qi: none.json: no such file\n");
    expect((await run(["report", "list.json"], dir)).stderr).toBe("pace-qi: list.json: expected a project object (see schemas/project.schema.json)\n");
    expect((await run(["report", "broken.json"], dir)).stderr).toMatch(/^pace-qi: broken\.json: line 3: not valid JSON/);
    const d = await run(["report", "p.json", "--data", "missing"], dir);
    expect(d.code).toBe(1);
    expect(d.stderr).toBe("pace-qi: missing: no such directory\n");
  });

  it("--chart i analyses every measure as a control chart; --chart p needs counts, not percentages", async () => {
    const dir = tempDir({ "p.json": PROJECT });
    const i = await run(["report", "p.json", "--chart", "i"], dir);
    expect(i.code).toBe(0);
    expect(i.stdout).toMatch(/below the lower control limit/);
    const p = await run(["report", "p.json", "--chart", "p", "--out", "p.html"], dir);
    expect(p.code).toBe(1);
    expect(p.stderr.split("\n")[0]).toBe("pace-qi: p.json: data[0].rows[0].y: data[0].rows[0] has 60 cases out of 15: a proportion cannot be above 1");
    expect(listing(dir)).toEqual(["p.json", "report.html"]);
  });

  it("bad flags exit 2", async () => {
    const dir = tempDir({ "p.json": PROJECT });
    const r = await run(["report", "p.json", "--chart", "bar"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("pace-qi report: --chart 'bar' is not one of: run, i, mr, xbar, s, p, pp, u, up, c, g, t, r, np, ip, i-median, i-median-mr, cusum, ewma");
  });
});

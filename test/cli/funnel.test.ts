import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const CSV = `authority,within26,children
Angus,40,50
"<b>Borders</b>",12,30
Clackmannanshire,70,90
Dundee,58,80
East Lothian,30,42
`;

describe.skipIf(!HAVE_BIN).concurrent("pace-qi funnel", { timeout: 120_000 }, () => {
  it("prints who lies outside the limits and writes the SVG and JSON", async () => {
    const dir = tempDir({ "la.csv": CSV });
    const r = await run(["funnel", "la.csv", "--group", "authority", "--numerator", "within26", "--denominator", "children", "--multiplier", "100", "--svg", "f.svg", "--highlight", "Dundee"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("5 organisations; target");
    expect(r.stdout).toMatch(/<b>Borders<\/b> +12 +30 +40 .*low/);
    expect(r.stdout).toContain("Wrote f.svg");
    const svg = readFileSync(join(dir, "f.svg"), "utf8");
    expect(svg).toContain("&lt;b&gt;Borders&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
    const j = await run(["funnel", "la.csv", "--group", "authority", "--numerator", "within26", "--denominator", "children", "--json"], dir);
    expect(JSON.parse(j.stdout).groups).toHaveLength(5);
  });

  it("a denominator of 0 is a data error naming the row and column", async () => {
    const dir = tempDir({ "bad.csv": "la,k,n\nA,1,5\nB,0,0\n" });
    const r = await run(["funnel", "bad.csv", "--group", "la", "--numerator", "k", "--denominator", "n"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv: row 3, column n: the denominator of group "B" is 0/);
  });

  it("an option that cannot apply is a usage error naming the flag", async () => {
    const dir = tempDir({ "la.csv": CSV });
    const r = await run(["funnel", "la.csv", "--group", "authority", "--numerator", "within26", "--denominator", "children", "--sr-method", "cqc"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--sr-method");
  });
});

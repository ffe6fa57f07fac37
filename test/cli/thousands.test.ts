import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// UK published tables write 1,190 for 1190. --thousands reads them (counted in a note); without it
// they stay errors that name the flag. Only groups of three digits: "1,19" is no number.

describe.skipIf(!HAVE_BIN).concurrent("--thousands", { timeout: 120_000 }, () => {
  const csv = "Month,Referrals,Children\nJan 2024,\"1,190\",\"2,400\"\nFeb 2024,980,\"2,350\"\nMar 2024,\"1,020\",\"2,380\"\n";

  it("analyse: without it, an error naming the flag; with it, the numbers and a note counting the cells", async () => {
    const dir = tempDir({ "r.csv": csv });
    const bad = await run(["analyse", "r.csv", "--x", "Month", "--y", "Referrals"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("row 2, column Referrals: '1,190' is not a number: remove the thousands separator (1190), or give --thousands to read such cells as numbers");
    const ok = await run(["analyse", "r.csv", "--x", "Month", "--y", "Referrals", "--n", "Children", "--thousands", "--json"], dir);
    expect(ok.stderr).toBe("");
    const chart = JSON.parse(ok.stdout) as { points: { y: number }[]; warnings: { code: string; message: string }[] };
    expect(chart.points.map((p) => p.y)).toEqual([1190 / 2400, 980 / 2350, 1020 / 2380]);
    expect(chart.warnings).toContainEqual({ code: "thousands", message: "--thousands: 5 cells read with thousands separators removed (column Referrals ×2; column Children ×3)" });
  });

  it("reads only groups of three digits; other commas stay errors", async () => {
    const dir = tempDir({ "r.csv": "Month,Referrals\nJan 2024,\"1,19\"\nFeb 2024,\"12,3456\"\n" });
    const r = await run(["analyse", "r.csv", "--x", "Month", "--y", "Referrals", "--thousands"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'1,19' is not a number");
    expect(r.stderr).toContain("'12,3456' is not a number");
  });

  it("summary and funnel take it too", async () => {
    const dir = tempDir({ "r.csv": csv, "f.csv": "Authority,Placements,Looked after\nA,\"1,020\",\"4,000\"\nB,300,\"1,100\"\nC,250,900\nD,400,\"1,500\"\n" });
    const s = await run(["summary", "r.csv", "--x", "Month", "--y", "Referrals", "--thousands"], dir);
    expect(s.stderr).toBe("");
    expect(s.stdout).toContain("--thousands: 2 cells read with thousands separators removed (column Referrals ×2)");
    const f = await run(["funnel", "f.csv", "--group", "Authority", "--numerator", "Placements", "--denominator", "Looked after", "--thousands", "--json"], dir);
    expect(f.stderr).toBe("");
    const plot = JSON.parse(f.stdout) as { groups: { group: string; numerator: number; denominator: number }[] };
    expect(plot.groups.find((p) => p.group === "A")).toMatchObject({ numerator: 1020, denominator: 4000 });
  });
});

/**
 * Differential test against FunnelPlotR 0.6.0 (test/fixtures/funnel.json, a copy of
 * ../shared/oracle/funnel.json; conventions in its README). Every number of every case must
 * agree to 1e-9 relative (or absolutely near 0); null in the oracle is ±Infinity or NaN.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { funnelLimits, funnelPlot, type FunnelLimitRow } from "../../src/index.js";

const cases: any[] = JSON.parse(readFileSync(new URL("../fixtures/funnel.json", import.meta.url), "utf8"));

const TYPE = { PR: "proportion", SR: "standardised-ratio", RC: "ratio-of-counts" } as const;
const LIMIT_KEYS: Record<string, keyof FunnelLimitRow> = {
  lcl95: "lower95", ucl95: "upper95", lcl998: "lower998", ucl998: "upper998",
  odLcl95: "adjustedLower95", odUcl95: "adjustedUpper95", odLcl998: "adjustedLower998", odUcl998: "adjustedUpper998",
};

function close(actual: number | null, expected: number | null): boolean {
  if (expected === null) return actual === null || !Number.isFinite(actual);
  if (actual === null) return false;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-3);
}

function run(c: any) {
  const rows = c.group.map((g: string, i: number) => ({ g, o: c.numerator[i], e: c.denominator[i] }));
  const type = TYPE[c.dataType as keyof typeof TYPE];
  const sr = type === "standardised-ratio";
  return funnelPlot(rows, {
    group: "g", numerator: "o", denominator: "e", type,
    ...(sr ? { srMethod: c.srMethod.toLowerCase() } : {}),
    ...(sr && c.srMethod === "SHMI" ? { shmiRounding: c.shmiRounding } : {}),
    overdispersion: c.drawAdjusted, unadjusted: c.drawUnadjusted, trim: c.trimBy, multiplier: c.multiplier,
  });
}

describe("funnelPlot agrees with FunnelPlotR 0.6.0 on every case", () => {
  it("has 40 cases", () => expect(cases.length).toBe(40));
  for (const c of cases) {
    it(`${c.id} ${c.dataType} ${c.srMethod} ${c.scenario}`, () => {
      const f = run(c);
      const o = c.out;
      const bad: string[] = [];
      const check = (what: string, a: number | null, e: number | null) => {
        if (!close(a, e)) bad.push(`${what}: ${a} vs ${e}`);
      };
      check("target", f.target, o.target);
      check("phi", f.phi, o.phi);
      check("tau2", f.tau2, o.tau2);
      expect(f.drawAdjusted).toBe(o.drawAdjustedUsed);
      expect(f.drawUnadjusted).toBe(o.drawUnadjustedUsed);
      f.groups.forEach((g, i) => {
        expect(g.group).toBe(c.group[i]);
        check(`${i} denominatorUsed`, g.denominatorUsed, o.orgs.denominatorUsed[i]);
        check(`${i} value`, g.value, o.orgs.value[i]);
        check(`${i} rr`, g.ratio, o.orgs.rr[i]);
        check(`${i} transformed`, g.transformed, o.orgs.transformed[i]);
        check(`${i} z`, g.z, o.orgs.zScore[i]);
        check(`${i} zWinsorised`, g.zAdjusted, o.orgs.zWinsorised[i]);
        if (Number(g.trimmed) !== o.orgs.trimmed[i]) bad.push(`${i} trimmed ${g.trimmed}`);
        for (const [k, ours] of Object.entries(LIMIT_KEYS)) check(`${i} ${k}`, g.limits[ours], o.orgs[k][i]);
        if (Number(g.outlier95) !== o.orgs.outlier95[i]) bad.push(`${i} outlier95 ${g.outlier95}`);
        if (Number(g.outlier998) !== o.orgs.outlier998[i]) bad.push(`${i} outlier998 ${g.outlier998}`);
      });
      const grid = funnelLimits(f, o.grid.denominator);
      grid.forEach((row, i) => {
        for (const [k, ours] of Object.entries(LIMIT_KEYS)) check(`grid ${i} (n=${row.denominator}) ${k}`, row[ours], o.grid[k][i]);
      });
      expect(bad.slice(0, 12)).toEqual([]);
    });
  }
});

import { describe, expect, it } from "vitest";
import fixture from "../fixtures/kaplan-meier.json" with { type: "json" };
import { kaplanMeier } from "../../src/timescales/index.js";

// R survival 3.5-3, survfit(Surv(days, event) ~ 1); numbers rounded to 12 significant digits.
// R's JSON export unboxes length-1 vectors, so a curve with one event time has scalars.
interface OracleCase {
  id: string;
  days: number[];
  event: number[];
  out: {
    time: number | number[];
    nRisk: number | number[];
    nEvent: number | number[];
    surv: number | number[];
    lower: number | null | (number | null)[];
    upper: number | null | (number | null)[];
    median: number | null;
    medianLower: number | null;
    medianUpper: number | null;
  };
}
const cases = fixture as unknown as OracleCase[];
const arr = <V>(v: V | V[]): V[] => (Array.isArray(v) ? v : [v]);

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function problems(c: OracleCase): string[] {
  const rows = c.days.map((days, i) => Object.freeze({ days, censored: c.event[i] === 0 }));
  const km = kaplanMeier(Object.freeze(rows));
  const out: string[] = [];
  const time = arr(c.out.time);
  if (km.steps.length !== time.length) out.push(`steps ${km.steps.length} vs ${time.length}`);
  const cols = [
    ["time", time],
    ["nRisk", arr(c.out.nRisk)],
    ["nEvent", arr(c.out.nEvent)],
    ["survival", arr(c.out.surv)],
    ["lower", arr(c.out.lower)],
    ["upper", arr(c.out.upper)],
  ] as const;
  km.steps.forEach((s, i) => {
    for (const [name, values] of cols) {
      const want = values[i] ?? null;
      const got = s[name];
      if (!close(got, want)) out.push(`${name}[${i}] ${got} vs ${want}`);
    }
  });
  for (const k of ["median", "medianLower", "medianUpper"] as const) {
    if (!close(km[k], c.out[k])) out.push(`${k} ${km[k]} vs ${c.out[k]}`);
  }
  return out;
}

describe("kaplanMeier against R survival 3.5-3 (test/fixtures/kaplan-meier.json)", () => {
  it("agrees with every oracle case to 1e-9 relative", () => {
    const failures = cases.map((c) => [c.id, problems(c)] as const).filter(([, p]) => p.length > 0);
    const agree = cases.length - failures.length;
    console.log(`kaplan-meier oracle: ${agree}/${cases.length} cases agree`);
    expect(failures.map(([id, p]) => `${id}: ${p.slice(0, 3).join("; ")}`)).toEqual([]);
    expect(agree).toBe(80);
  });
});

// One fixed fast-check seed for `npm test`, so the suite (and CI) is reproducible: a property
// that passes today passes tomorrow on the same code. Exploration with fresh seeds is a separate
// command: `npm run test:explore` (FC_SEED=random), or FC_SEED=<n> to replay a reported seed.
// Any counterexample found that way becomes a named regression test next to the property.
import fc from "fast-check";

const setting = process.env.FC_SEED;
if (setting !== "random") {
  const seed = setting === undefined || setting === "" ? 20261122 : Number(setting);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(setting)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}

// The date-dependent reruns of `npm test` under other zones (scripts/test.mjs) check the same
// properties on fewer cases: test/_shared/zone.ts `runs(n)` for explicit numRuns, and this default
// (fast-check's is 100) for the rest.
if (process.env.PACE_QI_TZ_RERUN === "1") fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 50 });

/**
 * Each document shape is written three times: TypeScript types, a zod schema (the reference: what
 * `parseX` accepts) and a hand guard (each area's `guards.ts`, the cheap shape check the functions after the
 * parser run on entry). The types are checked against zod at compile time (`schema.ts`); this
 * checks the guards against zod on random documents (issue #16).
 *
 * The guards check shape only, by design (docs/reliability.md): they ignore unknown keys, accept
 * any number (NaN, fractions, negatives: the functions treat those) and any string where zod wants
 * an ISO date, and treat an optional key set to `undefined` as absent. So each guard must accept
 * exactly what `relax(schema)` accepts — the zod schema with those four refinements taken out and
 * everything else (required keys, kinds, enums, arrays, nullability, non-empty ids) kept — and,
 * as a consequence, everything the zod schema itself accepts.
 */
import fc from "fast-check";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { root, shapeIssues, type Shape } from "../../src/_lib/shape.js";
import { AIM_SHAPE, DIAGRAM_SHAPE } from "../../src/drivers/guards.js";
import { AimSchema, DriverDiagramSchema } from "../../src/drivers/schema.js";
import { MEASURE_SHAPE } from "../../src/measures/guards.js";
import { MeasureSchema } from "../../src/measures/schema.js";
import { CYCLE_SHAPE } from "../../src/pdsa/guards.js";
import { PdsaCycleSchema } from "../../src/pdsa/schema.js";
import { PROJECT_SHAPE } from "../../src/project/guards.js";
import { ProjectSchema } from "../../src/project/schema.js";
import { hostileJson, mutate, mutation } from "../property/_documents.js";

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.core.$ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Array<Record<string, unknown>> => ((d.checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []).map((c) => c._zod.def);

/** The zod schema with the guards' documented relaxations. */
function relax(s: z.core.$ZodType): z.ZodType {
  const d = defOf(s);
  switch (d.type) {
    case "object": {
      const shape = d.shape as Record<string, z.core.$ZodType>;
      return z.looseObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, relax(v)])));
    }
    case "array":
      return z.array(relax(d.element as z.core.$ZodType));
    case "optional":
      return relax(d.innerType as z.core.$ZodType).optional();
    case "nullable":
      return relax(d.innerType as z.core.$ZodType).nullable();
    case "union":
      return z.union((d.options as z.core.$ZodType[]).map(relax) as [z.ZodType, z.ZodType]);
    case "string": {
      const min = checksOf(d).find((c) => c.check === "min_length")?.minimum as number | undefined;
      return min === undefined ? z.string() : z.string().min(min);
    }
    case "number":
      return z.custom<number>((v) => typeof v === "number");
    case "boolean":
      return z.boolean();
    case "enum": // rebuilt as classic zod: the package's schemas are zod/mini, without .optional()
      return z.enum(Object.values(d.entries as Record<string, string>) as [string, ...string[]]);
    default:
      throw new Error(`relax: no rule for zod type ${d.type}`);
  }
}

/** Documents the zod schema accepts, generated from it. */
function arbitraryOf(s: z.core.$ZodType): fc.Arbitrary<unknown> {
  const d = defOf(s);
  switch (d.type) {
    case "object": {
      const shape = d.shape as Record<string, z.core.$ZodType>;
      const required = Object.keys(shape).filter((k) => defOf(shape[k]!).type !== "optional");
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(defOf(v).type === "optional" ? (defOf(v).innerType as z.core.$ZodType) : v)])), { requiredKeys: required });
    }
    case "array":
      return fc.array(arbitraryOf(d.element as z.core.$ZodType), { maxLength: 3 });
    case "nullable":
      return fc.option(arbitraryOf(d.innerType as z.core.$ZodType), { nil: null });
    case "union":
      return fc.oneof(...(d.options as z.core.$ZodType[]).map(arbitraryOf));
    case "string":
      if (d.format === "date") return fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((t) => t.toISOString().slice(0, 10));
      return fc.string({ minLength: (checksOf(d).find((c) => c.check === "min_length")?.minimum as number | undefined) ?? 0, maxLength: 8 });
    case "number": {
      const checks = checksOf(d);
      const int = d.check === "number_format" || checks.some((c) => c.check === "number_format"); // z.int() carries its format in its own def (zod/mini: z.int().check(…))
      const min = checks.find((c) => c.check === "greater_than")?.value as number | undefined;
      return int ? fc.integer({ min: min ?? -1000, max: 1000 }) : fc.double({ min: min ?? -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    default:
      throw new Error(`arbitraryOf: no rule for zod type ${d.type}`);
  }
}

const PAIRS: Array<{ name: string; guard: Shape; schema: z.core.$ZodType }> = [
  { name: "PDSA cycle (pdsa/guards CYCLE_SHAPE)", guard: CYCLE_SHAPE, schema: PdsaCycleSchema },
  { name: "measure (measures/guards MEASURE_SHAPE)", guard: MEASURE_SHAPE, schema: MeasureSchema },
  { name: "aim (drivers/guards AIM_SHAPE)", guard: AIM_SHAPE, schema: AimSchema },
  { name: "driver diagram (drivers/guards DIAGRAM_SHAPE)", guard: DIAGRAM_SHAPE, schema: DriverDiagramSchema },
  { name: "project (project/guards PROJECT_SHAPE)", guard: PROJECT_SHAPE, schema: ProjectSchema },
];

const guardAccepts = (guard: Shape, doc: unknown): boolean => shapeIssues(doc, guard, root("doc"), "", true).length === 0;

describe("hand guards accept exactly what their zod schemas accept (shape relaxations aside)", () => {
  for (const { name, guard, schema } of PAIRS) {
    const relaxed = relax(schema);
    const valid = arbitraryOf(schema);
    const docs = fc.oneof(
      { weight: 2, arbitrary: valid },
      { weight: 6, arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([doc, ms]) => mutate(JSON.stringify(doc), ms)) },
      { weight: 1, arbitrary: hostileJson },
    );

    it(`${name}: every generated document passes zod and the guard`, () => {
      fc.assert(
        fc.property(valid, (doc) => {
          expect(z.safeParse(schema, doc).success).toBe(true);
          expect(guardAccepts(guard, doc)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it(`${name}: on valid, mutated and hostile documents the guard agrees with the relaxed schema`, () => {
      fc.assert(
        fc.property(docs, (doc) => {
          const zodOk = relaxed.safeParse(doc).success;
          expect(guardAccepts(guard, doc), `zod (relaxed) says ${zodOk} for ${JSON.stringify(doc)?.slice(0, 300)}`).toBe(zodOk);
          if (z.safeParse(schema, doc).success) expect(guardAccepts(guard, doc)).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }
});

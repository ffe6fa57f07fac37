import * as z from "zod/mini";
import { QiError } from "../_lib/error.js";
import { booleanOption, checkKeys, objectOption } from "../_lib/options.js";
import { jsonSchemaOf, parseWith, safeParseWith, type SafeParseResult } from "../_lib/zodParse.js";
import type { DriverDiagram } from "./types.js";
import { validateDriverDiagram } from "./validate.js";

const opt = z.exactOptional;
const id = z.string().check(z.minLength(1));
const nodeKind = z.enum(["aim", "primary", "secondary", "change"]);

/**
 * zod schema of an {@link Aim}.
 *
 * @example
 * AimSchema.safeParse({ id: "aim", statement: "…" }).success //=> true
 */
export const AimSchema = z.strictObject({
  id,
  statement: z.string(),
  what: opt(z.string()),
  howMuch: opt(z.string()),
  byWhen: opt(z.string()),
  forWhom: opt(z.string()),
});

/**
 * zod schema of a {@link DriverDiagram}. Graph rules are checked by {@link validateDriverDiagram}.
 *
 * @example
 * DriverDiagramSchema.safeParse({ aim: { id: "aim", statement: "" }, nodes: [], links: [] }).success //=> true
 */
export const DriverDiagramSchema = z.strictObject({
  title: opt(z.string()),
  aim: AimSchema,
  nodes: z.array(z.strictObject({ id, kind: z.enum(["primary", "secondary", "change"]), label: z.string(), description: opt(z.string()) })),
  links: z.array(z.strictObject({ from: id, to: id, strength: opt(z.enum(["strong", "weak"])) })),
  allowedLinks: opt(
    z.strictObject({ primary: opt(z.array(nodeKind)), secondary: opt(z.array(nodeKind)), change: opt(z.array(nodeKind)) }),
  ),
});

type Assert<T extends U, U> = T;
type _DriverDiagramCheck = Assert<z.output<typeof DriverDiagramSchema>, DriverDiagram>;

/** The {@link parseDriverDiagram} options. */
export interface ParseDriverDiagramOptions {
  /** Also run {@link validateDriverDiagram} and reject graph errors. Default true. */
  validate?: boolean;
}

const check = (d: DriverDiagram) => validateDriverDiagram(d).issues;

/**
 * Validate a driver diagram document: the schema, then (unless `validate: false`) the graph rules
 * of {@link validateDriverDiagram} (errors only; warnings never fail). Throws QiError
 * "invalid-document" listing every issue with its path.
 *
 * @example
 * parseDriverDiagram({ aim: { id: "aim", statement: "…" }, nodes: [], links: [] }).aim.id //=> "aim"
 */
export function parseDriverDiagram(input: unknown, options: ParseDriverDiagramOptions = {}): DriverDiagram {
  return parseWith<DriverDiagram>(DriverDiagramSchema, input, "driver diagram", checkOf(options));
}

/**
 * {@link parseDriverDiagram} without throwing.
 *
 * @example
 * safeParseDriverDiagram({ aim: { id: "aim", statement: "" }, nodes: [], links: [{ from: "x", to: "aim" }] }).success //=> false
 */
export function safeParseDriverDiagram(input: unknown, options: ParseDriverDiagramOptions = {}): SafeParseResult<DriverDiagram> {
  let semantic: typeof check | undefined;
  try {
    semantic = checkOf(options);
  } catch (e) {
    // Bad options are reported the same way as a bad document, never thrown.
    if (e instanceof QiError) return { success: false, error: e };
    throw e;
  }
  return safeParseWith<DriverDiagram>(DriverDiagramSchema, input, "driver diagram", semantic);
}

/** The semantic check the options ask for (`validate: false` skips it). */
function checkOf(options: ParseDriverDiagramOptions): typeof check | undefined {
  const o = objectOption(options, ["options"]);
  checkKeys(o, ["validate"], ["options"], "parseDriverDiagram option");
  if (o.validate !== undefined) booleanOption(o.validate, ["options", "validate"]);
  return o.validate === false ? undefined : check;
}

/**
 * JSON Schema (draft 2020-12) of a driver diagram document.
 *
 * @example
 * driverDiagramJsonSchema().title //=> "Driver diagram"
 */
export function driverDiagramJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(DriverDiagramSchema, "Driver diagram", "An aim, primary and secondary drivers and change ideas, linked child → parent as a DAG (IHI driver diagram).");
}

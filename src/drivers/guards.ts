import type { QiIssue } from "../_lib/error.js";
import { arrayOf, assertShape, id, object, oneOf, optional, root, shapeIssues, str, type At, type Shape } from "../_lib/shape.js";
import type { Aim, DriverDiagram } from "./types.js";

const NODE_KINDS = ["aim", "primary", "secondary", "change"] as const;

/** @internal The shape of an aim, as {@link checkAim} and the graph operations read it. */
export const AIM_SHAPE: Shape = object({ id, statement: str, what: optional(str), howMuch: optional(str), byWhen: optional(str), forWhom: optional(str) }, "an aim object");

/** @internal The shape of a driver diagram (what parseDriverDiagram returns). */
export const DIAGRAM_SHAPE: Shape = object(
  {
    title: optional(str),
    aim: AIM_SHAPE,
    nodes: arrayOf(object({ id, kind: oneOf(["primary", "secondary", "change"]), label: str, description: optional(str) }, "a node object"), "an array of nodes"),
    links: arrayOf(object({ from: id, to: id, strength: optional(oneOf(["strong", "weak"])) }, "a link object"), "an array of links"),
    allowedLinks: optional(
      object({ primary: optional(arrayOf(oneOf(NODE_KINDS))), secondary: optional(arrayOf(oneOf(NODE_KINDS))), change: optional(arrayOf(oneOf(NODE_KINDS))) }),
    ),
  },
  "a driver diagram object",
);

const DIAGRAM_ADVICE = "this is not a driver diagram; parse it with parseDriverDiagram first";
const AIM_ADVICE = "this is not an aim; pass a driver diagram's aim (parseDriverDiagram(…).aim)";

/**
 * @internal The shape problems of a driver diagram, [] when it can be walked safely; paths
 * relative to the diagram (as validateDriverDiagram's issues).
 */
export function diagramShapeIssues(diagram: unknown): QiIssue[] {
  return shapeIssues(diagram, DIAGRAM_SHAPE, root("diagram"), DIAGRAM_ADVICE, true);
}

/** @internal Throw `invalid-value` at `["diagram", …]` unless `diagram` has a driver diagram's shape. */
export function assertDiagram(diagram: unknown, at: At = root("diagram")): asserts diagram is DriverDiagram {
  assertShape(diagram, DIAGRAM_SHAPE, at, DIAGRAM_ADVICE);
}

/** @internal Throw `invalid-value` at `["aim", …]` unless `aim` has an aim's shape. */
export function assertAim(aim: unknown, at: At = root("aim")): asserts aim is Aim {
  assertShape(aim, AIM_SHAPE, at, AIM_ADVICE);
}

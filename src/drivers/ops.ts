import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, integerOption, objectOption } from "../_lib/options.js";
import { buildGraph, walk, type Graph } from "./graph.js";
import { assertDiagram } from "./guards.js";
import type { DriverDiagram, DriverLink, DriverNode, LinkStrength } from "./types.js";

/** A parent to link to: its id, or `{ to, strength }`. */
export type ParentRef = string | { to: string; strength?: LinkStrength };

function toLinks(from: string, parents: readonly ParentRef[], g: Graph, argName: string): DriverLink[] {
  checkParents(parents, argName);
  return parents.map((p, i) => {
    const to = typeof p === "string" ? p : p.to;
    if (!g.kind.has(to)) throw new QiError("unknown-id", [argName, i], `unknown parent id ${describeValue(to)}`);
    if (to === from) throw new QiError("cycle", [argName, i], `${describeValue(from)} cannot be its own parent`);
    return typeof p === "string" || p.strength === undefined ? { from, to } : { from, to, strength: p.strength };
  });
}

/** Parents come from the caller, not a parsed document: check their shape before use. */
function checkParents(parents: unknown, argName: string): asserts parents is readonly ParentRef[] {
  if (!Array.isArray(parents)) throw new QiError("invalid-option", [argName], `${argName} must be an array of ids or { to, strength }, not ${describeValue(parents)}`);
  parents.forEach((p: unknown, i) => {
    if (typeof p === "string") return;
    const to = p !== null && typeof p === "object" ? (p as { to?: unknown }).to : undefined;
    const strength = p !== null && typeof p === "object" ? (p as { strength?: unknown }).strength : undefined;
    if (typeof to !== "string") throw new QiError("invalid-option", [argName, i], `a parent must be an id or { to, strength }, not ${describeValue(p)}`);
    if (strength !== undefined && strength !== "strong" && strength !== "weak") throw new QiError("invalid-option", [argName, i, "strength"], `strength must be "strong" or "weak", not ${describeValue(strength)}`);
  });
}

function requireNode(g: Graph, id: string, argName: string): void {
  if (!g.kind.has(id)) throw new QiError("unknown-id", [argName], `no node with id ${describeValue(id)}`);
}

/**
 * A new diagram with `node` added and linked to `parents`. The input is not changed.
 * Throws QiError `duplicate-id` if the id is taken, `unknown-id` if a parent does not exist.
 * Adjacency rules are checked by {@link validateDriverDiagram}, not here.
 *
 * @example
 * const d = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S1" },
 *     { id: "s2", kind: "secondary", label: "S2" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "s2", to: "p1" }, { from: "c1", to: "s1" }] };
 * addNode(d, { id: "c9", kind: "change", label: "Kinship assessment in week 1" }, ["s1"]).links.at(-1)
 * //=> { from: "c9", to: "s1" }
 */
export function addNode(diagram: DriverDiagram, node: DriverNode, parents: readonly ParentRef[] = []): DriverDiagram {
  assertDiagram(diagram);
  if (node === null || typeof node !== "object" || typeof node.id !== "string" || !["primary", "secondary", "change"].includes(node.kind) || typeof node.label !== "string") {
    throw new QiError("invalid-option", ["node"], `node must be { id, kind: "primary" | "secondary" | "change", label }, not ${describeValue(node)}`);
  }
  const g = buildGraph(diagram);
  if (g.kind.has(node.id)) throw new QiError("duplicate-id", ["node", "id"], `id ${describeValue(node.id)} is already used`);
  g.kind.set(node.id, node.kind); // so that naming the new node as its own parent reports "cycle", not "unknown-id"
  const links = toLinks(node.id, parents, g, "parents");
  return { ...diagram, nodes: [...diagram.nodes, node], links: [...diagram.links, ...links] };
}

/**
 * A new diagram without the node `id` and without every link to or from it (its children may
 * become orphans: {@link validateDriverDiagram} reports them). The aim cannot be removed.
 *
 * @example
 * const d = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S1" },
 *     { id: "s2", kind: "secondary", label: "S2" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "s2", to: "p1" }, { from: "c1", to: "s1" }] };
 * const node = { id: "c9", kind: "change", label: "Kinship assessment in week 1" };
 * removeNode(addNode(d, node, ["s1"]), node.id) //=> d  // same nodes and links as d
 */
export function removeNode(diagram: DriverDiagram, id: string): DriverDiagram {
  assertDiagram(diagram);
  const g = buildGraph(diagram);
  requireNode(g, id, "id");
  if (id === diagram.aim.id) throw new QiError("invalid-option", ["id"], "the aim cannot be removed");
  return {
    ...diagram,
    nodes: diagram.nodes.filter((n) => n.id !== id),
    links: diagram.links.filter((l) => l.from !== id && l.to !== id),
  };
}

/**
 * A new diagram where node `id` links to exactly `parents` (its old parent links are dropped;
 * links from its children are kept).
 *
 * @example
 * const d = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S1" },
 *     { id: "s2", kind: "secondary", label: "S2" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "s2", to: "p1" }, { from: "c1", to: "s1" }] };
 * relink(d, "c1", [{ to: "s2", strength: "weak" }]).links.filter((l) => l.from === "c1")
 * //=> [{ from: "c1", to: "s2", strength: "weak" }]
 */
export function relink(diagram: DriverDiagram, id: string, parents: readonly ParentRef[]): DriverDiagram {
  assertDiagram(diagram);
  const g = buildGraph(diagram);
  requireNode(g, id, "id");
  checkParents(parents, "parents");
  if (id === diagram.aim.id && parents.length > 0) throw new QiError("invalid-option", ["parents"], "the aim cannot have parents");
  const links = toLinks(id, parents, g, "parents");
  return { ...diagram, links: [...diagram.links.filter((l) => l.from !== id), ...links] };
}

/**
 * Ids of every node above `id` (its parents, their parents… up to the aim), nearest first.
 *
 * @example
 * const d = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S1" },
 *     { id: "s2", kind: "secondary", label: "S2" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "s2", to: "p1" }, { from: "c1", to: "s1" }] };
 * ancestors(d, "c1") //=> ["s1", "p1", "aim"]
 */
export function ancestors(diagram: DriverDiagram, id: string): string[] {
  assertDiagram(diagram);
  const g = buildGraph(diagram);
  requireNode(g, id, "id");
  return walk(id, g.up);
}

/**
 * Ids of every node below `id` (children, grandchildren… down to the change ideas), nearest first.
 *
 * @example
 * const d = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S1" },
 *     { id: "s2", kind: "secondary", label: "S2" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "s2", to: "p1" }, { from: "c1", to: "s1" }] };
 * descendants(d, "p1") //=> ["s1", "s2", "c1"]
 */
export function descendants(diagram: DriverDiagram, id: string): string[] {
  assertDiagram(diagram);
  const g = buildGraph(diagram);
  requireNode(g, id, "id");
  return walk(id, g.down);
}

/** The {@link pathsToAim} options. */
export interface PathsToAimOptions {
  /** Stop after this many paths (a DAG can have exponentially many). Default 1000. */
  limit?: number;
}

/**
 * Every path from node `id` up to the aim, each as a list of ids starting with `id` and ending with
 * the aim, in link order. Cycles are not followed. Iterative: deep diagrams cannot overflow the stack.
 *
 * Work: O(V + E) to find the nodes that can reach the aim, then, for an acyclic diagram (every
 * valid one), O(E) between two paths found, so O(V + E + limit × E) in all, whatever part of the
 * diagram is cut off from the aim (V nodes, E links). Dead ends are remembered; only in a diagram
 * with cycles (which validation rejects) can a dead end blocked by the current path be tried again.
 *
 * @example
 * const d = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S1" },
 *     { id: "s2", kind: "secondary", label: "S2" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "s2", to: "p1" }, { from: "c1", to: "s1" }, { from: "c1", to: "s2" }] };
 * pathsToAim(d, "c1") //=> [["c1", "s1", "p1", "aim"], ["c1", "s2", "p1", "aim"]]
 */
export function pathsToAim(diagram: DriverDiagram, id: string, options: PathsToAimOptions = {}): string[][] {
  assertDiagram(diagram);
  const o = objectOption(options, ["options"]);
  checkKeys(o, ["limit"], ["options"], "option");
  const limit = o.limit === undefined ? 1000 : integerOption(o.limit, ["options", "limit"], 0);
  const g = buildGraph(diagram);
  requireNode(g, id, "id");
  const aim = diagram.aim.id;
  const out: string[][] = [];
  if (id === aim) return [[aim]];
  // Only nodes with some route up to the aim are worth entering (one reverse walk, O(V + E)): after
  // removeNode cut the aim off, the plain walk tried every path of the dead part (doubling per level).
  const reach = new Set(walk(aim, g.down));
  if (!reach.has(id)) return out;
  // A node whose whole walk found nothing without being blocked by the current path has no path at
  // all: remember it (in an acyclic diagram every dead end is remembered, so each edge is tried at most
  // once between two paths found).
  const dead = new Set<string>();
  const path: string[] = [id];
  const onPath = new Set<string>([id]);
  const stack: Array<{ id: string; next: number; found: number; blocked: boolean }> = [{ id, next: 0, found: 0, blocked: false }];
  while (stack.length > 0 && out.length < limit) {
    const top = stack[stack.length - 1]!;
    const edges = g.up.get(top.id)!;
    if (top.next >= edges.length) {
      stack.pop();
      onPath.delete(path.pop()!);
      if (out.length === top.found && !top.blocked) dead.add(top.id);
      const parent = stack[stack.length - 1];
      if (parent !== undefined && top.blocked) parent.blocked = true;
      continue;
    }
    const next = edges[top.next++]!.id;
    if (onPath.has(next)) {
      top.blocked = true;
      continue;
    }
    if (next === aim) {
      out.push([...path, aim]);
      continue;
    }
    if (!reach.has(next) || dead.has(next)) continue;
    path.push(next);
    onPath.add(next);
    stack.push({ id: next, next: 0, found: out.length, blocked: false });
  }
  return out;
}

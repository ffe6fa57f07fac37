import { issue, result, type ValidationIssue, type ValidationResult } from "../_lib/issues.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { checkAim } from "./aim.js";
import { buildGraph, KIND_NAME } from "./graph.js";
import { diagramShapeIssues } from "./guards.js";
import type { AllowedLinks, DriverDiagram, DriverNodeKind, NodeKind } from "./types.js";

/**
 * The default adjacency: each level links only to the level above it (IHI driver diagram:
 * aim ← primary drivers ← secondary drivers ← change ideas). Pass `allowedLinks` (in the document
 * or the options) to allow more, e.g. `{ change: ["secondary", "primary"] }`.
 */
export const DEFAULT_ALLOWED_LINKS: { readonly [K in DriverNodeKind]: readonly NodeKind[] } = {
  primary: ["aim"],
  secondary: ["primary"],
  change: ["secondary"],
};

/** The {@link validateDriverDiagram} options. */
export interface ValidateDriverDiagramOptions {
  /** Overrides the document's `allowedLinks` (itself over {@link DEFAULT_ALLOWED_LINKS}). */
  allowedLinks?: AllowedLinks;
  /** Check the aim is SMART and report missing elements as warnings. Default true. */
  smartAim?: boolean;
}

const RANK: Record<NodeKind, number> = { aim: 0, primary: 1, secondary: 2, change: 3 };
const MAX_CYCLE_IDS = 20;

/**
 * Validate a driver diagram and report every problem at once, each with its path:
 *
 * errors — `duplicate-id` (`["nodes", i, "id"]`), `unknown-id` (`["links", i, "from" | "to"]`),
 * `duplicate-link` (`["links", i]`), `skipped-level` (a link that jumps a level, e.g. a change idea
 * straight to the aim) and `invalid-link` (any other link the adjacency does not allow: from the
 * aim, within a level, or downwards) at `["links", i]`, `cycle` (`["links", i]` of the link that
 * closes it; self-links too), `orphan` (a node with no parent, `["nodes", i]`), `unreachable` (a
 * node with parents but no path to the aim, `["nodes", i]`);
 *
 * warnings — `no-change-ideas` (a driver with no change idea below it, `["nodes", i]`) and
 * `aim-not-smart` (`["aim", element]`).
 *
 * Linear time: one pass to index, breadth-first walks and an iterative depth-first search.
 *
 * Any value is accepted: one that is not a driver diagram at all (`null`, `{}`, a field of the wrong
 * kind) gives only `invalid-value` error issues, one per problem, with their paths.
 *
 * @example
 * validateDriverDiagram({
 *   aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "c1", kind: "change", label: "Early kinship assessment" }],
 *   links: [{ from: "c1", to: "aim" }],
 * }, { smartAim: false })
 * //=> { valid: false, issues: [{ severity: "error", code: "skipped-level", path: ["links", 0], message: "change idea \"c1\" links straight to aim \"aim\"; a change idea may link to: secondary driver" }] }
 */
export function validateDriverDiagram(diagram: DriverDiagram, options: ValidateDriverDiagramOptions = {}): ValidationResult {
  const o = objectOption(options, ["options"]);
  checkKeys(o, VALIDATE_KEYS, ["options"], "validateDriverDiagram option");
  if (o.smartAim !== undefined && typeof o.smartAim !== "boolean") throw new QiError("invalid-option", ["options", "smartAim"], `smartAim must be true or false, not ${describeValue(o.smartAim)}`);
  // A value that is not a driver diagram at all: its shape problems are the issues (paths from the root, as every other issue).
  const shape = diagramShapeIssues(diagram);
  if (shape.length > 0) return result(shape.map((i) => issue("error", i.code, i.path, i.message)));
  const g = buildGraph(diagram);
  const allowed = { ...DEFAULT_ALLOWED_LINKS, ...diagram.allowedLinks, ...options.allowedLinks };
  const issues: ValidationIssue[] = [...duplicateIds(diagram), ...linkIssues(diagram, g, allowed), ...cycles(g), ...reachability(diagram, g)];
  if (options.smartAim ?? true) {
    for (const e of checkAim(diagram.aim).elements) {
      if (!e.ok) issues.push(issue("warning", "aim-not-smart", ["aim", e.element], `aim: ${e.feedback}`));
    }
  }
  return result(issues);
}

/** The {@link validateDriverDiagram} option keys. */
const VALIDATE_KEYS = ["allowedLinks", "smartAim"] as const;

type Graph = ReturnType<typeof buildGraph>;

/** Duplicate ids (the aim's id included). */
function duplicateIds(diagram: DriverDiagram): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const firstAt = new Map<string, string>([[diagram.aim.id, "the aim"]]);
  for (let i = 0; i < diagram.nodes.length; i++) {
    const id = diagram.nodes[i]!.id;
    const prev = firstAt.get(id);
    if (prev !== undefined) issues.push(issue("error", "duplicate-id", ["nodes", i, "id"], `id ${q(id)} is already used by ${prev}`));
    else firstAt.set(id, `nodes[${i}]`);
  }
  return issues;
}

/** Links: unknown ends, duplicates, self-links, adjacency. */
function linkIssues(diagram: DriverDiagram, g: Graph, allowed: { readonly [K in DriverNodeKind]: readonly NodeKind[] }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pairs = new Set<string>();
  for (let i = 0; i < diagram.links.length; i++) {
    const l = diagram.links[i]!;
    const fk = g.kind.get(l.from);
    const tk = g.kind.get(l.to);
    if (fk === undefined) issues.push(issue("error", "unknown-id", ["links", i, "from"], `link from unknown id ${q(l.from)}`));
    if (tk === undefined) issues.push(issue("error", "unknown-id", ["links", i, "to"], `link to unknown id ${q(l.to)}`));
    if (fk === undefined || tk === undefined) continue;
    const key = `${l.from}\u0000${l.to}`;
    if (pairs.has(key)) {
      issues.push(issue("error", "duplicate-link", ["links", i], `${q(l.from)} is already linked to ${q(l.to)}`));
      continue;
    }
    pairs.add(key);
    const bad = l.from === l.to ? issue("error", "cycle", ["links", i], `${q(l.from)} links to itself`) : adjacencyIssue(l.from, fk, l.to, tk, i, allowed);
    if (bad !== null) issues.push(bad);
  }
  return issues;
}

/** A link the adjacency does not allow: from the aim, skipping a level, within a level or downwards. */
function adjacencyIssue(from: string, fk: NodeKind, to: string, tk: NodeKind, i: number, allowed: { readonly [K in DriverNodeKind]: readonly NodeKind[] }): ValidationIssue | null {
  if (fk === "aim") return issue("error", "invalid-link", ["links", i], `the aim ${q(from)} cannot link to a parent (${KIND_NAME[tk]} ${q(to)})`);
  const ok = allowed[fk];
  if (ok.includes(tk)) return null;
  const skipped = RANK[tk] < RANK[fk] - 1;
  const verb = skipped ? (tk === "aim" ? "links straight to" : "skips a level to") : "links to";
  const may = ok.length === 0 ? "nothing" : ok.map((k) => KIND_NAME[k]).join(", ");
  return issue("error", skipped ? "skipped-level" : "invalid-link", ["links", i], `${KIND_NAME[fk]} ${q(from)} ${verb} ${KIND_NAME[tk]} ${q(to)}; a ${KIND_NAME[fk]} may link to: ${may}`);
}

/** Cycles: iterative depth-first search along parent links; each back edge closes a cycle. */
function cycles(g: Graph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const colour = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const stackPos = new Map<string, number>();
  for (const root of g.ids) {
    if (colour.has(root)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    colour.set(root, 1);
    stackPos.set(root, 0);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = g.up.get(top.id)!;
      if (top.next < edges.length) {
        const e = edges[top.next++]!;
        const c = colour.get(e.id);
        if (c === undefined) {
          colour.set(e.id, 1);
          stackPos.set(e.id, stack.length);
          stack.push({ id: e.id, next: 0 });
        } else if (c === 1) {
          const from = stackPos.get(e.id)!;
          const ring = stack.slice(from, Math.min(stack.length, from + MAX_CYCLE_IDS)).map((f) => f.id);
          const more = stack.length - from > MAX_CYCLE_IDS ? " → …" : "";
          issues.push(issue("error", "cycle", ["links", e.link], `cycle: ${[...ring.map(q), ...(more ? [] : [q(e.id)])].join(" → ")}${more}`));
        }
      } else {
        colour.set(top.id, 2);
        stackPos.delete(top.id);
        stack.pop();
      }
    }
  }
  return issues;
}

/** Every node reached by a breadth-first walk from `starts` along `edges`, the starts included only when `withStarts`. */
function reached(starts: readonly string[], edges: Graph["up"], withStarts: boolean): Set<string> {
  const seen = new Set<string>(withStarts ? starts : []);
  const queue = [...starts];
  for (let h = 0; h < queue.length; h++) {
    for (const e of edges.get(queue[h]!)!) {
      if (!seen.has(e.id)) {
        seen.add(e.id);
        queue.push(e.id);
      }
    }
  }
  return seen;
}

/** Reachability: down from the aim (orphans, unreachable nodes); up from the change ideas (drivers with none below). */
function reachability(diagram: DriverDiagram, g: Graph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const reachesAim = reached([diagram.aim.id], g.down, true);
  const aboveChange = reached(g.ids.filter((id) => g.kind.get(id) === "change"), g.up, false);
  for (const id of g.ids) {
    const i = g.index.get(id)!;
    if (i < 0) continue;
    const k = g.kind.get(id)!;
    if (g.up.get(id)!.length === 0) {
      issues.push(issue("error", "orphan", ["nodes", i], `${KIND_NAME[k]} ${q(id)} has no parent`));
    } else if (!reachesAim.has(id)) {
      issues.push(issue("error", "unreachable", ["nodes", i], `${KIND_NAME[k]} ${q(id)} has no path to the aim ${q(diagram.aim.id)}`));
    }
    if (k !== "change" && !aboveChange.has(id)) {
      issues.push(issue("warning", "no-change-ideas", ["nodes", i], `${KIND_NAME[k]} ${q(id)} has no change idea below it`));
    }
  }
  return issues;
}

function q(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

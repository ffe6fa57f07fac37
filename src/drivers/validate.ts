import { issue, result, type ValidationIssue, type ValidationResult } from "../_lib/issues.js";
import { objectOption } from "../_lib/options.js";
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
  objectOption(options, ["options"]);
  // A value that is not a driver diagram at all: its shape problems are the issues (paths from the root, as every other issue).
  const shape = diagramShapeIssues(diagram);
  if (shape.length > 0) return result(shape.map((i) => issue("error", i.code, i.path, i.message)));
  const issues: ValidationIssue[] = [];
  const g = buildGraph(diagram);
  const allowed = { ...DEFAULT_ALLOWED_LINKS, ...diagram.allowedLinks, ...options.allowedLinks };

  // Duplicate ids (the aim's id included).
  const firstAt = new Map<string, string>([[diagram.aim.id, "the aim"]]);
  for (let i = 0; i < diagram.nodes.length; i++) {
    const id = diagram.nodes[i]!.id;
    const prev = firstAt.get(id);
    if (prev !== undefined) issues.push(issue("error", "duplicate-id", ["nodes", i, "id"], `id ${q(id)} is already used by ${prev}`));
    else firstAt.set(id, `nodes[${i}]`);
  }

  // Links: unknown ends, duplicates, adjacency, self-links.
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
    if (l.from === l.to) {
      issues.push(issue("error", "cycle", ["links", i], `${q(l.from)} links to itself`));
      continue;
    }
    if (fk === "aim") {
      issues.push(issue("error", "invalid-link", ["links", i], `the aim ${q(l.from)} cannot link to a parent (${KIND_NAME[tk]} ${q(l.to)})`));
      continue;
    }
    const ok = allowed[fk];
    if (!ok.includes(tk)) {
      const skipped = RANK[tk] < RANK[fk] - 1;
      const verb = skipped ? (tk === "aim" ? "links straight to" : "skips a level to") : "links to";
      const may = ok.length === 0 ? "nothing" : ok.map((k) => KIND_NAME[k]).join(", ");
      issues.push(
        issue("error", skipped ? "skipped-level" : "invalid-link", ["links", i], `${KIND_NAME[fk]} ${q(l.from)} ${verb} ${KIND_NAME[tk]} ${q(l.to)}; a ${KIND_NAME[fk]} may link to: ${may}`),
      );
    }
  }

  // Cycles: iterative depth-first search along parent links; each back edge closes a cycle.
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

  // Reachability: down from the aim; up from the change ideas.
  const reachesAim = new Set<string>([diagram.aim.id]);
  const queue = [diagram.aim.id];
  for (let h = 0; h < queue.length; h++) {
    for (const e of g.down.get(queue[h]!)!) {
      if (!reachesAim.has(e.id)) {
        reachesAim.add(e.id);
        queue.push(e.id);
      }
    }
  }
  const aboveChange = new Set<string>();
  const q2: string[] = [];
  for (const id of g.ids) if (g.kind.get(id) === "change") q2.push(id);
  for (let h = 0; h < q2.length; h++) {
    for (const e of g.up.get(q2[h]!)!) {
      if (!aboveChange.has(e.id)) {
        aboveChange.add(e.id);
        q2.push(e.id);
      }
    }
  }
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

  if (options.smartAim ?? true) {
    for (const e of checkAim(diagram.aim).elements) {
      if (!e.ok) issues.push(issue("warning", "aim-not-smart", ["aim", e.element], `aim: ${e.feedback}`));
    }
  }
  return result(issues);
}

function q(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

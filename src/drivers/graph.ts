import type { DriverDiagram, NodeKind } from "./types.js";

/** @internal Index of a diagram: Maps keyed by id (safe for ids like "__proto__"). */
export interface Graph {
  /** Kind of each known id (first occurrence wins; the aim first). */
  kind: Map<string, NodeKind>;
  /** Label of each known id. */
  label: Map<string, string>;
  /** Index in `nodes` of each id's first occurrence; -1 for the aim. */
  index: Map<string, number>;
  /** Ids in document order: aim first, then nodes (first occurrences). */
  ids: string[];
  /** Parent ids of each id (links with both ends known; self-links and links from the aim left out), with the link index. */
  up: Map<string, Array<{ id: string; link: number }>>;
  /** Child ids of each id. */
  down: Map<string, Array<{ id: string; link: number }>>;
}

/** @internal Build the index in one pass over nodes and links. */
export function buildGraph(d: DriverDiagram): Graph {
  const kind = new Map<string, NodeKind>();
  const label = new Map<string, string>();
  const index = new Map<string, number>();
  const ids: string[] = [];
  const up = new Map<string, Array<{ id: string; link: number }>>();
  const down = new Map<string, Array<{ id: string; link: number }>>();
  const add = (id: string, k: NodeKind, l: string, i: number): void => {
    if (kind.has(id)) return;
    kind.set(id, k);
    label.set(id, l);
    index.set(id, i);
    ids.push(id);
    up.set(id, []);
    down.set(id, []);
  };
  add(d.aim.id, "aim", d.aim.statement, -1);
  for (let i = 0; i < d.nodes.length; i++) {
    const n = d.nodes[i]!;
    add(n.id, n.kind, n.label, i);
  }
  for (let i = 0; i < d.links.length; i++) {
    const l = d.links[i]!;
    // Self-links and links from the aim (the aim has no parent) are reported by validation, not followed.
    if (l.from === l.to || l.from === d.aim.id || !kind.has(l.from) || !kind.has(l.to)) continue;
    up.get(l.from)!.push({ id: l.to, link: i });
    down.get(l.to)!.push({ id: l.from, link: i });
  }
  return { kind, label, index, ids, up, down };
}

/** @internal Breadth-first walk from `start` along `edges`; returns the ids reached (start excluded), nearest first. */
export function walk(start: string, edges: Map<string, Array<{ id: string }>>): string[] {
  const seen = new Set<string>([start]);
  const out: string[] = [];
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const e of edges.get(queue[head]!) ?? []) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push(e.id);
      queue.push(e.id);
    }
  }
  return out;
}

/** @internal Human names of node kinds. */
export const KIND_NAME: Record<NodeKind, string> = {
  aim: "aim",
  primary: "primary driver",
  secondary: "secondary driver",
  change: "change idea",
};

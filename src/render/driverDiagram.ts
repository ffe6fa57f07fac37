import { buildGraph } from "../drivers/graph.js";
import { assertDiagram } from "../drivers/guards.js";
import type { DriverDiagram, NodeKind } from "../drivers/types.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { escapeXml, textOf } from "./escape.js";
import { hash, safeId } from "./id.js";
import { px } from "./number.js";
import { checkTextOptions, sizeOption } from "./options.js";
import { wrapText, wrapToWidth } from "./text.js";
import { charsIn, STATUS_COLOURS, textWidth, THEME, TITLE_EDGE } from "./theme.js";
import type { RenderDriverDiagramOptions } from "./types.js";

const COLUMNS: ReadonlyArray<{ kind: NodeKind; heading: string }> = [
  { kind: "aim", heading: "Aim" },
  { kind: "primary", heading: "Primary drivers" },
  { kind: "secondary", heading: "Secondary drivers" },
  { kind: "change", heading: "Change ideas" },
];
const FONT = 12;
const LINE = 15;
const PAD = 8;
const GAP = 10;
const COL_GAP = 40;
const BADGE = 18;
/** Bold text (aim, primary drivers) is wider than CHAR_EM: about 0.66 em per character. */
const BOLD_EM = 0.66;

const BOX: Record<NodeKind, { fill: string; stroke: string }> = {
  aim: { fill: "#e3eff8", stroke: "#0072B2" },
  primary: { fill: "#f4f4f4", stroke: "#595959" },
  secondary: { fill: "#f9f9f9", stroke: "#8c8c8c" },
  change: { fill: "#ffffff", stroke: "#8c8c8c" },
};

interface Box {
  id: string;
  kind: NodeKind;
  lines: string[];
  status: string | null;
  height: number;
  x: number;
  y: number;
  order: number;
}

/**
 * Draw a driver diagram as an SVG string: four columns (aim → primary drivers → secondary
 * drivers → change ideas), a link from each node to each of its parents (a DAG: a node may have
 * several; strong links solid, weak links dashed), long labels wrapped by character count, and
 * each change idea's status as a labelled badge when `status` is given (e.g. from
 * `rollUp(project).changeIdeas`). Nodes are ordered in each column by the mean position of their
 * parents (then document order), which keeps most links short and uncrossed. Links to unknown
 * ids are left out (validation reports them).
 *
 * @example
 * const diagram = { aim: { id: "aim", statement: "…" },
 *   nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S" }, { id: "c1", kind: "change", label: "C" }],
 *   links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "c1", to: "s1" }] };
 * // status as from rollUp: Object.fromEntries(rollUp(project).changeIdeas.map((c) => [c.id, c.status]))
 * renderDriverDiagram(diagram, { status: { c1: "adopted" } }).includes('class="badge adopted"') //=> true
 */
export function renderDriverDiagram(diagram: DriverDiagram, options: RenderDriverDiagramOptions = {}): string {
  assertDiagram(diagram);
  checkKeys(checkTextOptions(options, ["title", "id"]), ["title", "width", "status", "id"], ["options"], "renderDriverDiagram option");
  if (options.status !== undefined) objectOption(options.status, ["options", "status"]);
  const W = sizeOption(options.width, "width", 960, 480);
  const title = options.title ?? diagram.title ?? "Driver diagram";
  const g = buildGraph(diagram);
  const colW = (W - 24 - COL_GAP * (COLUMNS.length - 1)) / COLUMNS.length;
  const id = safeId(options.id ?? `qi-${hash(`driver|${title}|${g.ids.join(",")}|${diagram.links.map((l) => `${l.from}>${l.to}`).join(",")}`)}`);
  const { boxes, columns } = layoutBoxes(g, options.status ?? {}, colW);
  const { header, top } = drawHeader(title, W, colW);
  const bodyHeight = Math.max(40, ...columns.map(colHeight));
  placeColumns(g, boxes, columns, top, bodyHeight);
  const hasWeak = diagram.links.some((l) => l.strength === "weak" && boxes.has(l.from) && boxes.has(l.to) && l.from !== l.to && l.from !== diagram.aim.id);
  const H = top + bodyHeight + 16 + (hasWeak ? 24 : 0);
  const { links, descLinks } = drawLinks(diagram, g, boxes, colW);
  const nodes = columns.flatMap((col) => col.map((b) => drawBox(b, g.label.get(b.id)!, colW)));
  const desc = describeDiagram(diagram, g, columns, descLinks, hasWeak);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="qi-driver-diagram" id="${id}" width="${px(W)}" height="${px(H)}" viewBox="0 0 ${px(W)} ${px(H)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(THEME.font)}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc.join("\n"))}</desc>`,
    `<rect class="background" width="${px(W)}" height="${px(H)}" fill="${THEME.background}"/>`,
    `<g class="header">${header.join("")}</g>`,
    `<g class="links">${links.join("")}</g>`,
    `<g class="nodes">${nodes.join("")}</g>`,
    hasWeak ? linkLegend(top + bodyHeight + 22) : "",
    "</svg>",
  ].join("");
}

type Graph = ReturnType<typeof buildGraph>;

/** Boxes per column (document order for now), labels wrapped to the column, change ideas with their status. */
function layoutBoxes(g: Graph, status: Record<string, unknown>, colW: number): { boxes: Map<string, Box>; columns: Box[][] } {
  const chars = Math.max(8, charsIn(colW - 2 * PAD, FONT));
  // Bold labels (aim, primary drivers) are wider: about 0.66 em per character.
  const boldChars = Math.max(8, Math.floor((colW - 2 * PAD) / (FONT * BOLD_EM)));
  const boxes = new Map<string, Box>();
  const columns: Box[][] = COLUMNS.map(() => []);
  g.ids.forEach((nodeId, order) => {
    const kind = g.kind.get(nodeId)!;
    const col = COLUMNS.findIndex((c) => c.kind === kind);
    const lines = wrapText(g.label.get(nodeId)!, kind === "aim" || kind === "primary" ? boldChars : chars);
    const st = kind === "change" && Object.prototype.hasOwnProperty.call(status, nodeId) ? textOf(status[nodeId], ["options", "status", nodeId]) : null;
    const box: Box = { id: nodeId, kind, lines, status: st, height: 2 * PAD + lines.length * LINE + (st !== null ? BADGE + 4 : 0) - 3, x: 12 + col * (colW + COL_GAP), y: 0, order };
    boxes.set(nodeId, box);
    columns[col]!.push(box);
  });
  return { boxes, columns };
}

/** The title lines and column headings; `top` is where the columns start. */
function drawHeader(title: string, W: number, colW: number): { header: string[]; top: number } {
  let top = 8;
  const header: string[] = [];
  for (const line of wrapToWidth(title, W - 12 - TITLE_EDGE, 16, true)) {
    top += 20;
    header.push(`<text class="title" x="12" y="${px(top)}" font-size="16" font-weight="600" fill="${THEME.text}">${escapeXml(line)}</text>`);
  }
  top += 22;
  COLUMNS.forEach((c, k) => header.push(`<text class="column-heading" x="${px(12 + k * (colW + COL_GAP))}" y="${px(top)}" font-size="12" font-weight="600" fill="${THEME.muted}">${c.heading}</text>`));
  return { header, top: top + 10 };
}

function colHeight(col: readonly Box[]): number {
  return col.reduce((h, b) => h + b.height, 0) + GAP * Math.max(0, col.length - 1);
}

/** Order each column by the mean y of its parents (barycentre heuristic, Sugiyama et al. 1981), then stack it centred. */
function placeColumns(g: Graph, boxes: ReadonlyMap<string, Box>, columns: Box[][], top: number, bodyHeight: number): void {
  columns.forEach((col, k) => {
    if (k > 0) {
      const bary = new Map<Box, number>();
      for (const b of col) {
        const ys = g.up.get(b.id)!.map((e) => boxes.get(e.id)).filter((p): p is Box => p !== undefined && p.y > 0).map((p) => p.y + p.height / 2);
        bary.set(b, ys.length > 0 ? ys.reduce((a, v) => a + v, 0) / ys.length : Number.POSITIVE_INFINITY);
      }
      col.sort((a, b) => bary.get(a)! - bary.get(b)! || a.order - b.order);
    }
    let y = top + (bodyHeight - colHeight(col)) / 2;
    for (const b of col) {
      b.y = y;
      y += b.height + GAP;
    }
  });
}

/** Links (drawn under the boxes), and for the text alternative each node's parents. */
function drawLinks(diagram: DriverDiagram, g: Graph, boxes: ReadonlyMap<string, Box>, colW: number): { links: string[]; descLinks: Map<string, string[]> } {
  const links: string[] = [];
  const descLinks = new Map<string, string[]>();
  diagram.links.forEach((l) => {
    const from = boxes.get(l.from);
    const to = boxes.get(l.to);
    if (from === undefined || to === undefined || l.from === l.to || l.from === diagram.aim.id) return;
    const weak = l.strength === "weak";
    const x1 = from.x;
    const y1 = from.y + from.height / 2;
    const x2 = to.x + colW;
    const y2 = to.y + to.height / 2;
    const mx = (x1 + x2) / 2;
    links.push(`<path class="link ${weak ? "weak" : "strong"}" d="M${px(x1)},${px(y1)}C${px(mx)},${px(y1)} ${px(mx)},${px(y2)} ${px(x2)},${px(y2)}" fill="none"${linkStroke(weak)}/>`);
    const list = descLinks.get(l.from) ?? [];
    list.push(`${g.label.get(l.to)}${weak ? " (weak link)" : ""}`);
    descLinks.set(l.from, list);
  });
  return { links, descLinks };
}

/** A strong link solid and darker, a weak one dashed and lighter. */
function linkStroke(weak: boolean): string {
  return ` stroke="${weak ? THEME.line : THEME.muted}" stroke-width="${weak ? 1.25 : 1.75}"${weak ? ' stroke-dasharray="5 4"' : ""}`;
}

/** One node: its box, wrapped label and (for a change idea with a status) a badge. */
function drawBox(b: Box, label: string, colW: number): string {
  const c = BOX[b.kind];
  const text = b.lines.map((line, i) => `<tspan x="${px(b.x + PAD)}" y="${px(b.y + PAD + 11 + i * LINE)}">${escapeXml(line)}</tspan>`).join("");
  let badge = "";
  if (b.status !== null) {
    const sc = (Object.prototype.hasOwnProperty.call(STATUS_COLOURS, b.status) ? STATUS_COLOURS[b.status] : undefined) ?? STATUS_COLOURS.untested!;
    const bw = textWidth(b.status, 10.5) + 14;
    const by = b.y + b.height - PAD - BADGE + 3;
    badge = `<g class="badge ${escapeXml(b.status)}"><rect x="${px(b.x + PAD)}" y="${px(by)}" width="${px(bw)}" height="${BADGE - 2}" rx="8" fill="${sc.fill}" stroke="${sc.stroke}"/><text x="${px(b.x + PAD + bw / 2)}" y="${px(by + 11.5)}" font-size="10.5" text-anchor="middle" fill="${THEME.text}">${escapeXml(b.status)}</text></g>`;
  }
  return `<g class="node ${b.kind}"><title>${escapeXml(label)}</title><rect x="${px(b.x)}" y="${px(b.y)}" width="${px(colW)}" height="${px(b.height)}" rx="6" fill="${c.fill}" stroke="${c.stroke}" stroke-width="${b.kind === "aim" ? 2 : 1.25}"/><text font-size="${FONT}" fill="${THEME.text}"${b.kind === "aim" || b.kind === "primary" ? ' font-weight="600"' : ""}>${text}</text>${badge}</g>`;
}

/** Text alternative: every node with its parents and status. */
function describeDiagram(diagram: DriverDiagram, g: Graph, columns: readonly Box[][], descLinks: ReadonlyMap<string, string[]>, hasWeak: boolean): string[] {
  const desc: string[] = [`Aim: ${diagram.aim.statement}`];
  if (hasWeak) desc.push("Solid links: the node drives its parent; dashed links: a weaker, contributing link.");
  for (const [k, c] of COLUMNS.entries()) {
    if (k === 0 || columns[k]!.length === 0) continue;
    desc.push(`${c.heading}: ${columns[k]!.map((b) => `${g.label.get(b.id)}${descLinks.has(b.id) ? ` (acts on ${descLinks.get(b.id)!.join("; ")})` : ""}${b.status !== null ? ` [${b.status}]` : ""}`).join(". ")}.`);
  }
  return desc;
}

/** The key to the two kinds of link, drawn when a diagram has weak (dashed) links. */
function linkLegend(y: number): string {
  const sample = (x: number, weak: boolean) => `<path d="M${px(x)},${px(y)}H${px(x + 28)}" fill="none"${linkStroke(weak)}/>`;
  const label = (x: number, text: string) => `<text x="${px(x + 34)}" y="${px(y + 4)}" font-size="11" fill="${THEME.muted}">${text}</text>`;
  return `<g class="legend">${sample(12, false)}${label(12, "drives (strong link)")}${sample(190, true)}${label(190, "contributes to (weak link)")}</g>`;
}

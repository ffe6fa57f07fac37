import { QiError, describeValue } from "../_lib/error.js";
import { booleanOption, checkKeys, objectOption } from "../_lib/options.js";
import { assertDiagram } from "./guards.js";
import type { DriverDiagram, NodeKind } from "./types.js";

/** The {@link driverDiagramToMermaid} options. */
export interface DriverDiagramToMermaidOptions {
  /** Add `classDef` styles per node kind. Default true. */
  classes?: boolean;
}

/**
 * Mermaid `flowchart LR` text for a driver diagram: the aim on the left, change ideas on the right;
 * strong links solid (`---`), weak links dotted (`-.-`). Ids are rewritten to safe Mermaid ids
 * (`n_` + letters, digits and `_`, de-duplicated); labels are quoted with `"`, `#`, `%`, `<`, `>`,
 * `&` and backticks written as Mermaid entity codes, line breaks as spaces. `%` matters: Mermaid
 * reads `%%{…}%%` as a directive (theme, CSS, URLs) and `%%` as a comment wherever it appears in the
 * text, even inside a quoted label, so no `%` reaches the output from a label. Links to unknown ids are
 * left out (validate first).
 *
 * @example
 * driverDiagramToMermaid({ aim: { id: "aim", statement: "Aim" }, nodes: [{ id: "p-1", kind: "primary", label: "A \"quoted\" driver" }], links: [{ from: "p-1", to: "aim", strength: "weak" }] }, { classes: false })
 * //=> 'flowchart LR\n  n_aim(["Aim"])\n  n_p_1["A #quot;quoted#quot; driver"]\n  n_aim -.- n_p_1'
 */
export function driverDiagramToMermaid(diagram: DriverDiagram, options: DriverDiagramToMermaidOptions = {}): string {
  assertDiagram(diagram);
  checkKeys(objectOption(options, ["options"]), ["classes"], ["options"], "driverDiagramToMermaid option");
  if (options.classes !== undefined) booleanOption(options.classes, ["options", "classes"]);
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const kinds = new Map<string, NodeKind>();
  const lines = ["flowchart LR"];
  const declare = (id: string, kind: NodeKind, label: string): void => {
    if (ids.has(id)) return;
    const base = `n_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let safe = base;
    for (let k = 2; used.has(safe); k++) safe = `${base}_${k}`;
    used.add(safe);
    ids.set(id, safe);
    kinds.set(id, kind);
    const text = `"${escapeMermaid(label)}"`;
    const shape = kind === "aim" ? `([${text}])` : kind === "change" ? `(${text})` : `[${text}]`;
    lines.push(`  ${safe}${shape}`);
  };
  declare(diagram.aim.id, "aim", diagram.aim.statement);
  for (const n of diagram.nodes) declare(n.id, n.kind, n.label);
  for (const l of diagram.links) {
    const child = ids.get(l.from);
    const parent = ids.get(l.to);
    if (child === undefined || parent === undefined) continue;
    lines.push(`  ${parent} ${l.strength === "weak" ? "-.-" : "---"} ${child}`);
  }
  if (options.classes ?? true) {
    const groups: Record<NodeKind, string[]> = { aim: [], primary: [], secondary: [], change: [] };
    for (const [id, kind] of kinds) groups[kind].push(ids.get(id)!);
    lines.push(
      "  classDef aim fill:#1b4965,color:#ffffff,stroke:#1b4965",
      "  classDef primary fill:#cae9ff,stroke:#1b4965",
      "  classDef secondary fill:#eef7ff,stroke:#5fa8d3",
      "  classDef change fill:#fff4d6,stroke:#b08900",
    );
    for (const kind of ["aim", "primary", "secondary", "change"] as const) {
      if (groups[kind].length > 0) lines.push(`  class ${groups[kind].join(",")} ${kind}`);
    }
  }
  return lines.join("\n");
}

/**
 * Escape text for a quoted Mermaid label (entity codes; `#` first so codes are not re-escaped).
 * `%` becomes `#37;`, so neither a `%%` comment nor a `%%{init: …}%%` directive can survive in a
 * label; line breaks (including U+2028/U+2029/U+0085) become spaces.
 *
 * @example
 * escapeMermaid("%%{init: {}}%% <b>")
 * //=> '#37;#37;{init: {}}#37;#37; #lt;b#gt;'
 */
export function escapeMermaid(text: string): string {
  if (typeof text !== "string") throw new QiError("invalid-value", ["text"], `text must be a string, not ${describeValue(text)}`);
  return text
    .replace(/#/g, "#35;")
    .replace(/%/g, "#37;")
    .replace(/"/g, "#quot;")
    .replace(/&/g, "#amp;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/[\r\n\u0085\u2028\u2029]+/g, " ");
}

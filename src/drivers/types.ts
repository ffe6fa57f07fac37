/**
 * Driver diagrams (IHI "Driver Diagram" tool; Langley et al., The Improvement Guide, 2009; Bennett &
 * Provost, "What's your theory? Driver diagram serves as tool for building and testing theories
 * for improvement", Quality Progress 2015): an aim, the primary drivers that contribute to it,
 * secondary drivers that act on the primary drivers, and change ideas to test. It is a DAG, not a
 * tree: a node may link to several parents.
 */

/** The kind of a node below the aim. */
export type DriverNodeKind = "primary" | "secondary" | "change";

/** Any node kind, the aim included. */
export type NodeKind = "aim" | DriverNodeKind;

/**
 * The aim: what will improve, by how much, by when, for whom (IHI: "How good? By when? For
 * whom?"). `statement` is the aim as written; the four parts are checked by {@link checkAim}.
 */
export interface Aim {
  id: string;
  statement: string;
  what?: string;
  /** How much: must contain a number ("from 40% to 80%"). */
  howMuch?: string;
  /** By when: an ISO date (YYYY-MM-DD). */
  byWhen?: string;
  forWhom?: string;
}

/** A primary driver, secondary driver or change idea. */
export interface DriverNode {
  id: string;
  kind: DriverNodeKind;
  label: string;
  description?: string;
}

/** Strength of a link: IHI diagrams may mark how strongly a driver is believed to act. */
export type LinkStrength = "strong" | "weak";

/**
 * A link from a node to one of its parents (towards the aim): change idea → secondary driver →
 * primary driver → aim. Without `strength` a link is drawn as strong.
 */
export interface DriverLink {
  from: string;
  to: string;
  strength?: LinkStrength;
}

/**
 * Which parent kinds each node kind may link to. Missing kinds take the default,
 * {@link DEFAULT_ALLOWED_LINKS}: primary → aim, secondary → primary, change → secondary.
 */
export type AllowedLinks = { readonly [K in DriverNodeKind]?: readonly NodeKind[] };

/** A driver diagram document. */
export interface DriverDiagram {
  title?: string;
  aim: Aim;
  nodes: readonly DriverNode[];
  links: readonly DriverLink[];
  /** Override the allowed parent kinds (e.g. let change ideas link straight to primary drivers). */
  allowedLinks?: AllowedLinks;
}

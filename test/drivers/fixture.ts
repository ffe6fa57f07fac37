import type { DriverDiagram } from "../../src/drivers/index.js";

/** aim ← p1, p2; p1 ← s1, s2; p2 ← s2 (weak); s1 ← c1; s2 ← c1, c2. */
export const diagram: DriverDiagram = {
  aim: { id: "aim", statement: "Aim", what: "permanence recommendation within 26 weeks", howMuch: "from 40% to 80%", byWhen: "2026-03-31", forWhom: "children accommodated" },
  nodes: [
    { id: "p1", kind: "primary", label: "Early planning" },
    { id: "p2", kind: "primary", label: "Family options" },
    { id: "s1", kind: "secondary", label: "Meeting soon after accommodation" },
    { id: "s2", kind: "secondary", label: "Parallel planning" },
    { id: "c1", kind: "change", label: "Two-week meeting" },
    { id: "c2", kind: "change", label: "Early kinship assessment" },
  ],
  links: [
    { from: "p1", to: "aim" },
    { from: "p2", to: "aim" },
    { from: "s1", to: "p1" },
    { from: "s2", to: "p1" },
    { from: "s2", to: "p2", strength: "weak" },
    { from: "c1", to: "s1" },
    { from: "c1", to: "s2" },
    { from: "c2", to: "s2" },
  ],
};

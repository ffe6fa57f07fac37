export type { AllowedLinks, Aim, DriverDiagram, DriverLink, DriverNode, DriverNodeKind, LinkStrength, NodeKind } from "./types.js";
export { checkAim, type AimCheck, type AimElement, type AimElementCheck } from "./aim.js";
export { DEFAULT_ALLOWED_LINKS, validateDriverDiagram, type ValidateDriverDiagramOptions } from "./validate.js";
export { addNode, ancestors, descendants, pathsToAim, relink, removeNode, type ParentRef, type PathsToAimOptions } from "./ops.js";
export { driverDiagramToMermaid, driverDiagramToMermaid as toMermaid, escapeMermaid, type DriverDiagramToMermaidOptions } from "./mermaid.js";
export {
  AimSchema,
  DriverDiagramSchema,
  driverDiagramJsonSchema,
  parseDriverDiagram,
  safeParseDriverDiagram,
  type ParseDriverDiagramOptions,
} from "./schema.js";

export { funnelPlot } from "./funnelPlot.js";
export { funnelLimits } from "./funnelLimits.js";
export type * from "./types.js";
export { summariseFunnelPlot } from "./summary.js";

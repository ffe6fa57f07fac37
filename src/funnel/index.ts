export { funnelPlot } from "./funnelPlot.js";
export { funnelLimits } from "./funnelLimits.js";
export type * from "./types.js";
export { summariseFunnelPlot } from "./summary.js";
export { findTotalRows, type TotalRowCounts, type TotalRows } from "./totals.js";

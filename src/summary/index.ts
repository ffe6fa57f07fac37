export { summariseMeasures } from "./summariseMeasures.js";
export { summaryToCsv } from "./csv.js";
export type * from "./types.js";

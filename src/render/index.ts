export { escapeXml } from "./escape.js";
export { wrapText } from "./text.js";
export { renderRunChart } from "./runChart.js";
export { renderControlChart } from "./controlChart.js";
export type { ChartAnnotation, RenderChartOptions, RenderDriverDiagramOptions, RenderReportOptions } from "./types.js";
export { renderDriverDiagram } from "./driverDiagram.js";
export { renderReport } from "./report.js";
export { renderCumulativeIncidence, summariseCumulativeIncidence, type RenderCumulativeIncidenceOptions } from "./cumulativeIncidence.js";

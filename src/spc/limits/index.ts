import type { ControlChartType } from "../types.js";
import { fitC } from "./c.js";
import type { Fit } from "./fit.js";
import { fitG } from "./g.js";
import { fitI } from "./i.js";
import { fitMR } from "./mr.js";
import { fitP } from "./p.js";
import { fitPP } from "./pp.js";
import { fitS } from "./s.js";
import { fitT } from "./t.js";
import { fitU } from "./u.js";
import { fitUP } from "./up.js";
import { fitXbar } from "./xbar.js";

/** The limits of each chart type. */
export const FITS: Record<ControlChartType, Fit> = { i: fitI, mr: fitMR, xbar: fitXbar, s: fitS, p: fitP, pp: fitPP, u: fitU, up: fitUP, c: fitC, g: fitG, t: fitT };

import type { ControlChartType } from "../types.js";
import { fitC } from "./c.js";
import type { Fit } from "./fit.js";
import { fitG } from "./g.js";
import { fitMR } from "./mr.js";
import { fitP } from "./p.js";
import { fitPP } from "./pp.js";
import { fitS } from "./s.js";
import { fitT } from "./t.js";
import { fitU } from "./u.js";
import { fitUP } from "./up.js";
import { fitIMedian, fitIMedianMR } from "./iMedian.js";
import { fitIP } from "./ip.js";
import { fitNP } from "./np.js";
import { fitR } from "./r.js";
import { fitSequential } from "./sequential.js";
import { fitISigma, fitXbarSigma } from "./sigmaSources.js";

/** The limits of each chart type. */
export const FITS: Record<ControlChartType, Fit> = {
  i: fitISigma, mr: fitMR, xbar: fitXbarSigma, s: fitS, p: fitP, pp: fitPP, u: fitU, up: fitUP, c: fitC, g: fitG, t: fitT,
  r: fitR, np: fitNP, ip: fitIP, "i-median": fitIMedian, "i-median-mr": fitIMedianMR, cusum: fitSequential, ewma: fitSequential,
};

export type { PdsaAct, PdsaCycle, PdsaDecision, PdsaDo, PdsaPlan, PdsaQuestion, PdsaResult, PdsaScale, PdsaStage, PdsaStudy } from "./types.js";
export { cycleStage } from "./stage.js";
export { ramp, ramps, type ChangeIdeaStatus, type Ramp, type RampScale } from "./ramp.js";
export {
  fidelity,
  // The name issue #5 and the docs use; the same function.
  fidelity as scoreFidelity,
  type CycleFidelity,
  type FidelityCriterion,
  type FidelityCriterionId,
  type FidelityOptions,
  type FidelityScore,
  type RampFidelity,
} from "./fidelity.js";
export { checkPdsaCycle } from "./check.js";
export { IsoDateSchema, PdsaCycleSchema, parsePdsaCycle, pdsaCycleJsonSchema, safeParsePdsaCycle } from "./schema.js";

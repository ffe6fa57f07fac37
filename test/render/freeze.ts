export { deepFreeze } from "../_shared/freeze.js";

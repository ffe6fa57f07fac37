import { QiError } from "../../src/_lib/error.js";

/** The QiError `f` throws; any other outcome (no error, another kind of error) fails the test. */
export function fails(f: () => unknown): QiError {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("expected a QiError");
}

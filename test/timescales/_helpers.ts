export { deepFreeze } from "../_shared/freeze.js";

/** Expect fn to throw a QiError; return it. */
export function catchError(fn: () => unknown): { code: string; path: ReadonlyArray<string | number>; message: string; issues: ReadonlyArray<{ code: string; path: ReadonlyArray<string | number>; message: string }> } {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  throw new Error("expected an error");
}

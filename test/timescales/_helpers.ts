/** Deep-freeze test input to prove the library never mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Expect fn to throw a QiError; return it. */
export function catchError(fn: () => unknown): { code: string; path: ReadonlyArray<string | number>; message: string; issues: ReadonlyArray<{ code: string; path: ReadonlyArray<string | number>; message: string }> } {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  throw new Error("expected an error");
}

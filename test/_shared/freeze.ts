/**
 * Deep-freeze test input to prove the library never mutates it, and return it. Iterative (test
 * documents may be 100,000 levels deep); own keys including symbols; data properties only, so a
 * getter on the input is never called by the freezing itself. Typed arrays with elements cannot
 * be frozen (Object.freeze throws), so they are left as they are.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || (typeof v !== "object" && typeof v !== "function") || Object.isFrozen(v) || ArrayBuffer.isView(v)) continue;
    Object.freeze(v);
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d !== undefined && "value" in d) stack.push(d.value);
    }
  }
  return value;
}

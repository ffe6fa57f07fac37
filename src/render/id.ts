/** @internal FNV-1a 32-bit hash of a string, as 8 hex digits (Fowler, Noll & Vo). */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** @internal An id prefix safe in attributes and `url(#…)` references. */
export function safeId(id: string): string {
  const s = String(id).replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z]/.test(s) ? s : `qi-${s}`;
}

/**
 * Scratch memory for one analysis: typed arrays carved out of a single ArrayBuffer.
 *
 * Every `new Float64Array(n)` allocates a backing store outside the JavaScript heap, and V8
 * answers growth in that external memory with full garbage collections. A dashboard that analyses
 * 10,000 short series would pay for tens of thousands of them. An arena allocates one buffer per
 * analysis — and for small analyses reuses one kept from the previous call — so the typed arrays
 * an analysis needs cost a view each.
 *
 * Arrays from an arena are scratch: they must never appear in a result. The spare buffer is
 * handed to one arena at a time, so a nested analysis (an accessor that itself calls runChart)
 * gets a buffer of its own; buffers above `SPARE_LIMIT` bytes are kept only through a WeakRef.
 */
export interface Arena {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
  u16(n: number): Uint16Array;
  u8(n: number): Uint8Array;
  /** Return the buffer for reuse. The arena's arrays must not be used afterwards. */
  release(): void;
}

const SPARE_LIMIT = 1 << 20;
let spare: ArrayBuffer | null = null;
// A large buffer (a long series) is kept only weakly: the next long analysis reuses it if the
// garbage collector has not reclaimed it yet, so a dashboard re-analysing a million points does
// not allocate (and V8 does not count against its external-memory budget) tens of megabytes per
// call, and an idle page holds nothing.
let largeSpare: WeakRef<ArrayBuffer> | null = null;

/** An arena with room for `bytes` (more is allocated on demand as separate arrays). */
export function createArena(bytes: number): Arena {
  const size = Math.max(64, Math.ceil(bytes / 8) * 8);
  let buffer: ArrayBuffer;
  let reused = false;
  const large = size > SPARE_LIMIT ? largeSpare?.deref() : undefined;
  if (spare !== null && spare.byteLength >= size) {
    buffer = spare;
    spare = null;
    reused = true;
  } else if (large !== undefined && large.byteLength >= size) {
    buffer = large;
    largeSpare = null;
    reused = true;
  } else {
    buffer = new ArrayBuffer(size);
  }
  let offset = 0;
  const carve = <T>(n: number, width: number, make: (b: ArrayBuffer, o: number, n: number) => T, fresh: (n: number) => T): T => {
    const start = Math.ceil(offset / 8) * 8;
    if (start + n * width > buffer.byteLength) return fresh(n);
    offset = start + n * width;
    const view = make(buffer, start, n);
    if (reused) (view as unknown as { fill(v: number): void }).fill(0);
    return view;
  };
  return {
    f64: (n) => carve(n, 8, (b, o, k) => new Float64Array(b, o, k), (k) => new Float64Array(k)),
    i32: (n) => carve(n, 4, (b, o, k) => new Int32Array(b, o, k), (k) => new Int32Array(k)),
    u16: (n) => carve(n, 2, (b, o, k) => new Uint16Array(b, o, k), (k) => new Uint16Array(k)),
    u8: (n) => carve(n, 1, (b, o, k) => new Uint8Array(b, o, k), (k) => new Uint8Array(k)),
    release: () => {
      if (buffer.byteLength <= SPARE_LIMIT) {
        if (spare === null || spare.byteLength < buffer.byteLength) spare = buffer;
      } else if ((largeSpare?.deref()?.byteLength ?? 0) < buffer.byteLength) largeSpare = new WeakRef(buffer);
    },
  };
}

/** Plain allocation with the arena's interface, for callers that do not pass one. */
export const HEAP: Arena = {
  f64: (n) => new Float64Array(n),
  i32: (n) => new Int32Array(n),
  u16: (n) => new Uint16Array(n),
  u8: (n) => new Uint8Array(n),
  release: () => {},
};

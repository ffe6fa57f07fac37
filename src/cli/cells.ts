import { decimal, isBlank } from "./convert.js";

// The cells of a numeric column (x, y, n of `analyse`) kept as numbers while the file streams in,
// never as text: 8 bytes a row, where the text of a cell and its slot cost about 60 (issue #18).
// Cells that are not numbers (dates, words, typos) are kept once per distinct value, with a
// 4-byte code a row once the first one appears.

const SHIFT = 16;

/** Chunk k holds 65,536 × 2^k numbers and starts at 65,536 × (2^k − 1): the chunk of entry i. */
function chunkOf(i: number): number {
  return 31 - Math.clz32((i >>> SHIFT) + 1);
}

/**
 * A growable column of numbers in chunks that double: 65,536 entries, then 131,072, … (no copy
 * when it grows; the last chunk's untouched pages cost no memory). Large chunks are mapped
 * pages of their own that go back to the system when freed, where thousands of small ones left
 * the memory allocator's heap fragmented (about 14 bytes a row of 10⁷ kept after `array()`).
 * Once the file is read, a column of floats becomes one Float64Array (`array`), which the
 * library reads in place (issue #18).
 */
export class NumberChunks {
  length = 0;
  private chunks: (Float64Array | Int32Array)[] = [];
  /** The numbers in one array after `array()` (then `chunks` is empty); else null. */
  private flat: Float64Array | null = null;
  constructor(private readonly int: boolean) {}

  push(v: number): void {
    const i = this.length;
    const k = chunkOf(i);
    if (k === this.chunks.length) this.chunks.push(this.int ? new Int32Array(1 << (SHIFT + k)) : new Float64Array(1 << (SHIFT + k)));
    this.chunks[k]![i - (((1 << k) - 1) << SHIFT)] = v;
    this.length++;
  }

  get(i: number): number {
    if (this.flat !== null) return this.flat[i]!;
    const k = chunkOf(i);
    return this.chunks[k]![i - (((1 << k) - 1) << SHIFT)]!;
  }

  set(i: number, v: number): void {
    if (this.flat !== null) this.flat[i] = v;
    else {
      const k = chunkOf(i);
      this.chunks[k]![i - (((1 << k) - 1) << SHIFT)] = v;
    }
  }

  /**
   * The numbers as one Float64Array (floats only), made once: for a moment the chunks and the
   * array both (16 bytes a row), below what the analysis that follows needs (issue #18).
   */
  array(): Float64Array {
    if (this.flat === null) {
      const flat = new Float64Array(this.length);
      for (let k = 0; k < this.chunks.length; k++) {
        const from = ((1 << k) - 1) << SHIFT;
        flat.set(this.chunks[k]!.subarray(0, Math.min(1 << (SHIFT + k), this.length - from)), from);
      }
      this.chunks = [];
      this.flat = flat;
    }
    return this.flat;
  }

  /** Keep only `rows` (ascending indices), in place: what `--filter` left. */
  keep(rows: ArrayLike<number>): void {
    for (let k = 0; k < rows.length; k++) this.set(k, this.get(rows[k]!));
    this.truncate(rows.length);
  }

  /** Keep the first n. */
  truncate(n: number): void {
    this.length = n;
    if (this.flat !== null) this.flat = this.flat.subarray(0, n);
    else this.chunks.length = n === 0 ? 0 : chunkOf(n - 1) + 1;
  }
}

/** How many raw texts of number cells are kept for messages (Problems lists the first 10). */
const RAW_KEPT = 10;

/**
 * One column's cells: a number per row (NaN for a blank or a text), and for a cell that is not a
 * plain decimal the code of its value among the column's distinct values (`texts`). Reads what
 * `numberColumn`, `logicalColumn` and `xColumn` (src/cli/convert.ts, logical.ts) read, with the
 * same verdicts and messages, but after the whole file rather than from its text.
 */
export class CellColumn {
  readonly nums = new NumberChunks(false);
  /** null until the first cell that is not a number or blank; then -1 for those that are. */
  codes: NumberChunks | null = null;
  /** The distinct values of the cells that are not numbers, as given (messages quote them). */
  readonly texts: unknown[] = [];
  private readonly dict = new Map<unknown, number>();
  /**
   * Rows whose number is 1 or 0 written otherwise (`1.0`, `01`, `+1`): a yes/no column may hold
   * `1` and `0` but not these (logicalColumn), and the verdict must hold for the rows --filter keeps.
   */
  readonly odd = new NumberChunks(true);
  /**
   * The text of the first number cells, as written: a date column quotes them exactly in its
   * first problems (after --filter, a number cell beyond them is quoted as String(number)).
   */
  readonly raw = new Map<number, string>();

  get length(): number {
    return this.nums.length;
  }

  push(v: unknown): void {
    const i = this.nums.length;
    let n = Number.NaN;
    let text = false;
    if (typeof v === "string") {
      n = decimal(v);
      if (Number.isFinite(n)) {
        if (n === 1 || n === 0) {
          const t = v.trim();
          if (t !== "1" && t !== "0") this.odd.push(i);
        }
        if (this.raw.size < RAW_KEPT) this.raw.set(i, v);
      } else {
        n = Number.NaN;
        text = v.trim() !== "";
      }
    } else if (typeof v === "number" && Number.isFinite(v)) {
      n = v;
    } else text = !isBlank(v);
    this.nums.push(n);
    if (text) this.pushCode(i, v);
    else if (this.codes !== null) this.codes.push(-1);
  }

  private pushCode(i: number, v: unknown): void {
    if (this.codes === null) {
      this.codes = new NumberChunks(true);
      for (let k = 0; k < i; k++) this.codes.push(-1);
    }
    let c = this.dict.get(v);
    if (c === undefined) {
      c = this.texts.length;
      this.texts.push(v);
      this.dict.set(v, c);
    }
    this.codes.push(c);
  }

  /** The code of row i's value among `texts`, or -1 for a number or a blank. */
  code(i: number): number {
    return this.codes === null ? -1 : this.codes.get(i);
  }

  /** Keep only `rows` (ascending), as `--filter` left them. */
  keep(rows: ArrayLike<number>): void {
    if (this.length === 0) return; // a column the file does not have
    this.nums.keep(rows);
    this.codes?.keep(rows);
    const raw = [...this.raw];
    this.raw.clear();
    let k = 0;
    for (const [i, t] of raw) {
      while (k < rows.length && rows[k]! < i) k++;
      if (rows[k] === i) this.raw.set(k, t);
    }
    // The odd rows kept, renumbered (both lists ascending).
    let m = 0;
    k = 0;
    for (let j = 0; j < this.odd.length; j++) {
      const i = this.odd.get(j);
      while (k < rows.length && rows[k]! < i) k++;
      if (rows[k] === i) this.odd.set(m++, k);
    }
    this.odd.truncate(m);
  }

  /** Whether some row (after `keep`) holds a value that is not a number or blank. */
  hasText(): boolean {
    if (this.codes === null) return false;
    for (let i = 0; i < this.codes.length; i++) if (this.codes.get(i) >= 0) return true;
    return false;
  }
}

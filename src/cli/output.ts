import { renameSync, rmSync, rmdirSync, statSync } from "node:fs";
import { lstat, mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { DataError } from "./errors.js";

/** A file to write once everything has been computed. */
export interface PlannedFile {
  path: string;
  /**
   * The text, or chunks of it (for large files: each chunk can be dropped once written): text,
   * or UTF-8 bytes ({@link ByteChunks}).
   */
  content: string | Iterable<string | Uint8Array>;
}

/** Files this process has read (device and inode → path): outputs may never replace them. */
const inputs = new Map<string, string>();

/** Record a file the command reads, so that no output of the command can overwrite it. */
export function noteInput(path: string): void {
  try {
    const s = statSync(path);
    inputs.set(`${s.dev}:${s.ino}`, path);
  } catch {
    // Unreadable: reading it will say so.
  }
}

/**
 * Write every planned file or none (issue #18).
 *
 * 1. Names: two planned files whose names differ only by case or that are the same file get
 *    distinct names (`north.svg`, `north-2.svg`); `path` is updated in place so callers print the
 *    names written.
 * 2. Targets are checked before anything is written: a symbolic link, a device, pipe or folder,
 *    or a file the command read (see {@link noteInput}) is refused with a DataError naming it.
 * 3. Each file is written to a new hidden temporary beside its target (`O_EXCL`: never through an
 *    existing name), then existing targets are moved aside and the new files renamed into place;
 *    the old ones are removed only when every new one is in place. An error, SIGINT or SIGTERM at
 *    any point restores the old files and removes every temporary, so a run that fails or is
 *    interrupted leaves the folder as it was. (A power cut or SIGKILL can still leave hidden
 *    `.*.pace-qi-*` files: no platform makes several renames atomic.)
 * 4. Errors name the output, never the temporary.
 */
export async function writeAll(files: readonly PlannedFile[]): Promise<void> {
  distinctNames(files);
  for (const f of files) await checkTarget(f.path);
  const tag = `.pace-qi-${process.pid}-${Date.now().toString(36)}`;
  const temps = new Map<string, string>(); // temp → target
  const moved: Array<{ target: string; backup: string }> = [];
  const placed: string[] = [];
  const madeDirs: string[] = []; // folders this run created, outermost first
  let done = false;
  const rollback = (): void => {
    if (done) return;
    done = true;
    for (const p of placed) rmSync(p, { force: true });
    for (const m of moved) {
      try {
        renameSync(m.backup, m.target);
      } catch {
        // Nothing more can be done; the backup keeps the old content.
      }
    }
    for (const t of temps.keys()) rmSync(t, { force: true });
    for (const d of madeDirs.reverse()) {
      try {
        rmdirSync(d); // only when empty: never remove what someone else put there meanwhile
      } catch {
        // Not empty or already gone: leave it.
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    rollback();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let current = files[0]?.path ?? "";
  try {
    for (const f of files) {
      current = f.path;
      const first = await mkdir(dirname(f.path), { recursive: true });
      if (first !== undefined) madeDirs.push(...foldersFrom(first, dirname(f.path)));
      const tmp = join(dirname(f.path), `.${basename(f.path)}${tag}.tmp`);
      const handle = await open(tmp, "wx");
      temps.set(tmp, f.path);
      try {
        if (typeof f.content === "string") await handle.write(f.content, null, "utf8");
        else await writeChunks(handle, f.content);
      } finally {
        await handle.close();
      }
    }
    for (const f of files) {
      current = f.path;
      if ((await lstat(f.path).catch(() => null)) === null) continue;
      const backup = join(dirname(f.path), `.${basename(f.path)}${tag}.old`);
      await rename(f.path, backup);
      moved.push({ target: f.path, backup });
    }
    for (const [tmp, target] of temps) {
      current = target;
      await rename(tmp, target);
      temps.delete(tmp);
      placed.push(target);
    }
    done = true;
    await Promise.all(moved.map((m) => rm(m.backup, { force: true }).catch(() => undefined)));
  } catch (e) {
    rollback();
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string") throw new DataError(`${current}: cannot write (${code}); nothing was written`);
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * A file's chunks in order, each chunk's write under way while the next is made (the content's
 * generator is CPU work on this thread; the write runs on libuv's pool). Awaiting each write
 * before making the next chunk left the thread idle for ~50–85 ms per 100,000-child export: the
 * write step of `timescales` on it 388 → 345 ms wall (medians of 7 alternating runs, with the
 * quoting of repeated values, session 8).
 */
async function writeChunks(handle: FileHandle, chunks: Iterable<string | Uint8Array>): Promise<void> {
  let writing: Promise<void> | null = null;
  try {
    for (const chunk of chunks) {
      await writing;
      writing = writeChunk(handle, chunk);
    }
  } catch (e) {
    // A chunk that could not be made (or written) lets the write in flight end before the handle closes.
    await writing?.catch(() => undefined);
    throw e;
  }
  await writing;
}

/** One chunk of a file: text, or bytes (written in full: a write may take fewer bytes than given). */
async function writeChunk(handle: FileHandle, chunk: string | Uint8Array): Promise<void> {
  if (typeof chunk === "string") {
    await handle.write(chunk, null, "utf8");
    return;
  }
  for (let at = 0; at < chunk.length; ) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
}

/** The folders from `first` (the outermost one `mkdir -p` created) down to `last`, outermost first. */
function foldersFrom(first: string, last: string): string[] {
  const out: string[] = [];
  const top = resolve(first);
  for (let d = resolve(last); d.length >= top.length && d !== dirname(d); d = dirname(d)) {
    out.unshift(d);
    if (d === top) break;
  }
  return out;
}

/** Give planned files that would land on one name (case-insensitively: macOS and Windows fold case) distinct names. */
function distinctNames(files: readonly PlannedFile[]): void {
  const seen = new Set<string>();
  const key = (p: string): string => resolve(p).normalize("NFC").toLowerCase();
  for (const f of files) {
    let path = f.path;
    if (seen.has(key(path))) {
      const ext = extname(f.path);
      const stem = f.path.slice(0, f.path.length - ext.length);
      for (let k = 2; seen.has(key(path)); k++) path = `${stem}-${k}${ext}`;
      f.path = path;
    }
    seen.add(key(path));
  }
}

/** Refuse a target that is a link, not a regular file, or an input of the command. */
async function checkTarget(path: string): Promise<void> {
  const s = await lstat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
    throw new DataError(`${path}: cannot write (${e.code ?? e.message})`);
  });
  if (s === null) return;
  if (s.isSymbolicLink()) throw new DataError(`${path}: is a symbolic link; pace-qi neither writes through nor replaces links: choose another output name`);
  if (!s.isFile()) throw new DataError(`${path}: is not a regular file (a folder, device or pipe); choose another output name`);
  const input = inputs.get(`${s.dev}:${s.ino}`);
  if (input !== undefined) throw new DataError(`${path}: is an input of this command (${input}); choose another output name`);
}

/**
 * One CSV field, quoted when it needs to be (RFC 4180), and safe to open in a spreadsheet: text
 * beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so Excel and
 * LibreOffice show it instead of running it as a formula (OWASP, "CSV Injection"). Numbers —
 * and text that is just a number, like `-5` or `+3.2` — are left as they are.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let s = typeof value === "string" ? value : JSON.stringify(value);
  if (s.length > 0 && formulaStart(s.charCodeAt(0)) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * csvField for a column with few distinct values (a stage, a milestone, a route, a team): each
 * distinct primitive value is quoted once and looked up after (at most 4,096 kept; objects are
 * always written afresh). durations.csv has eight such columns in its 315,000 rows for a
 * 100,000-child export: writing it took 434 → 345 ms (fastest of 15 runs, alternating), 608 →
 * 567 ms (median, on a shared machine) with them looked up (session 8).
 *
 * @example
 * const route = repeatedField();
 * route("adoption-order") //=> "adoption-order"
 */
export function repeatedField(form: "text" | "binary" = "text"): (value: unknown) => string {
  const field = form === "binary" ? binaryField : csvField;
  const known = new Map<unknown, string>();
  let last: unknown = undefined;
  let lastText = "";
  return (value) => {
    if (value === last) return lastText; // (before any value: undefined, written "")
    if (typeof value === "object" && value !== null) return field(value);
    let text = known.get(value);
    if (text === undefined) {
      text = field(value);
      if (known.size < 4096) known.set(value, text);
    }
    last = value;
    lastText = text;
    return text;
  };
}

/** A text's UTF-8 bytes as a string of one character a byte (itself when it is ASCII), for a {@link ByteChunks} in `"binary"` form. */
export function utf8Binary(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return Buffer.from(text, "utf8").toString("latin1");
  return text;
}

/** {@link csvField} as UTF-8 bytes, one character a byte ({@link utf8Binary}). */
export function binaryField(value: unknown): string {
  return utf8Binary(csvField(value));
}

/**
 * `=`, `+`, `-`, `@`, tab or carriage return: the first characters a spreadsheet runs as a
 * formula. A comparison of the first character code (csvField runs ~2·10⁶ times for a
 * 100,000-child durations.csv: the regular expression it replaces took a third of that file's time).
 */
function formulaStart(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true; // , " \n \r
  }
  return false;
}

/** Chunks of about this many bytes. */
const CHUNK_BYTES = 1 << 20;
/** Text gathered before it is encoded (UTF-16 units). */
const BATCH_UNITS = 1 << 14;

/**
 * Text gathered as UTF-8 bytes into buffers of about 1 MB, for the chunks of a large
 * {@link PlannedFile}. Each row's string is written into the buffer at once and dies young;
 * appending rows to a 1 MB string instead kept every row's pieces alive until the chunk was
 * written (a rope of ~10⁵ pieces per chunk), which the young-generation GC copied again and
 * again, and flattened at the write: 0.6 of the 1.1 CPU s of writing a 100,000-child
 * export's durations.csv (issue #12). Rows are gathered into a short string of ~16,000
 * characters first (a rope of ~160 pieces, flattened once): one encoding call per batch instead
 * of one per row, 25–40 ms instead of 40–60 ms for 300,000 rows of 100 bytes here.
 */
export class ByteChunks {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES + (CHUNK_BYTES >> 4));
  private used = 0;
  private pending = "";

  /**
   * `"binary"`: every text added is already UTF-8, one byte a character ({@link utf8Binary}), and
   * is copied as it is (Latin-1): a row holding "5–11" stays a one-byte string, where one
   * two-byte character would make V8 build and encode each batch two bytes a character
   * (durations.csv: ~85 against ~50 ms for 215,000 rows; docs/performance.md, session 9).
   */
  constructor(private readonly form: "text" | "binary" = "text") {}

  /** Append text. */
  add(text: string): void {
    if (text.length >= BATCH_UNITS) {
      // A long text is encoded by itself: joined to a batch holding one two-byte character, it
      // would be flattened and encoded as two-byte text (twice the work).
      if (this.pending.length > 0) this.encode();
      this.pending = text;
      this.encode();
      return;
    }
    this.pending += text;
    if (this.pending.length >= BATCH_UNITS) this.encode();
  }

  /** Write the batch of text gathered into the buffer. */
  private encode(): void {
    const text = this.pending;
    this.pending = "";
    // Room for the worst case (3 bytes a UTF-16 unit); the buffer grows for a long text.
    const most = this.form === "binary" ? text.length : 3 * text.length;
    if (this.used + most > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.used + most));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(text, this.used, this.form === "binary" ? "latin1" : "utf8");
  }

  /** About 1 MB gathered: time to {@link take} the chunk. */
  get full(): boolean {
    return this.used + this.pending.length >= CHUNK_BYTES;
  }

  /** The bytes gathered so far, as a chunk of their own; starts a new one. */
  take(): Uint8Array {
    if (this.pending.length > 0) this.encode();
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES + (CHUNK_BYTES >> 4));
    this.used = 0;
    return out;
  }
}

/**
 * Kept beside csv-stringify (the sibling of csv-parse) on a benchmark: `node bench/libraries.mjs`
 * writes 10⁵ rows × 7 columns both ways, byte-identical as text (csv-stringify given the same
 * neutralising cast and `quoted_match` for edge spaces and CR), in 0.66 s here against 1.44 s
 * with `csv-stringify/sync` — and the CLI writes exports of 10⁶ duration rows.
 *
 * Rows of objects as CSV with the given columns, header first, `\n` line ends, in chunks of
 * about 1 MB (see {@link PlannedFile}): large files never sit in memory as one string.
 */
export function* toCsv(rows: readonly object[], columns: readonly string[]): Generator<Uint8Array> {
  const out = new ByteChunks();
  out.add(`${columns.map(csvField).join(",")}\n`);
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    let line = "";
    for (let k = 0; k < columns.length; k++) line += (k > 0 ? "," : "") + csvField(rec[columns[k]!]);
    out.add(`${line}\n`);
    if (out.full) yield out.take();
  }
  yield out.take();
}

/** Text given as pieces, as UTF-8 chunks of about 1 MB ({@link ByteChunks}). */
export function* textChunks(pieces: Iterable<string>): Generator<Uint8Array> {
  const out = new ByteChunks();
  for (const piece of pieces) {
    out.add(piece);
    if (out.full) yield out.take();
  }
  yield out.take();
}

/** Arrays longer than this are written element by element. */
const LONG = 1000;
/** Chunks are yielded at about this many characters. */
const CHUNK = 1 << 20;

/** The keys JSON.stringify writes of an object: those whose value is not undefined, a function or a symbol. */
function writtenKeys(rec: Record<string, unknown>): string[] {
  return Object.keys(rec).filter((k) => {
    const t = typeof rec[k];
    return t !== "undefined" && t !== "function" && t !== "symbol";
  });
}

function isBig(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > LONG || v.some(isBig);
  if (v === null || typeof v !== "object" || v instanceof Date) return false;
  for (const k of Object.keys(v)) if (isBig((v as Record<string, unknown>)[k])) return true;
  return false;
}

/**
 * `JSON.stringify(value, null, 2)` as chunks of about 1 MB, character for character the same
 * (for plain objects, arrays and what JSON.stringify writes of them): a chart of millions of
 * points is never one string, which V8 caps at about 536 million characters — an i chart of 1.2
 * million points was an "Invalid string length" crash (issue #18).
 */
export function* jsonChunks(value: unknown, indent = ""): Generator<string> {
  if (!isBig(value)) {
    yield (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    let buf = "[\n";
    for (let i = 0; i < value.length; i++) {
      const end = i < value.length - 1 ? ",\n" : "\n";
      const v: unknown = value[i];
      if (isBig(v)) {
        yield buf + inner;
        yield* jsonChunks(v, inner);
        buf = end;
      } else {
        buf += `${inner}${(JSON.stringify(v, null, 2) ?? "null").replace(/\n/g, `\n${inner}`)}${end}`;
        if (buf.length > CHUNK) {
          yield buf;
          buf = "";
        }
      }
    }
    yield `${buf}${indent}]`;
    return;
  }
  const rec = value as Record<string, unknown>;
  const keys = writtenKeys(rec);
  yield "{\n";
  for (let i = 0; i < keys.length; i++) {
    yield `${inner}${JSON.stringify(keys[i])}: `;
    yield* jsonChunks(rec[keys[i]!], inner);
    yield i < keys.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}}`;
}

function isLongArray(v: unknown): boolean {
  return Array.isArray(v) && v.length > LONG;
}

/** Elements stringified together when a long array is written compactly. */
const SLICE = 4096;

/**
 * `JSON.stringify(value)` (compact) as chunks, character for character the same (for plain
 * objects, arrays and what JSON.stringify writes of them). Long arrays are stringified a slice at
 * a time, so a text with a few non-Latin-1 characters (the stage labels' "→" in series.json)
 * does not make V8 build and encode the whole file as two-byte text: one two-byte character
 * makes a whole string two bytes a character, which JSON.stringify writes ~30 % slower and
 * Buffer.write encodes at half the speed (docs/performance.md, session 9).
 */
export function* compactJsonChunks(value: unknown): Generator<string> {
  if (!isBig(value)) {
    yield JSON.stringify(value) ?? "null";
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i += SLICE) {
      const part = value.slice(i, i + SLICE);
      if (i > 0) yield ",";
      // Only an element that is itself a long array is written piece by piece (a cheap test:
      // isBig would walk every row object of the slice).
      if (part.some(isLongArray)) {
        for (let j = 0; j < part.length; j++) {
          if (j > 0) yield ",";
          yield* compactJsonChunks(part[j] === undefined || typeof part[j] === "function" || typeof part[j] === "symbol" ? null : part[j]);
        }
      } else yield JSON.stringify(part).slice(1, -1);
    }
    yield "]";
    return;
  }
  const rec = value as Record<string, unknown>;
  const keys = writtenKeys(rec);
  yield "{";
  for (let i = 0; i < keys.length; i++) {
    yield `${i > 0 ? "," : ""}${JSON.stringify(keys[i])}:`;
    yield* compactJsonChunks(rec[keys[i]!]);
  }
  yield "}";
}

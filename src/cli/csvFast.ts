// A fast reader for the plain CSV that exports almost always are, giving exactly the records
// csv-parse gives with the options of table.ts (`bom: true`, `relax_column_count: true`,
// `skip_empty_lines: false`, one-character delimiter, `max_record_size`), or giving up.
//
// Why: csv-parse walks the file byte by byte and builds every field in a growing buffer; on a
// 41 MB export of 862,124 rows it took 3.1 of the 6.5 CPU s of `pace-qi timescales` (issue #16:
// ≤ 2 s). This reader decodes whole blocks of lines at once and cuts fields with `indexOf`.
//
// It handles `\n` line ends, quoted fields (with `""` for a quote and line breaks inside) and a
// UTF-8 byte-order mark. Anything else — a `\r` anywhere (csv-parse then guesses the line end
// from the first one), a quote inside an unquoted field or text after a closing quote (csv-parse
// errors), a quote left open at the end, a UTF-16 byte-order mark, a record near the length
// limit — throws {@link NotPlainCsv}, and table.ts reads the file again with csv-parse, which then
// gives the records or the error message as before. The equivalence with csv-parse is a property
// test (test/cli/csv-fast.test.ts).
/** The text is outside what {@link PlainCsvReader} handles: read it with csv-parse. */
export class NotPlainCsv extends Error {
  constructor(why: string) {
    super(`not plain CSV: ${why}`);
    this.name = "NotPlainCsv";
  }
}

const QUOTE = 34;
const LF = 10;

/**
 * Push the file's bytes in order, then call `end()`; each record goes to `onRecord` as a reused
 * array of fields (valid until the next record).
 */
export class PlainCsvReader {
  /** Decoded text of a record not yet complete (a quoted field with a line break in it). */
  private pending = "";
  /** Bytes after the last line feed seen, not yet decoded. */
  private tail: Buffer | null = null;
  /** The first bytes have been looked at for a byte-order mark. */
  private started = false;
  private readonly rec: string[] = [];
  private readonly delimiter: number;
  private readonly delimiterText: string;
  /**
   * The longest record taken here, in UTF-16 units: UTF-8 decodes to at least one unit per 3
   * bytes, so such a record has fewer bytes than csv-parse's `max_record_size`. Longer records
   * go to csv-parse, which decides.
   */
  private readonly maxRecord: number;

  /** `maxRecordBytes`: csv-parse's `max_record_size`. */
  constructor(
    delimiter: string,
    maxRecordBytes: number,
    private readonly onRecord: (rec: string[]) => void,
  ) {
    this.maxRecord = Math.floor(maxRecordBytes / 3) - 1;
    this.delimiterText = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
    if (delimiter.length !== 1 || this.delimiter >= 128 || this.delimiter === QUOTE || this.delimiter === LF || this.delimiter === 13) throw new NotPlainCsv("delimiter");
  }

  push(chunk: Buffer): void {
    let buf = this.tail === null ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = null;
    if (!this.started) {
      if (buf.length < 3) {
        this.tail = Buffer.from(buf); // csv-parse waits for three bytes too
        return;
      }
      buf = this.skipBom(buf);
    }
    const last = buf.lastIndexOf(LF);
    if (last === -1) {
      if (buf.length > 3 * this.maxRecord) throw new NotPlainCsv("a long record");
      this.tail = Buffer.from(buf); // a copy: the stream may reuse its chunk
      return;
    }
    // Decoded up to a line feed: never inside a multi-byte character (a line feed is ASCII).
    const text = this.pending + buf.toString("utf8", 0, last + 1);
    if (last + 1 < buf.length) this.tail = Buffer.from(buf.subarray(last + 1));
    this.pending = text.slice(this.records(text, false));
    if (this.pending.length > this.maxRecord) throw new NotPlainCsv("a long record");
  }

  end(): void {
    let buf = this.tail ?? Buffer.alloc(0);
    this.tail = null;
    // Under three bytes csv-parse keeps a byte-order mark as text (it never looks for one).
    if (!this.started && buf.length >= 3) buf = this.skipBom(buf);
    this.started = true;
    const text = this.pending + buf.toString("utf8");
    this.pending = "";
    this.records(text, true);
  }

  private skipBom(buf: Buffer): Buffer {
    this.started = true;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3);
    if (buf[0] === 0xff && buf[1] === 0xfe) throw new NotPlainCsv("UTF-16"); // csv-parse reads UTF-16LE
    return buf;
  }

  /** The complete records of `text`; returns where the first incomplete one starts. */
  private records(text: string, final: boolean): number {
    if (text.indexOf("\r") !== -1) throw new NotPlainCsv("a carriage return");
    const n = text.length;
    const dt = this.delimiterText;
    const rec = this.rec;
    let quoteAt = -1; // the next quote at or after pos (n: none)
    let pos = 0;
    while (pos < n) {
      let end = text.indexOf("\n", pos);
      if (end === -1) {
        if (!final) return pos;
        end = n;
      }
      if (end - pos > this.maxRecord) throw new NotPlainCsv("a long record");
      if (quoteAt < pos) {
        quoteAt = text.indexOf('"', pos);
        if (quoteAt === -1) quoteAt = n;
      }
      if (quoteAt >= end) {
        // A line without quotes: split at each delimiter.
        rec.length = 0;
        let s = pos;
        for (let k = text.indexOf(dt, s); k !== -1 && k < end; k = text.indexOf(dt, s)) {
          rec.push(text.slice(s, k));
          s = k + 1;
        }
        rec.push(text.slice(s, end));
        this.onRecord(rec);
        pos = end + 1;
        continue;
      }
      const next = this.quotedRecord(text, pos, final);
      if (next === -1) return pos;
      pos = next;
    }
    return n;
  }

  /**
   * A record with quotes in it, from `pos`, to `onRecord`; returns where the next record starts,
   * or -1 when the text ends inside the record (more to come).
   */
  private quotedRecord(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const d = this.delimiter;
    const rec = this.rec;
    rec.length = 0;
    let p = pos;
    for (;;) {
      if (p - pos > this.maxRecord) throw new NotPlainCsv("a long record");
      if (p < n && text.charCodeAt(p) === QUOTE) {
        let value = "";
        let s = p + 1;
        for (;;) {
          const q = text.indexOf('"', s);
          if ((q === -1 ? n : q) - pos > this.maxRecord) throw new NotPlainCsv("a long record");
          if (q === -1) {
            if (final) throw new NotPlainCsv("a quote not closed");
            return -1;
          }
          if (q + 1 >= n) {
            if (!final) return -1; // the next character decides
            rec.push(value + text.slice(s, q));
            this.onRecord(rec);
            return n;
          }
          const c = text.charCodeAt(q + 1);
          if (c === QUOTE) {
            value += text.slice(s, q + 1); // "" is one quote
            s = q + 2;
            continue;
          }
          rec.push(value + text.slice(s, q));
          if (c === d) {
            p = q + 2;
            break;
          }
          if (c === LF) {
            this.onRecord(rec);
            return q + 2;
          }
          throw new NotPlainCsv("text after a closing quote");
        }
        continue;
      }
      let e = p;
      let c = -1;
      for (; e < n; e++) {
        c = text.charCodeAt(e);
        if (c === d || c === LF) break;
        if (c === QUOTE) throw new NotPlainCsv("a quote inside a field");
      }
      if (e >= n && !final) return -1;
      rec.push(text.slice(p, e));
      if (e < n && c === d) {
        p = e + 1;
        continue;
      }
      this.onRecord(rec);
      return e >= n ? n : e + 1;
    }
  }
}

// Writes small .xlsx workbooks for the tests (SpreadsheetML by hand, zipped with fflate), so
// every workbook a test reads is made for it here, never copied from elsewhere.
import { writeFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";

/** A cell: text (shared string), a number (General format), or one of the special kinds. */
export type XCell =
  | string
  | number
  | null
  | { date: string; style?: "builtin" | "custom" } // an ISO day, stored as a serial in a date format
  | { inline: string } // an inline string
  | { formula: string; cached: string } // a formula with its cached text (t="str")
  | { serial: number; style?: "builtin" | "custom" | "time" } // a raw serial in a date (or time) format
  | { bool: boolean }
  | { error: string };

export interface XSheet {
  name: string;
  rows: XCell[][];
  /** Spreadsheet row numbers of the rows (default 1, 2, 3…); gaps are blank rows. */
  rowNumbers?: number[];
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function colName(k: number): string {
  let s = "";
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel serial of an ISO day in the 1900 (or 1904) date system. */
export function serialOf(iso: string, date1904 = false): number {
  const days = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  if (date1904) return days + 24_107;
  const s = days + 25_569;
  return s < 61 ? s - 1 : s;
}

// Style indices: 0 General, 1 built-in date (14), 2 custom dd/mm/yyyy (164), 3 time h:mm (20).
const STYLE = { builtin: 1, custom: 2, time: 3 } as const;

/** Write a workbook to `path`. */
export function writeXlsx(path: string, sheets: XSheet[], options: { date1904?: boolean; doctype?: boolean; prefixed?: boolean } = {}): void {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string): number => {
    let k = index.get(s);
    if (k === undefined) index.set(s, (k = strings.push(s) - 1));
    return k;
  };
  const cellXml = (c: XCell, ref: string): string => {
    if (c === null) return "";
    if (typeof c === "string") return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
    if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
    if ("date" in c) return `<c r="${ref}" s="${STYLE[c.style ?? "custom"]}"><v>${serialOf(c.date, options.date1904)}</v></c>`;
    if ("serial" in c) return `<c r="${ref}" s="${STYLE[c.style ?? "builtin"]}"><v>${c.serial}</v></c>`;
    if ("inline" in c) return `<c r="${ref}" t="inlineStr"><is><r><t>${esc(c.inline.slice(0, 3))}</t></r><r><t xml:space="preserve">${esc(c.inline.slice(3))}</t></r></is></c>`;
    if ("formula" in c) return `<c r="${ref}" t="str"><f>${esc(c.formula)}</f><v>${esc(c.cached)}</v></c>`;
    if ("bool" in c) return `<c r="${ref}" t="b"><v>${c.bool ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="e"><v>${esc(c.error)}</v></c>`;
  };
  const files: Record<string, Uint8Array> = {};
  const doctype = options.doctype ? `<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>` : "";
  sheets.forEach((sh, k) => {
    const rows = sh.rows.map((r, i) => {
      const n = sh.rowNumbers?.[i] ?? i + 1;
      return `<row r="${n}">${r.map((c, j) => cellXml(c, `${colName(j)}${n}`)).join("")}</row>`;
    });
    let body = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
    // As some writers (the Open XML SDK) do: every element with a namespace prefix.
    if (options.prefixed) body = body.replace(/<(\/?)([A-Za-z])/g, "<$1x:$2").replace("xmlns=", "xmlns:x=");
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${doctype}${body}`);
  });
  files["[Content_Types].xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`);
  files["_rels/.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets.map((s, k) => `<sheet name="${esc(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join("")}</Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
  );
  writeFileSync(path, zipSync(files));
}

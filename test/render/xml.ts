/**
 * A tiny well-formedness checker for the SVG and HTML the renderers write (no dependency): tags
 * nest and close, attribute values are quoted and free of `<` and bare `&`, text has no bare `&`
 * or `<`, and only known entities appear. `html: true` allows HTML void elements and a doctype.
 * Returns the element names in document order (to assert there is no <script>).
 */
const VOID = new Set(["meta", "br", "link", "img", "hr", "input"]);
const ENTITY = /^&(amp|lt|gt|quot|#39|#\d+|#x[0-9a-fA-F]+);/;

export function checkMarkup(text: string, options: { html?: boolean } = {}): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}`);
  };
  const checkAmp = (s: string, at: number): void => {
    for (let k = s.indexOf("&"); k !== -1; k = s.indexOf("&", k + 1)) {
      if (!ENTITY.test(s.slice(k))) {
        i = at + k;
        fail("bare &");
      }
    }
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    checkAmp(chunk, i);
    if (lt === -1) break;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i);
      if (end === -1) fail("unclosed comment");
      i = end + 3;
      continue;
    }
    if (text.startsWith("<!DOCTYPE", i)) {
      if (!options.html) fail("doctype in SVG");
      i = text.indexOf(">", i) + 1;
      continue;
    }
    const close = /^<\/([A-Za-z][\w:-]*)\s*>/.exec(text.slice(i));
    if (close) {
      const name = close[1]!;
      if (stack.pop() !== name) fail(`mismatched </${name}>`);
      i += close[0].length;
      continue;
    }
    const open = /^<([A-Za-z][\w:-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/.exec(text.slice(i));
    if (!open) fail("bad tag");
    const [whole, name, attrs, selfClose] = open!;
    checkAmp(attrs!, i);
    const seen = new Set<string>();
    for (const m of attrs!.matchAll(/([A-Za-z_:][\w:.-]*)\s*=/g)) {
      if (seen.has(m[1]!)) fail(`duplicate attribute ${m[1]}`);
      seen.add(m[1]!);
    }
    names.push(name!.toLowerCase());
    i += whole.length;
    if (selfClose || (options.html && VOID.has(name!.toLowerCase()))) continue;
    if (options.html && (name === "style" || name === "script")) {
      const end = text.indexOf(`</${name}>`, i);
      if (end === -1) fail(`unclosed ${name}`);
      i = end + name.length + 3;
      continue;
    }
    stack.push(name!);
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(" > ")}`);
  return names;
}

/** Decode the entities escapeXml writes. */
export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}

/** The text content of the first element matching `<name ...>…</name>` (no nesting), decoded. */
export function elementText(svg: string, name: string): string | undefined {
  const m = new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(svg);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** Count start tags whose class attribute contains every given class. */
export function countClass(markup: string, ...classes: string[]): number {
  let n = 0;
  for (const m of markup.matchAll(/<[a-z]+\b[^>]*\sclass="([^"]*)"/g)) {
    const set = new Set(m[1]!.split(/\s+/));
    if (classes.every((c) => set.has(c))) n++;
  }
  return n;
}

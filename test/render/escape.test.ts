import { describe, expect, it } from "vitest";
import { escapeXml } from "../../src/render/index.js";
import { checkMarkup } from "./xml.js";

describe("escapeXml", () => {
  it("escapes the five XML special characters", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
  });
  it("turns markup into text", () => {
    expect(escapeXml("</svg><script>alert(1)</script>")).toBe("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("escapes an ampersand that already looks like an entity (no double meaning)", () => {
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });
  it("replaces characters XML 1.0 forbids, keeping tab, newline, emoji and non-Latin text", () => {
    expect(escapeXml("a\u0000b\u0007c\u001Fd\uFFFE")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    expect(escapeXml("x\ty\nz\r")).toBe("x\ty\nz\r");
    expect(escapeXml("Anhøj 📈 Ελληνικά")).toBe("Anhøj 📈 Ελληνικά");
    expect(escapeXml("lone \uD800 high, lone \uDC00 low")).toBe("lone \uFFFD high, lone \uFFFD low");
  });
  it("always yields text that parses inside an element and an attribute", () => {
    const nasty = `"'<>&\u0000\uD800]]><!-- --><![CDATA[x]]>`;
    expect(() => checkMarkup(`<t a="${escapeXml(nasty)}">${escapeXml(nasty)}</t>`)).not.toThrow();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapText } from "../../src/render/index.js";
import { truncate, truncateMiddle } from "../../src/render/text.js";

describe("wrapText", () => {
  it("wraps greedily at spaces", () => {
    expect(wrapText("Early, shared planning for permanence", 16)).toEqual(["Early, shared", "planning for", "permanence"]);
  });
  it("splits words longer than a line and keeps explicit line breaks", () => {
    expect(wrapText("abcdefghij xy", 4)).toEqual(["abcd", "efgh", "ij", "xy"]);
    expect(wrapText("one\ntwo three", 20)).toEqual(["one", "two three"]);
  });
  it("counts code points, not UTF-16 units", () => {
    expect(wrapText("📈📈📈 ab", 3)).toEqual(["📈📈📈", "ab"]);
  });
  it("never makes a line longer than the width and loses no words", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zé]{1,12}$/), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
        const lines = wrapText(words.join(" "), width);
        for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/ /g, "")).toBe(words.join(""));
      }),
    );
  });
});

describe("truncate", () => {
  it("ends with an ellipsis when cut", () => {
    expect(truncate("Phase 2: median 34.8", 10)).toBe("Phase 2:…");
    expect(truncate("short", 10)).toBe("short");
  });
  it("cuts the middle so both ends stay readable", () => {
    expect(truncateMiddle("Two-week planning meeting after accommodation: PDSA 3", 30)).toBe("Two-week planning…ion: PDSA 3");
    expect([...truncateMiddle("x".repeat(100), 40)].length).toBeLessThanOrEqual(40);
  });
});

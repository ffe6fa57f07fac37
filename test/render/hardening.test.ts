// Issue #18 (hardening): rendering attacks the nasty-values sweep does not cover.
import { describe, expect, it } from "vitest";
import { wrapText } from "../../src/render/text.js";

describe("finding 6: wrapText is linear in a long word", () => {
  it("wraps a 3.2 MB word (10× the 316 KB project that took 16 s)", () => {
    const word = "x".repeat(3_200_000);
    const lines = wrapText(`start ${word} end`, 40);
    expect(lines).toHaveLength(2 + 80_000);
    expect(lines[0]).toBe("start");
    expect(lines.at(-1)).toBe("end");
    expect(lines.slice(1, -1).every((l) => l.length === 40)).toBe(true);
  });

  it("keeps the tail of a split word on the line with what follows", () => {
    expect(wrapText("abcdefghij kl", 4)).toEqual(["abcd", "efgh", "ij", "kl"]);
    expect(wrapText("abcdefghi j", 4)).toEqual(["abcd", "efgh", "i j"]);
  });
});

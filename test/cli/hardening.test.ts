// Issue #18 (hardening): CLI attacks the nasty-values sweep does not cover (units from src/cli).
import { describe, expect, it } from "vitest";
import { slug } from "../../src/cli/slug.js";

describe("finding 6: the group slug is linear", () => {
  it("slugs a 2 MB key of dashes (10× the 200 KB key that took 63 s)", () => {
    expect(slug(`a${"-".repeat(2_000_000)}b`)).toBe(`a${"-".repeat(59)}`);
    expect(slug("-".repeat(2_000_000))).toBe("group");
  });

  it("keeps the old names", () => {
    expect(slug("North / East")).toBe("North-East");
    expect(slug("--a b--")).toBe("a-b");
    expect(slug("Север")).toBe("group");
    expect(slug(`${"y".repeat(70)}`)).toBe("y".repeat(60));
  });
});

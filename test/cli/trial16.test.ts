import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// User trial 16 (test/fixtures/trial16): its repro commands, run on the built CLI.
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/trial16/${name}`, import.meta.url), "utf8");
const line = (text: string, head: string): string | undefined => text.split("\n").find((l) => l.startsWith(head));

describe.skipIf(!HAVE_BIN).concurrent("user trial 16", { timeout: 120_000 }, () => {
  it("finding 1: a p chart's assurance against limits frozen before the change says so, in the terminal, the SVG and the summary", async () => {
    const dir = tempDir({ "plan28.csv": fixture("plan28.csv") });
    const args = ["plan28.csv", "--x", "Month", "--y", "Plan within 28 days", "--n", "Children accommodated", "--dates", "uk", "--chart", "p", "--multiply", "100", "--rules", "mdc", "--direction", "increase", "--baseline", "20", "--target", "80"];
    const r = await run(["analyse", ...args, "--svg", "p.svg"], dir);
    expect(r.code).toBe(0);
    const assurance = "Assurance: consistently failing the target 80 at the latest point's process limits (upper 78, for its n = 29), but 80 lies between the limits of the 24 points with n from 8 to 25 (upper 80.2–100). Those limits were fixed from the baseline up to Nov 2023, and the latest point is part of a shift above the mean since Sep 2023: they describe the process before the change, not now. Start a new phase from Sep 2023 to judge the target against the new process.";
    expect(line(r.stdout, "Assurance:")).toBe(assurance);
    expect(readFileSync(join(dir, "p.svg"), "utf8")).toContain(assurance.replace(/'/g, "&#39;"));
    const s = await run(["summary", ...args], dir);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("special cause improvement since Sep 2023; the target of 80 is judged against limits from before the change (baseline up to Nov 2023): start a new phase from Sep 2023 to judge it against the new process");
    expect(s.stdout).not.toContain("consistently missed");
  });
});

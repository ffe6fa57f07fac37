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
  it("finding 2: shifts on both sides of an all-points median: a note naming the flags, in the terminal and the SVG", async () => {
    const dir = tempDir({ "days.csv": fixture("days_to_panel.csv") });
    const r = await run(["analyse", "days.csv", "--x", "Month", "--y", "Median days to panel", "--dates", "uk", "--direction", "decrease", "--svg", "d.svg"], dir);
    expect(r.code).toBe(0);
    // Both shifts stay signals; the note says what they show together (the library's
    // "baseline: 19" and "phases: [19]", 0-based, as the flags: --phase is 1-based).
    expect(r.stdout).toContain("- 14 points above the median from Apr 2022 to Jun 2023: a shift, a deterioration.\n");
    const note = "Note: The shift above the median from Apr 2022 and the later one below it from Nov 2023 together show a change in level around Nov 2023, and the median mixes the time before and after it: give --baseline 19 (the points before Nov 2023 set the median) or --phase 20 (a new phase from Nov 2023) to see the change.";
    expect(line(r.stdout, "Note: The shift")).toBe(note);
    expect(readFileSync(join(dir, "d.svg"), "utf8")).toContain(`${note}</desc>`);
    // The advice, taken: no note, no deterioration.
    for (const advice of [["--baseline", "19"], ["--phase", "20"]]) {
      const t = await run(["analyse", "days.csv", "--x", "Month", "--y", "Median days to panel", "--dates", "uk", "--direction", "decrease", ...advice], dir);
      expect(t.code).toBe(0);
      expect(t.stdout).not.toContain("Note: The shift");
      expect(t.stdout).not.toContain("deterioration");
    }
  });
  it("finding 9: astronomical points in a shift below the median: 'in the shift of 16 points below', not 'in the shift above'", async () => {
    const dir = tempDir({ "days.csv": fixture("days_to_panel.csv") });
    const r = await run(["analyse", "days.csv", "--x", "Month", "--y", "Median days to panel", "--dates", "uk", "--direction", "decrease", "--baseline", "20"], dir);
    expect(r.code).toBe(0);
    expect(line(r.stdout, "- 2 astronomical")).toBe("- 2 astronomical points, below 191, Tukey's far-out fence (Q1 − 3 × IQR), an improvement: Oct 2024 (172), Nov 2024 (163). Both are in the shift of 16 points below the median from Nov 2023 to Mar 2025: a new level rather than single unusual values.");
  });
});

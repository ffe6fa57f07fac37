// paceTimescales' `check` option: the data check from the stages' own read of the rows must be
// exactly checkCaseRecords with the same options — on random records, long and wide, including
// the cases where the two readers' rules differ and the check reads the rows again (dates before
// 1900, skipped unknown milestones, white-space ids and groups, a child on two wide rows); and a
// long row repeated exactly, which both read (the stages count it once; the check: duplicate-row).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCaseRecords, paceTimescales, stageDurations, type CaseRecordsCheck, type PaceTimescalesOptions } from "../../src/index.js";
import { runs } from "../_shared/zone.js";

const MILESTONES = ["looked-after", "accommodated", "lac-review", "permanence-recommendation", "permanence-panel", "adm-decision", "petition-lodged", "permanence-order", "adoption-order", "returned-home", "ceased-looked-after"];
const DAY = 86_400_000;
const iso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const uk = (day: number): string => {
  const d = new Date(day * DAY);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
};

type Row = Record<string, unknown>;

/** A child's events: milestone and day (around 2016–2024), with the odd quirk. */
const childArb = fc.record({
  events: fc.array(fc.record({ m: fc.constantFrom(...MILESTONES), offset: fc.integer({ min: -30, max: 1500 }) }), { minLength: 1, maxLength: 8 }),
  start: fc.integer({ min: 16_800, max: 19_500 }),
  team: fc.constantFrom("North", "South", "", null),
  dobYears: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  episode: fc.constantFrom(undefined, "1", "2", 1),
});

const setArb = fc.record({
  children: fc.array(childArb, { minLength: 1, maxLength: 25 }),
  wide: fc.boolean(),
  uk: fc.boolean(),
  asOf: fc.option(fc.integer({ min: 18_000, max: 20_000 }), { nil: undefined }),
  staleAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  group: fc.boolean(),
  dob: fc.boolean(),
  episodes: fc.boolean(),
  unknown: fc.constantFrom("error", "ignore"),
  // One child's quirk: most sets none (the check is made from the stages' read), else a case the check reads again.
  quirk: fc.constantFrom("none", "none", "none", "none", "pre1900", "unknown", "space-child", "space-team", "twice"),
});

type SetSpec = typeof setArb extends fc.Arbitrary<infer S> ? S : never;

/** Rows and the options shared by both calls. */
function build(s: SetSpec): { rows: Row[]; options: PaceTimescalesOptions<Row> } {
  const date = s.uk ? uk : iso;
  const rows: Row[] = [];
  s.children.forEach((child, k) => {
    const c = { ...child, quirk: k === 0 ? s.quirk : "none" };
    const id = c.quirk === "space-child" ? "  " : `C${k}`;
    const extra: Row = { team: c.quirk === "space-team" ? "  " : c.team, ...(c.dobYears !== undefined ? { dob: date(c.start - 365 * c.dobYears) } : {}), ...(s.episodes ? { episode: c.episode } : {}) };
    const dated = c.events.map((e, j) => ({ m: e.m, when: c.quirk === "pre1900" && j === 0 ? "1/2/1850".replace(/^(.*)$/, s.uk ? "$1" : "1850-02-01") : date(c.start + e.offset) }));
    if (s.wide) {
      const row: Row = { child: id, ...extra };
      for (const e of dated) row[e.m] ??= e.when;
      rows.push(row);
      if (c.quirk === "twice") rows.push({ ...row });
    } else {
      for (const e of dated) rows.push({ child: id, milestone: e.m, date: e.when, ...extra });
      // An exact repeat of one of the child's rows (a duplicate-row to both ways of the check).
      if (c.quirk === "twice") rows.push({ ...rows[rows.length - 1 - (c.events.length > 1 ? 1 : 0)]! });
      if (c.quirk === "unknown") rows.push({ child: id, milestone: "home visit", date: date(c.start), ...extra });
    }
  });
  const options: PaceTimescalesOptions<Row> = { afterAsOf: "ignore", negative: "ignore", unknownMilestones: s.unknown as "error" | "ignore" };
  if (s.uk) options.dates = "uk";
  if (s.wide) {
    options.format = "wide";
    options.columns = Object.fromEntries(MILESTONES.map((m) => [m, m]));
  }
  if (s.asOf !== undefined) options.asOf = date(s.asOf);
  if (s.group) options.group = "team";
  if (s.dob) options.dateOfBirth = "dob";
  if (s.episodes) options.episode = "episode";
  return { rows, options };
}

describe("paceTimescales with check", () => {
  it("gives checkCaseRecords' result, also to onProgress before the first stage, and leaves the rows as they were", () => {
    let computed = 0;
    let tried = 0;
    fc.assert(
      fc.property(setArb, (s) => {
        const { rows, options } = build(s);
        const before = JSON.stringify(rows);
        const { unknownMilestones: _u, afterAsOf: _a, negative: _n, ...checkOptions } = options;
        let seen: CaseRecordsCheck | undefined;
        let first = true;
        tried++;
        let result: ReturnType<typeof paceTimescales>;
        try {
          result = paceTimescales(rows, {
            ...options,
            check: s.staleAfter === undefined ? true : { staleAfter: s.staleAfter },
            onProgress: (p) => {
              if (first) seen = p.check;
              else expect(p.check).toBeUndefined();
              first = false;
            },
          });
        } catch {
          return; // records the stages refuse: the check is checkCaseRecords' own call
        }
        computed++;
        const expected = checkCaseRecords(rows, { ...checkOptions, ...(s.staleAfter !== undefined ? { staleAfter: s.staleAfter } : {}) });
        expect(result.check).toEqual(expected);
        expect(JSON.stringify(result.check)).toBe(JSON.stringify(expected));
        if (!s.wide && s.quirk === "twice") expect(expected.counts["duplicate-row"]).toBeGreaterThan(0);
        expect(seen).toBe(result.check);
        expect(JSON.stringify(rows)).toBe(before);
      }),
      { numRuns: runs(300) },
    );
    // Most random sets are read by the stages (the comparison above is not vacuous).
    expect(computed).toBeGreaterThan(tried / 3);
  });

  it("is the same on the clean long fixture, with its issues", () => {
    const rows = parse(readFileSync(new URL("../fixtures/exports/clean-long-iso.csv", import.meta.url), "utf8"), { columns: true }) as Row[];
    const t = paceTimescales(rows, { asOf: "2025-03-31", check: { staleAfter: 30 } });
    expect(t.check).toEqual(checkCaseRecords(rows, { asOf: "2025-03-31", staleAfter: 30 }));
    expect(t.check!.rows).toBe(rows.length);
  });

  it("finds problems the stages accept: a milestone after the extract date, out of order, a stale extract", () => {
    const rows = [
      { child: "A", milestone: "accommodated", date: "2024-01-10" },
      { child: "A", milestone: "permanence-panel", date: "2024-02-01" },
      { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
      { child: "B", milestone: "accommodated", date: "2024-01-05" },
    ];
    const t = paceTimescales(rows, { asOf: "2024-12-31", stages: ["recommendation"], check: true });
    expect(t.check!.issues.map((i) => [i.code, i.child, i.row])).toEqual([
      ["out-of-order", "A", 1],
      ["stale-extract", null, null],
    ]);
    expect(t.check).toEqual(checkCaseRecords(rows, { asOf: "2024-12-31" }));
  });

  it("splitEpisodesAt, which the check does not apply, is a warning of the check (it was taken in silence), both ways", () => {
    const rows = [
      { child: "A", milestone: "looked-after", date: "2023-01-01" },
      { child: "A", milestone: "ceased-looked-after", date: "2023-06-01" },
      { child: "A", milestone: "looked-after", date: "2024-01-01" },
      { child: "A", milestone: "accommodated", date: "2024-01-01" },
    ];
    const options = { asOf: "2024-12-31", splitEpisodesAt: "looked-after" };
    const alone = checkCaseRecords(rows, options);
    expect(alone.warnings).toContain("splitEpisodesAt is not applied by the check: a child's episodes come from the episode field only, so events on both sides of a split are checked as one episode");
    expect(paceTimescales(rows, { ...options, stages: ["recommendation"], check: true }).check).toEqual(alone);
    expect(checkCaseRecords(rows, { asOf: "2024-12-31" }).warnings.some((w) => w.startsWith("splitEpisodesAt"))).toBe(false);
  });

  it("adds no check without the option", () => {
    const rows = [{ child: "A", milestone: "accommodated", date: "2024-01-10" }];
    const progress: unknown[] = [];
    const t = paceTimescales(rows, { asOf: "2024-02-01", stages: ["recommendation"], onProgress: (p) => progress.push(p) });
    expect("check" in t).toBe(false);
    expect(progress[0]).toEqual({ done: 0, total: 1, stage: null });
    expect("check" in paceTimescales(rows, { asOf: "2024-02-01", stages: ["recommendation"], check: false })).toBe(false);
  });

  it("rejects a bad check option by name", () => {
    const rows = [{ child: "A", milestone: "accommodated", date: "2024-01-10" }];
    const call = (check: unknown) => () => paceTimescales(rows, { asOf: "2024-02-01", check: check as never });
    expect(call({ staleAftr: 3 })).toThrow(expect.objectContaining({ code: "unknown-option", path: ["options", "check", "staleAftr"], message: expect.stringContaining('did you mean "staleAfter"') }));
    expect(call({ staleAfter: -1 })).toThrow(expect.objectContaining({ code: "invalid-option", path: ["options", "check", "staleAfter"] }));
    expect(call("yes")).toThrow(expect.objectContaining({ code: "invalid-option", path: ["options", "check"] }));
    expect(() => paceTimescales(rows, { chek: true } as never)).toThrow(expect.objectContaining({ code: "unknown-option", message: expect.stringContaining('did you mean "check"') }));
  });
});

describe("child ids with white space around them (a user trial: the library counted two children, the CLI one)", () => {
  const rows = [
    { child: "C05 ", milestone: "accommodated", date: "01/04/2024" },
    { child: "C05", milestone: "permanence-recommendation", date: "01/05/2024" },
    { child: "\u00a0C06\t", milestone: "accommodated", date: "01/04/2024" },
  ];
  const options = { dates: "uk" as const, asOf: "31/03/2025" };

  it("are read without it, as the CLI reads cells, with a warning naming how many and the first", () => {
    const d = stageDurations(rows, "recommendation", options);
    expect(d.rows.map((r) => [r.child, r.status, r.days])).toEqual([["C05", "reached", 30], ["C06", "open", 364]]);
    expect(d.warnings).toContainEqual({ code: "child-ids-trimmed", message: '2 child ids had white space around them and were read without it (the first: row 0, "C05 ")' });
  });

  it("the check says the same, both ways", () => {
    const alone = checkCaseRecords(rows, options);
    expect(alone.children).toBe(2);
    expect(alone.warnings).toContain('2 child ids had white space around them and were read without it (the first: row 0, "C05 ")');
    expect(paceTimescales(rows, { ...options, stages: ["recommendation"], check: true }).check).toEqual(alone);
  });

  it("an id of white space only is a missing child to the stages too", () => {
    expect(() => stageDurations([{ child: "  ", milestone: "accommodated", date: "01/04/2024" }], "recommendation", options)).toThrow(expect.objectContaining({ code: "missing-child" }));
  });
});

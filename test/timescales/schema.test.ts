import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { eventsJsonSchema, parseEvents, safeParseEvents, wideRowsJsonSchema } from "../../src/timescales/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

describe("case-record schemas", () => {
  it("parses good long rows (extra fields kept)", () => {
    const rows = deepFreeze([{ child: "A", milestone: "accommodated", date: "2024-02-29", authority: "Fife" }, { child: 2, milestone: "looked-after", date: new Date("2024-01-01"), episode: 1 }]);
    expect(parseEvents(rows)).toEqual(rows);
  });
  it("lists every issue with its path", () => {
    const rows = deepFreeze([{ child: "A", milestone: "accommodated", date: "2023-02-29" }, { milestone: "", date: "2024-01-01" }]);
    const err = catchError(() => parseEvents(rows));
    expect(err).toBeInstanceOf(QiError);
    expect(err.code).toBe("invalid-document");
    expect(err.path).toEqual(["events", 0, "date"]);
    expect(err.issues.map((i) => i.path)).toEqual([["events", 0, "date"], ["events", 1, "child"], ["events", 1, "milestone"]]);
    const safe = safeParseEvents(rows);
    expect(safe.success).toBe(false);
    if (!safe.success) expect(safe.error.issues).toHaveLength(3);
  });
  it("wide rows with date columns", () => {
    const rows = deepFreeze([{ child: "A", accommodated: "2024-01-01", rec: "" }, { child: "B", accommodated: "01/01/2024", rec: null }]);
    const r = safeParseEvents(rows, { format: "wide", dateColumns: ["accommodated", "rec"] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path)).toEqual([["events", 1, "accommodated"]]);
    expect(parseEvents([rows[0]!], { format: "wide", dateColumns: ["accommodated", "rec"] })).toHaveLength(1);
  });
  it("exports JSON Schema", () => {
    const s = eventsJsonSchema() as { type: string; items: { required: string[]; properties: { date: { format: string } } } };
    expect(s.type).toBe("array");
    expect(s.items.required).toEqual(["child", "milestone", "date"]);
    expect(s.items.properties.date.format).toBe("date");
    expect((wideRowsJsonSchema() as { type: string }).type).toBe("array");
  });
});

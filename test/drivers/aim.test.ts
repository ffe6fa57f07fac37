import { describe, expect, it } from "vitest";
import { checkAim } from "../../src/drivers/index.js";

describe("checkAim", () => {
  it("passes a SMART aim", () => {
    const r = checkAim({ id: "aim", statement: "…", what: "permanence recommendation within 26 weeks", howMuch: "from 40% to 80%", byWhen: "2026-03-31", forWhom: "children accommodated in Anytown" });
    expect(r.smart).toBe(true);
    expect(r.elements.map((e) => e.ok)).toEqual([true, true, true, true]);
  });

  it("gives specific feedback for each missing or weak element", () => {
    expect(checkAim({ id: "aim", statement: "Do better", what: " ", howMuch: "a lot more", byWhen: "next spring", forWhom: "" })).toEqual({
      smart: false,
      elements: [
        { element: "what", ok: false, feedback: "say what will improve (the process or outcome)" },
        { element: "howMuch", ok: false, feedback: '"a lot more" has no number: say how much (e.g. from 40% to 80%)' },
        { element: "byWhen", ok: false, feedback: '"next spring" is not a date: give one as YYYY-MM-DD' },
        { element: "forWhom", ok: false, feedback: "say for whom (which children, service or area)" },
      ],
    });
    expect(checkAim({ id: "aim", statement: "", byWhen: "2026-02-30" }).elements[2]!.feedback).toBe('"2026-02-30" is not a date: February 2026 has 28 days (give a date as YYYY-MM-DD)');
  });
});

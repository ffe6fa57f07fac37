// tz-independent: strings only.
import { describe, expect, it } from "vitest";
import { markup, renderRunChart, runChart } from "../../src/index.js";

describe("markup", () => {
  it("is a one-part template strings array: [0] and raw[0] are the markup, as a tag reads them", () => {
    const svg = renderRunChart(runChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const m = markup(svg);
    expect(m[0]).toBe(svg);
    expect(m.raw[0]).toBe(svg);
    expect(m.length).toBe(1);
    // A tag that reads the template as a template literal gets the markup back unescaped.
    const tag = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw(strings, ...values);
    expect(tag(m as unknown as TemplateStringsArray)).toBe(svg);
    expect(JSON.stringify(m)).toBe(JSON.stringify([svg]));
    expect(Object.isFrozen(m) && Object.isFrozen(m.raw)).toBe(true);
  });

  it("refuses anything but a string", () => {
    expect(() => markup(3 as never)).toThrow(/markup needs the string/);
  });
});

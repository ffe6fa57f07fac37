import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { QiError, runChart } from "../../src/index.js";

const require = createRequire(import.meta.url);

describe("QiError.is", () => {
  it("recognises errors from this copy", () => {
    let caught: unknown;
    try {
      runChart([]);
    } catch (e) {
      caught = e;
    }
    expect(QiError.is(caught)).toBe(true);
    expect(QiError.is(new TypeError("x"))).toBe(false);
    expect(QiError.is({ name: "QiError", code: "x", path: [] })).toBe(false); // not an Error
    expect(QiError.is(null)).toBe(false);
  });

  it("recognises an error thrown by the CommonJS build, where instanceof fails", () => {
    const cjs = require("../../dist/index.cjs") as typeof import("../../src/index.js");
    let caught: unknown;
    try {
      cjs.runChart([]);
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof QiError).toBe(false);
    expect(QiError.is(caught)).toBe(true);
    expect(cjs.QiError.is(new QiError("empty-data", ["data"], "no rows"))).toBe(true);
  });
});

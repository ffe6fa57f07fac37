import { describe, expect, it } from "vitest";
import { cumulativeIncidence, renderCumulativeIncidence, summariseCumulativeIncidence } from "../../src/index.js";
import { catchError, deepFreeze } from "./_helpers.js";

// 10 children: by 365 days 3 home, 1 permanence order, 1 still waiting at 200 (censored); later 2 adopted.
const rows = deepFreeze([
  { days: 30, route: "home" }, { days: 90, route: "home" }, { days: 200, route: null }, { days: 300, route: "home" },
  { days: 330, route: "permanence-order" }, { days: 500, route: "adoption" }, { days: 600, route: "adoption" },
  { days: 700, route: null }, { days: 800, route: null }, { days: 900, route: null },
]);
const ci = deepFreeze(cumulativeIncidence(rows, { routes: ["home", "permanence-order", "kinship-care-order", "adoption"] }));

describe("summariseCumulativeIncidence", () => {
  it("reads like a team would say it, at 12 months by default (never past the last event)", () => {
    // 30: 1/10 → 0.1; 90: 0.9·1/9 → 0.2; 300: S = 0.8·(7/8)… home 0.2 + 0.8/7 = 0.314…; order 0.686·1/6 = 0.114…
    expect(summariseCumulativeIncidence(ci)).toBe("Of 10 children, by 12 months an estimated 31 % had gone home and 11 % had a permanence order (under 0.5 % by each other route); 57 % were still waiting.");
    expect(summariseCumulativeIncidence(ci, { at: 730, phrases: { adoption: "were adopted" } })).toBe(
      "Of 10 children, by 600 days an estimated 31 % had gone home, 11 % had a permanence order and 23 % were adopted (under 0.5 % by each other route); 34 % were still waiting.",
    );
  });
  it("says the 10 are the children followed, not the children still waiting (user trial 14: \"57 % were still waiting (10 children)\" when 5 were)", () => {
    // At 12 months 5 of the 10 are still followed (500, 600, 700, 800, 900 days); the 57 % is the
    // Aalen–Johansen estimate for all 10 (the child censored at 200 days counted while followed).
    const sentence = summariseCumulativeIncidence(ci);
    expect(sentence.startsWith("Of 10 children, by 12 months an estimated ")).toBe(true);
    expect(sentence).not.toContain("(10 children)");
    expect(sentence.endsWith("; 57 % were still waiting.")).toBe(true);
  });
  it("before the first departure, and with one child (not \"1 children\")", () => {
    expect(summariseCumulativeIncidence(cumulativeIncidence([{ days: 3, route: null }]))).toBe("No child has left by any route yet (1 child).");
    expect(summariseCumulativeIncidence(ci, { at: 10 })).toBe("Of 10 children, by 10 days no child had left by any route; 100 % were still waiting.");
    expect(summariseCumulativeIncidence(cumulativeIncidence([{ days: 3, route: "home" }]))).toBe("Of 1 child, by 3 days an estimated 100 % had gone home; 0 % were still waiting.");
  });
  it("with no children: nothing to estimate, and the chart says so instead of 100 % still waiting", () => {
    const none = cumulativeIncidence([], { routes: ["home"] });
    expect(summariseCumulativeIncidence(none)).toBe("No children to follow: nothing to estimate (0 children).");
    const out = renderCumulativeIncidence(none);
    expect(out).not.toContain('class="layer"');
    expect(out).toContain(">No children to follow</text>");
  });
});

describe("renderCumulativeIncidence", () => {
  const svg = renderCumulativeIncidence(ci, { title: "Routes <out> & \"home\"", subtitle: "Synthetic", id: "ci" });
  it("is accessible: role, title, and the sentence in <desc> and as a caption", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="qi-cumulative-incidence" id="ci"')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="ci-title ci-desc"');
    expect(svg).toContain('<title id="ci-title">Routes &lt;out&gt; &amp; &quot;home&quot;</title>');
    expect(svg).toContain("<desc id=\"ci-desc\">Of 10 children, by 12 months an estimated 31 % had gone home and 11 % had a permanence order");
    expect(svg).toContain('class="caption"');
  });
  it("one stacked layer per route plus still waiting, with a legend at 12 months", () => {
    expect(svg.match(/<path class="layer"/g)).toHaveLength(5);
    expect(svg).toContain("<text x=");
    expect(svg).toContain(">at 12 months<");
    expect(svg).toContain(">57 % still waiting<");
    expect(svg).toContain(">31 % had gone home<");
  });
  it("escapes route names and phrases", () => {
    const hostile = cumulativeIncidence([{ days: 3, route: "<script>" }, { days: 5, route: null }]);
    const out = renderCumulativeIncidence(hostile, { phrases: { "<script>": "went <b>" } });
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<b>");
    expect(out).toContain("went &lt;b&gt;");
  });
  it("the last step has a width: the axis runs past the last event (a user trial saw it drawn with none)", () => {
    // The last event is at 600 days: the axis ends at 624 (4 % more), and the final layers reach it.
    const ends = [...svg.matchAll(/<path class="layer" d="M([^"]+)"/g)].map((m) => Math.max(...m[1]!.split(/[LZ]/).filter(Boolean).map((p) => Number(p.split(",")[0]))));
    const lastStepX = Number(/<line class="at" x1="([\d.]+)"/.exec(renderCumulativeIncidence(ci, { at: 600 }))![1]);
    for (const end of ends) expect(end).toBeGreaterThan(lastStepX + 5);
  });
  it("wraps a long legend phrase onto a second line instead of cutting it", () => {
    const out = renderCumulativeIncidence(cumulativeIncidence([{ days: 3, route: "permanence-order-authority-to-adopt" }, { days: 5, route: null }]));
    expect(out).not.toContain("…");
    expect(out).toMatch(/<tspan x="[\d.]+" dy="0">50 % had a permanence order with<\/tspan><tspan x="[\d.]+" dy="14">authority to adopt<\/tspan>/);
  });
  it("is deterministic", () => {
    expect(renderCumulativeIncidence(ci, { title: "Routes <out> & \"home\"", subtitle: "Synthetic", id: "ci" })).toBe(svg);
  });
  it("given paceTimescales().permanenceRoutes (the wrapper), says to pass its .cumulativeIncidence (user trial 14)", () => {
    const wrapper = { label: "Looked after → permanence", from: "looked-after", notStarted: 0, cumulativeIncidence: ci };
    for (const f of [() => summariseCumulativeIncidence(wrapper as never), () => renderCumulativeIncidence(wrapper as never)]) {
      const e = catchError(f);
      expect([e.code, e.path]).toEqual(["invalid-value", ["result"]]);
      expect(e.message).toBe("expected a cumulativeIncidence result, not paceTimescales().permanenceRoutes ({ label, from, notStarted, cumulativeIncidence }): pass its .cumulativeIncidence (at result)");
    }
    expect(summariseCumulativeIncidence(wrapper.cumulativeIncidence)).toBe(summariseCumulativeIncidence(ci));
  });
  it("rejects what is not a result, and bad options", () => {
    expect(catchError(() => renderCumulativeIncidence({} as never)).path).toEqual(["result"]);
    expect(catchError(() => renderCumulativeIncidence(ci, { at: -1 })).path).toEqual(["options", "at"]);
    expect(catchError(() => renderCumulativeIncidence(ci, { tilte: "x" } as never)).code).toBe("unknown-option");
  });
});

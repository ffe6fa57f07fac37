import { parseIsoDay } from "../_lib/calendar.js";
import { isoDateProblem } from "../_lib/dateText.js";
import { assertAim } from "./guards.js";
import type { Aim } from "./types.js";

/** One element of a SMART aim. */
export type AimElement = "what" | "howMuch" | "byWhen" | "forWhom";

/** The verdict on one element of the aim, with feedback when it is missing or weak. */
export interface AimElementCheck {
  element: AimElement;
  ok: boolean;
  feedback: string;
}

/** The {@link checkAim} result: `smart` when every element is ok. */
export interface AimCheck {
  smart: boolean;
  elements: AimElementCheck[];
}

/**
 * Check an aim is SMART in the IHI sense: it says what will improve, how much (a number), by when
 * (a date) and for whom (IHI, "Science of Improvement: Setting Aims"; Langley et al. 2009, ch. 5).
 *
 * @example
 * checkAim({ id: "aim", statement: "Faster permanence", what: "permanence recommendation within 26 weeks", howMuch: "more", byWhen: "2026-03-31", forWhom: "children accommodated in Anytown" })
 *   .elements[1]
 * //=> { element: "howMuch", ok: false, feedback: "\"more\" has no number: say how much (e.g. from 40% to 80%)" }
 */
export function checkAim(aim: Aim): AimCheck {
  assertAim(aim);
  const elements: AimElementCheck[] = [];
  const what = aim.what?.trim() ?? "";
  elements.push(
    what === ""
      ? { element: "what", ok: false, feedback: "say what will improve (the process or outcome)" }
      : { element: "what", ok: true, feedback: "says what will improve" },
  );
  const much = aim.howMuch?.trim() ?? "";
  elements.push(
    much === ""
      ? { element: "howMuch", ok: false, feedback: "say how much, as a number (e.g. from 40% to 80%)" }
      : /\d/.test(much)
        ? { element: "howMuch", ok: true, feedback: "says how much" }
        : { element: "howMuch", ok: false, feedback: `${quote(much)} has no number: say how much (e.g. from 40% to 80%)` },
  );
  const when = aim.byWhen?.trim() ?? "";
  elements.push(
    when === ""
      ? { element: "byWhen", ok: false, feedback: "say by when, as a date (YYYY-MM-DD)" }
      : Number.isNaN(parseIsoDay(when))
        ? { element: "byWhen", ok: false, feedback: isoDateProblem(when) }
        : { element: "byWhen", ok: true, feedback: "says by when" },
  );
  const whom = aim.forWhom?.trim() ?? "";
  elements.push(
    whom === ""
      ? { element: "forWhom", ok: false, feedback: "say for whom (which children, service or area)" }
      : { element: "forWhom", ok: true, feedback: "says for whom" },
  );
  return { smart: elements.every((e) => e.ok), elements };
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

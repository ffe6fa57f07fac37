/**
 * Milestone catalogues and routes to permanence, one per jurisdiction. A catalogue is plain data:
 * callers extend it (spread and add milestones) or pass their own to every timescales function.
 */

/** One milestone a child's case can reach. */
export interface Milestone {
  /** Identifier used in event rows and stage definitions, e.g. `"permanence-panel"`. */
  id: string;
  /** Short human label. */
  label: string;
  /** What the event is, in a sentence. */
  description: string;
  /**
   * True when the milestone can happen more than once in a looked-after episode (a deferred
   * panel, a re-lodged petition, numbered reviews).
   */
  repeatable: boolean;
  /** Legislation or guidance that defines the milestone, where there is one. */
  source?: string;
  /**
   * True when the milestone ends the looked-after episode (the child ceases to be looked after).
   * A stage whose `to` milestone has not happened when the episode ends is **exited**: censored
   * at the exit date, never open or on the drift list (see {@link stageDurations}).
   */
  endsEpisode?: boolean;
}

/** A route to permanence: the milestones a child on it usually passes and the ones that end it. */
export interface Route {
  id: string;
  label: string;
  /** Typical milestones in order (guidance for analysts and the simulator, not enforced). */
  milestones: readonly string[];
  /** Milestones that mark permanence achieved on this route. */
  ends: readonly string[];
  source?: string;
}

/** A jurisdiction's milestones and routes. */
export interface MilestoneCatalogue {
  jurisdiction: string;
  milestones: readonly Milestone[];
  routes: readonly Route[];
}

/** The order milestones of the Scottish catalogue: any of them is "order granted". */
export const SCOTLAND_ORDER_MILESTONES = [
  "permanence-order",
  "permanence-order-authority-to-adopt",
  "kinship-care-order",
  "adoption-order",
] as const;

const ACSA = "Adoption and Children (Scotland) Act 2007";
const AASR = "Adoption Agencies (Scotland) Regulations 2009 (SSI 2009/154)";

/**
 * Scotland: milestones of the permanence process as recorded for the Scottish Government
 * permanence data set and tracked by the PACE programme (CELCIS 2014–2020).
 *
 * @example
 * SCOTLAND_MILESTONES.milestones.map((m) => m.id).slice(0, 3)
 * //=> ["looked-after", "accommodated", "lac-review"]
 */
export const SCOTLAND_MILESTONES: MilestoneCatalogue = {
  jurisdiction: "Scotland",
  milestones: [
    {
      id: "looked-after",
      label: "Became looked after",
      description: "Start of a looked-after episode (at home on a compulsory supervision order, or away from home).",
      repeatable: false,
      source: "Children (Scotland) Act 1995 s.17(6); Children's Hearings (Scotland) Act 2011 s.83",
    },
    {
      id: "accommodated",
      label: "Accommodated",
      description: "Child starts living away from parents (foster, kinship, residential care). The PACE Aim 2 clock starts here.",
      repeatable: true,
      source: "Children (Scotland) Act 1995 s.25",
    },
    {
      id: "lac-review",
      label: "LAC / child's plan review",
      description: "Looked-after child's review of the child's plan; numbered 1, 2, … within the episode (use `fromOccurrence: n`).",
      repeatable: true,
      source: "Looked After Children (Scotland) Regulations 2009 (SSI 2009/210) Part 8",
    },
    {
      id: "cso-made",
      label: "Compulsory supervision order made",
      description: "A children's hearing makes a compulsory supervision order (at home or away from home). PACE Aim 1 looks at children on a CSO at home: their plan reviewed within two years.",
      repeatable: true,
      source: "Children's Hearings (Scotland) Act 2011 s.83 and s.91; PACE Aim 1 (CELCIS)",
    },
    {
      id: "options-appraisal",
      label: "Options appraisal",
      description: "The LAC review that considers every permanence option and rules rehabilitation home in or out (the PACE 'options appraisal').",
      repeatable: true,
      source: "Looked After Children (Scotland) Regulations 2009 (SSI 2009/210) reg. 45; CELCIS PACE (options appraisal before the permanence recommendation)",
    },
    {
      id: "kinship-assessment",
      label: "Kinship assessment outcome",
      description: "Outcome of the assessment of a relative or friend as a kinship carer (approved or not).",
      repeatable: true,
      source: "Looked After Children (Scotland) Regulations 2009 (SSI 2009/210) reg. 10",
    },
    {
      id: "final-placement",
      label: "Moved to the permanent carers",
      description: "The child moves to the carers who will care for them permanently (the final placement); PACE aims count time to this move.",
      repeatable: false,
      source: "CELCIS PACE aims (e.g. children aged 0–5 in their final placement within 12 months)",
    },
    {
      id: "permanence-recommendation",
      label: "Permanence recommendation",
      description: "A review (options appraisal) recommends the permanence route, including permanence at home.",
      repeatable: true,
      source: "PACE Aim 2 (CELCIS): recommendation within six months of being accommodated",
    },
    {
      id: "permanence-panel",
      label: "Permanence panel",
      description: "The adoption and permanence panel considers the plan and makes a recommendation; repeats when deferred.",
      repeatable: true,
      source: `${AASR} reg. 6`,
    },
    {
      id: "adm-decision",
      label: "ADM decision",
      description: "The agency decision maker decides on the panel's recommendation.",
      repeatable: true,
      source: `${AASR} reg. 13(1): within 14 days of the panel's recommendation`,
    },
    {
      id: "referral-to-reporter",
      label: "Referral to Reporter",
      description: "For a child on a compulsory supervision order, the agency refers the case to the Principal Reporter for an advice hearing.",
      repeatable: true,
      source: `${AASR} reg. 22 and schedule 8`,
    },
    {
      id: "advice-hearing",
      label: "Advice hearing",
      description: "A children's hearing prepares its report (advice) to the court on the proposed order.",
      repeatable: true,
      source: "Children's Hearings (Scotland) Act 2011 s.141",
    },
    {
      id: "petition-lodged",
      label: "Petition lodged",
      description: "Application lodged with the sheriff court (permanence, adoption or kinship care order); repeats when re-lodged.",
      repeatable: true,
    },
    {
      id: "permanence-order",
      label: "Permanence order",
      description: "Permanence order granted, without authority to adopt.",
      repeatable: false,
      source: `${ACSA} s.80`,
    },
    {
      id: "permanence-order-authority-to-adopt",
      label: "Permanence order with authority to adopt",
      description: "Permanence order granted with provision granting authority for the child to be adopted (kept distinct from a plain permanence order).",
      repeatable: false,
      source: `${ACSA} ss.80 and 83`,
    },
    {
      id: "kinship-care-order",
      label: "Kinship care order",
      description: "Order under s.11 of the Children (Scotland) Act 1995 giving a kinship carer the child's residence or guardianship.",
      repeatable: false,
      source: "Children (Scotland) Act 1995 s.11, as amended by the Children and Young People (Scotland) Act 2014 s.72",
      // The child is no longer looked after once the s.11 order is made (CYP(S)A 2014 s.72:
      // kinship care assistance is for a child who "was (but no longer is)" looked after).
      endsEpisode: true,
    },
    {
      id: "adoption-order",
      label: "Adoption order",
      description: "Adoption order granted.",
      repeatable: false,
      source: `${ACSA} s.28`,
      // An adoption order vests parental responsibilities in the adopters: the child ceases to be looked after.
      endsEpisode: true,
    },
    {
      id: "returned-home",
      label: "Returned home",
      description: "Child returns to (or permanence is confirmed with) parents.",
      repeatable: true,
    },
    {
      id: "ceased-looked-after",
      label: "Ceased to be looked after",
      description: "End of the looked-after episode.",
      repeatable: false,
      endsEpisode: true,
    },
  ],
  routes: [
    {
      id: "home",
      label: "Return or remain home",
      milestones: ["looked-after", "accommodated", "lac-review", "permanence-recommendation", "returned-home", "ceased-looked-after"],
      ends: ["returned-home"],
      source: "Scottish Government, Permanence and Care Excellence (PACE): routes to permanence",
    },
    {
      id: "permanence-order",
      label: "Permanence order",
      milestones: [
        "looked-after", "accommodated", "lac-review", "permanence-recommendation", "permanence-panel", "adm-decision",
        "referral-to-reporter", "advice-hearing", "petition-lodged", "permanence-order",
      ],
      ends: ["permanence-order"],
      source: `${ACSA} s.80`,
    },
    {
      id: "permanence-order-authority-to-adopt",
      label: "Permanence order with authority to adopt",
      milestones: [
        "looked-after", "accommodated", "lac-review", "permanence-recommendation", "permanence-panel", "adm-decision",
        "referral-to-reporter", "advice-hearing", "petition-lodged", "permanence-order-authority-to-adopt",
      ],
      ends: ["permanence-order-authority-to-adopt"],
      source: `${ACSA} ss.80 and 83`,
    },
    {
      id: "kinship-care-order",
      label: "Kinship care order",
      milestones: ["looked-after", "accommodated", "lac-review", "permanence-recommendation", "petition-lodged", "kinship-care-order", "ceased-looked-after"],
      ends: ["kinship-care-order"],
      source: "Children (Scotland) Act 1995 s.11; Children and Young People (Scotland) Act 2014 s.72",
    },
    {
      id: "adoption",
      label: "Adoption",
      milestones: [
        "looked-after", "accommodated", "lac-review", "permanence-recommendation", "permanence-panel", "adm-decision",
        "petition-lodged", "adoption-order", "ceased-looked-after",
      ],
      ends: ["adoption-order"],
      source: `${ACSA} s.28`,
    },
  ],
};

/**
 * England: milestones of the looked-after and permanence process (Children Act 1989, Adoption and
 * Children Act 2002; DfE SSDA903 return).
 *
 * @example
 * ENGLAND_MILESTONES.routes.map((r) => r.id)
 * //=> ["reunification", "special-guardianship-order", "child-arrangements-order", "long-term-fostering", "adoption"]
 */
export const ENGLAND_MILESTONES: MilestoneCatalogue = {
  jurisdiction: "England",
  milestones: [
    { id: "looked-after", label: "Started to be looked after", description: "Start of a period of care (s.20 accommodation or a care order).", repeatable: false, source: "Children Act 1989 s.22" },
    { id: "lac-review", label: "Child looked after review", description: "Statutory review of the care plan; numbered within the period of care.", repeatable: true, source: "Care Planning, Placement and Case Review (England) Regulations 2010 reg. 33" },
    { id: "care-proceedings-issued", label: "Care proceedings issued", description: "Application for a care or supervision order issued.", repeatable: true, source: "Children Act 1989 s.31; s.32(1)(a) 26-week time limit (Children and Families Act 2014 s.14)" },
    { id: "permanence-plan", label: "Permanence plan agreed", description: "Permanence plan agreed at the second review.", repeatable: true, source: "Children Act 1989 Guidance and Regulations vol. 2 (2021) ch. 2" },
    { id: "care-order", label: "Care order", description: "Final care order made.", repeatable: false, source: "Children Act 1989 s.31" },
    { id: "adm-decision", label: "ADM should-be-placed decision", description: "Agency decision maker decides the child should be placed for adoption.", repeatable: true, source: "Adoption Agencies Regulations 2005 (SI 2005/389) reg. 19" },
    {
      id: "foster-for-adoption",
      label: "Placed with the foster carers who adopt",
      description:
        "The child moves in with foster carers who go on to adopt them: a fostering-for-adoption (early permanence) placement with approved prospective adopters, or a foster placement that becomes the adoptive one. The adoption scorecard's A10 stops its clock here (adoption route).",
      repeatable: false,
      source: "Children Act 1989 s.22C(9A)–(9B), inserted by Children and Families Act 2014 s.2 (fostering for adoption); DfE Adoption Scorecards methodology and guidance (March 2019), indicator A10",
    },
    { id: "placement-order", label: "Placement order", description: "Court authorises placement for adoption.", repeatable: false, source: "Adoption and Children Act 2002 s.21" },
    { id: "matched", label: "Matched with adopters", description: "Agency decision that the child be placed with particular adopters.", repeatable: true, source: "Adoption Agencies Regulations 2005 reg. 33" },
    { id: "placed-for-adoption", label: "Placed for adoption", description: "Child moves in with prospective adopters.", repeatable: true },
    { id: "adoption-order", label: "Adoption order", description: "Adoption order granted.", repeatable: false, source: "Adoption and Children Act 2002 s.46", endsEpisode: true },
    { id: "special-guardianship-order", label: "Special guardianship order", description: "SGO granted.", repeatable: false, source: "Children Act 1989 s.14A; the care order is discharged (s.91(5A))", endsEpisode: true },
    { id: "child-arrangements-order", label: "Child arrangements order", description: "Order regulating with whom the child lives.", repeatable: false, source: "Children Act 1989 s.8; a residence-type order discharges the care order (s.91(1))", endsEpisode: true },
    { id: "long-term-fostering", label: "Long-term foster placement", description: "Placement confirmed as the child's long-term foster placement.", repeatable: false, source: "Care Planning, Placement and Case Review (England) Regulations 2010 reg. 22C" },
    { id: "returned-home", label: "Returned home", description: "Child returns to parents (reunification).", repeatable: true },
    { id: "ceased-looked-after", label: "Ceased to be looked after", description: "End of the period of care.", repeatable: false, endsEpisode: true },
  ],
  routes: [
    { id: "reunification", label: "Reunification", milestones: ["looked-after", "lac-review", "permanence-plan", "returned-home", "ceased-looked-after"], ends: ["returned-home"] },
    { id: "special-guardianship-order", label: "Special guardianship order", milestones: ["looked-after", "care-proceedings-issued", "permanence-plan", "special-guardianship-order", "ceased-looked-after"], ends: ["special-guardianship-order"], source: "Children Act 1989 s.14A" },
    { id: "child-arrangements-order", label: "Child arrangements order", milestones: ["looked-after", "care-proceedings-issued", "permanence-plan", "child-arrangements-order", "ceased-looked-after"], ends: ["child-arrangements-order"], source: "Children Act 1989 s.8" },
    { id: "long-term-fostering", label: "Long-term fostering", milestones: ["looked-after", "care-proceedings-issued", "care-order", "permanence-plan", "long-term-fostering"], ends: ["long-term-fostering"] },
    { id: "adoption", label: "Adoption", milestones: ["looked-after", "care-proceedings-issued", "permanence-plan", "adm-decision", "placement-order", "matched", "placed-for-adoption", "adoption-order", "ceased-looked-after"], ends: ["adoption-order"], source: "Adoption and Children Act 2002" },
  ],
};

/** The routes of {@link SCOTLAND_MILESTONES}. */
export const SCOTLAND_ROUTES: readonly Route[] = SCOTLAND_MILESTONES.routes;
/** The routes of {@link ENGLAND_MILESTONES}. */
export const ENGLAND_ROUTES: readonly Route[] = ENGLAND_MILESTONES.routes;

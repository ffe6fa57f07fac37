/**
 * Recognising what people write: milestone names and column headers of case-tracking exports
 * ("Date Accommodated", "Perm Rec Date", "LAAC Review", "ADM", "s.11") matched to catalogue ids,
 * the same forgiving way everywhere (case, spaces, punctuation, underscores, camelCase and the
 * words "date"/"of"/"the" ignored), never guessing between two milestones.
 */
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, nearestName } from "../_lib/options.js";
import { catalogueNames } from "./_caseRecords.js";
import { SCOTLAND_MILESTONES, type MilestoneCatalogue } from "./catalogue.js";

// Words that say nothing about which milestone a header holds.
const NOISE = new Set(["date", "dt", "of", "the", "on", "actual", "first", "1st", "initial", "dd", "mm", "yyyy", "ddmmyyyy"]);

function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/**
 * The compact key a name is matched by: lower case, no punctuation or spaces, without the words
 * "date", "of", "the", "on", "actual", "first"/"1st", "initial" (`"Date of Perm Rec"` → `"permrec"`,
 * `permanence_recommendation` → `"permanencerecommendation"`, `"s.11"` → `"s11"`).
 *
 * @example
 * headerKey("Date of Permanence Recommendation") //=> "permanencerecommendation"
 * headerKey("permanence_recommendation") //=> "permanencerecommendation"
 */
export function headerKey(text: string): string {
  if (typeof text !== "string") throw new QiError("invalid-value", ["text"], `text must be a string, not ${describeValue(text)}`);
  return words(text).filter((w) => !NOISE.has(w)).join("");
}

/** The key without dropping noise words (for "Date", "Event date", "Date of birth"). */
function plainKey(text: string): string {
  return words(text).join("");
}

/**
 * Common ways of writing each milestone in Scottish and English trackers, as {@link headerKey}
 * keys (the id and the catalogue label are always recognised too). Ids a catalogue does not
 * have are never matched.
 */
export const MILESTONE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "looked-after": ["lookedafter", "becamelookedafter", "startedlookedafter", "startlookedafter", "lac", "laac", "lacstart", "laacstart", "startlac", "episodestart", "startepisode", "lookedafterstart"],
  accommodated: ["accommodated", "accommodation", "accom", "accomm", "becameaccommodated", "startedaccommodated", "accommodatedstart", "accommodationstart", "startaccommodation", "enteredcare", "admittedcare"],
  "lac-review": ["lacreview", "laacreview", "lookedafterreview", "lookedafterchildreview", "lookedafterchildrenreview", "lookedafterchildrensreview", "childsplanreview", "childplanreview", "review", "lacrev", "laacrev", "cpreview"],
  "permanence-recommendation": ["permanencerecommendation", "permrec", "permanencerec", "permrecommendation", "recommendation", "permanencerecommended", "recommendationpermanence"],
  "permanence-panel": ["permanencepanel", "panel", "permpanel", "adoptionpanel", "adoptionandpermanencepanel", "appanel", "fosteringandpermanencepanel", "panelrecommendation"],
  "adm-decision": ["admdecision", "adm", "agencydecisionmaker", "agencydecisionmakerdecision", "agencydecision", "decisionmaker", "admdecisionmade"],
  "referral-to-reporter": ["referraltoreporter", "reporterreferral", "referralreporter", "referredtoreporter", "reporter", "scrareferral"],
  "advice-hearing": ["advicehearing", "hearingadvice", "childrenshearingadvice", "advice"],
  "petition-lodged": ["petitionlodged", "petition", "lodged", "petitionlodgedcourt", "courtpetition", "applicationlodged", "petitionsubmitted"],
  "permanence-order": ["permanenceorder", "po", "permorder", "pogranted", "permanenceordergranted", "pomade"],
  "permanence-order-authority-to-adopt": [
    "poa", "poata", "powithata", "powata", "poauthoritytoadopt", "powithauthoritytoadopt", "permanenceorderauthoritytoadopt",
    "permanenceorderwithauthoritytoadopt", "permorderata", "poagranted", "permanenceorderwithauthoritytoadoptgranted",
  ],
  "kinship-care-order": ["kinshipcareorder", "kco", "s11", "s11order", "section11", "section11order", "kinshiporder", "kcogranted", "s11kco"],
  "adoption-order": ["adoptionorder", "adoption", "adopted", "adoptionordergranted", "adoptiongranted", "adoptionordermade"],
  "returned-home": ["returnedhome", "returnhome", "returnedtoparents", "reunified", "reunification", "rehabilitatedhome", "home"],
  "ceased-looked-after": ["ceasedlookedafter", "ceasedtobelookedafter", "ceased", "ceasedlac", "ceasedlaac", "lacend", "laacend", "endlookedafter", "episodeend", "endepisode", "discharged", "lookedafterend"],
  // Milestones other catalogues (or later versions of the Scottish one) may have.
  "cso-made": ["csomade", "cso", "compulsorysupervisionorder", "csogranted", "compulsorysupervisionordermade"],
  "options-appraisal": ["optionsappraisal", "optionappraisal", "permanenceoptionsappraisal"],
  "kinship-assessment": ["kinshipassessment", "kinshipcarerassessment", "kinshipassess", "kinshipassessmentcompleted"],
  "final-placement": ["finalplacement", "permanentplacement", "permanenceplacement", "placedpermanently", "finalplacementstart"],
  "care-proceedings-issued": ["careproceedingsissued", "careproceedings", "proceedingsissued", "issued"],
  "permanence-plan": ["permanenceplan", "permplan", "permanenceplanagreed"],
  "care-order": ["careorder", "finalcareorder", "fco"],
  "placement-order": ["placementorder"],
  matched: ["matched", "matching", "matchedwithadopters", "matchingpanel"],
  "placed-for-adoption": ["placedforadoption", "adoptiveplacement", "placedwithadopters"],
  "special-guardianship-order": ["specialguardianshiporder", "sgo", "specialguardianship"],
  "child-arrangements-order": ["childarrangementsorder", "cao"],
  "long-term-fostering": ["longtermfostering", "ltf", "longtermfosterplacement", "longtermfosteringplacement"],
};

/** Headers of an order column whose type (adoption, PO, POA, KCO) is in another column. */
const ORDER_KEYS = new Set(["order", "ordergranted", "ordermade", "courtorder", "finalorder", "permanenceorderorders11", "ordergrantedcourt", "legalorder"]);

/** Values of an order-type column → milestone id. */
const ORDER_TYPES: Readonly<Record<string, readonly string[]>> = {
  "adoption-order": ["adoption", "adoptionorder", "ao", "adopted"],
  "permanence-order": ["po", "permanenceorder", "permorder", "powithoutata", "powithoutauthoritytoadopt"],
  "permanence-order-authority-to-adopt": ["poa", "poata", "powithata", "powata", "permanenceorderwithauthoritytoadopt", "permanenceorderauthoritytoadopt", "powithauthoritytoadopt", "poauthoritytoadopt"],
  "kinship-care-order": ["kco", "kinshipcareorder", "s11", "section11", "s11order", "kinship", "residenceorder"],
  "special-guardianship-order": ["sgo", "specialguardianshiporder"],
  "child-arrangements-order": ["cao", "childarrangementsorder"],
  "care-order": ["careorder", "co"],
  "placement-order": ["placementorder"],
};

const CHILD_KEYS: readonly (readonly string[])[] = [
  ["child", "childid", "childref", "childreference", "childno", "childnumber", "childidentifier", "childcode"],
  ["personid", "personref", "personreference", "clientid", "clientref", "caseid", "caseref", "casereference", "caseno", "casenumber", "lcsid", "mosaicid", "swiftid", "carefirstid", "chi", "chinumber"],
  ["id", "ref", "reference", "identifier"],
];
const EPISODE_KEYS = new Set(["episode", "episodeno", "episodenumber", "episodeid", "episoderef", "lacepisode", "laacepisode", "periodofcare", "periodofcareno", "episodeseq"]);
const DOB_KEYS = new Set(["dob", "dateofbirth", "birthdate", "datebirth", "born", "birth"]);
const LONG_MILESTONE_KEYS = new Set(["milestone", "event", "eventtype", "milestonetype", "milestonename", "eventname", "activity", "activitytype"]);
const LONG_DATE_KEYS = new Set(["date", "eventdate", "dateofevent", "milestonedate", "dateofmilestone", "activitydate", "dateofactivity"]);

/** @internal A lookup from compact key to the milestone indices it may mean. */
export interface MilestoneLookup {
  names: readonly string[];
  /** key → milestone indices (one for a clear name; several for an ambiguous one). */
  byKey: ReadonlyMap<string, readonly number[]>;
  /** The indices of the catalogue's order milestones (for an order column with a type column). */
  orders: readonly number[];
}

/** @internal Build the lookup for a catalogue's milestone ids. */
export function milestoneLookup(names: readonly string[], labels: readonly (string | undefined)[] = []): MilestoneLookup {
  const byKey = new Map<string, number[]>();
  const add = (key: string, k: number): void => {
    if (key === "") return;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [k]);
    else if (!list.includes(k)) list.push(k);
  };
  names.forEach((id, k) => {
    add(headerKey(id), k);
    add(plainKey(id), k);
    const label = labels[k];
    if (label !== undefined) add(headerKey(label), k);
    for (const alias of Object.prototype.hasOwnProperty.call(MILESTONE_ALIASES, id) ? MILESTONE_ALIASES[id]! : []) add(alias, k);
  });
  // An id's own key wins over another milestone's alias (e.g. an id "panel" in a custom catalogue).
  names.forEach((id, k) => {
    const own = headerKey(id);
    if (own !== "" && (byKey.get(own)?.length ?? 0) > 1) byKey.set(own, [k]);
  });
  const orders: number[] = [];
  names.forEach((id, k) => {
    if (Object.prototype.hasOwnProperty.call(ORDER_TYPES, id)) orders.push(k);
  });
  return { names, byKey, orders };
}

/**
 * @internal A cached matcher from a written milestone name to its index in `names`: the exact id
 * first, then the forgiving key. Undefined when the name is unknown or could be two milestones.
 */
export function milestoneMatcher(names: readonly string[], labels?: readonly (string | undefined)[]): (name: unknown) => number | undefined {
  const exact = exactNames(names);
  let lookup: MilestoneLookup | undefined;
  const cache = new Map<string, number | undefined>();
  return (name) => {
    if (typeof name !== "string") return undefined;
    const k = exact(name);
    if (k !== undefined) return k;
    if (cache.has(name)) return cache.get(name);
    lookup ??= milestoneLookup(names, labels);
    const hits = lookup.byKey.get(headerKey(name)) ?? lookup.byKey.get(plainKey(name));
    const found = hits !== undefined && hits.length === 1 ? hits[0] : undefined;
    if (cache.size < 10_000) cache.set(name, found);
    return found;
  };
}

/**
 * The index of a name written exactly as in the catalogue (a repeated name: its last index), found
 * by comparing it with the names of its length: no hash of each row's text, as a Map needs (the
 * milestone column of a long file is read once a row: 862,124 rows, 67 → ~20 ms).
 */
function exactNames(names: readonly string[]): (name: string) => number | undefined {
  const byLength: { names: string[]; ks: number[] }[] = [];
  names.forEach((n, k) => {
    const b = (byLength[n.length] ??= { names: [], ks: [] });
    const j = b.names.indexOf(n);
    if (j >= 0) b.ks[j] = k;
    else {
      b.names.push(n);
      b.ks.push(k);
    }
  });
  return (name) => {
    const b = byLength[name.length];
    if (b !== undefined) for (let j = 0; j < b.names.length; j++) if (b.names[j] === name) return b.ks[j];
    return undefined;
  };
}

function labelsOf(catalogue: MilestoneCatalogue | readonly string[] | undefined): (string | undefined)[] {
  if (catalogue === null || typeof catalogue !== "object" || Array.isArray(catalogue)) return [];
  const ms: unknown = (catalogue as MilestoneCatalogue).milestones;
  if (!Array.isArray(ms)) return [];
  return ms.map((m: unknown) => {
    const label = m !== null && typeof m === "object" ? (m as { label?: unknown }).label : undefined;
    return typeof label === "string" ? label : undefined;
  });
}

/** Per milestone: false when the catalogue says it happens once an episode (`repeatable: false`). */
function repeatableOf(catalogue: MilestoneCatalogue | readonly string[] | undefined, n: number): boolean[] {
  const cat: unknown = catalogue ?? SCOTLAND_MILESTONES;
  const ms: unknown = cat !== null && typeof cat === "object" && !Array.isArray(cat) ? (cat as MilestoneCatalogue).milestones : undefined;
  return Array.from({ length: n }, (_, k) => {
    const m: unknown = Array.isArray(ms) ? ms[k] : undefined;
    return m === null || typeof m !== "object" || (m as { repeatable?: unknown }).repeatable !== false;
  });
}

/**
 * A numbered header ("LAC Review 2", "LAAC Review 3", "2nd LAC review"): its key without the
 * number, and the number; null when it has none.
 */
function numbered(key: string): { base: string; n: number } | null {
  const m = /^(.*[a-z])(\d{1,2})$/.exec(key) ?? null;
  if (m !== null) return { base: m[1]!, n: Number(m[2]) };
  const o = /^(\d{1,2})(?:st|nd|rd|th)([a-z].*)$/.exec(key);
  if (o !== null) return { base: o[2]!, n: Number(o[1]) };
  const w = /^(second|third|fourth|fifth|sixth)([a-z].*)$/.exec(key);
  if (w !== null) return { base: w[2]!, n: ["second", "third", "fourth", "fifth", "sixth"].indexOf(w[1]!) + 2 };
  return null;
}

/**
 * The catalogue milestone id a written name means, or null when it is unknown or could be two
 * milestones. Case, spaces, punctuation, underscores, camelCase and "date"/"of" are ignored;
 * common abbreviations are known (perm rec, LAAC review, ADM, PO, POA, KCO, s.11, CSO…).
 *
 * @example
 * matchMilestone("permanence_recommendation") //=> "permanence-recommendation"
 * matchMilestone("Perm Rec Date") //=> "permanence-recommendation"
 * matchMilestone("s.11") //=> "kinship-care-order"
 * matchMilestone("Reason ceased") //=> null
 */
export function matchMilestone(name: string, options: { catalogue?: MilestoneCatalogue | readonly string[] } = {}): string | null {
  if (options === null || typeof options !== "object") throw new QiError("invalid-option", ["options"], `options must be an object, not ${describeValue(options)}`);
  if (typeof name !== "string") return null;
  const { names } = catalogueNames(options.catalogue);
  const k = milestoneMatcher(names, labelsOf(options.catalogue))(name);
  return k === undefined ? null : names[k]!;
}

/**
 * The order milestone an order-type value means ("Adoption", "PO", "POA", "KCO", "s11"), or
 * null.
 *
 * @example
 * matchOrderType("POA") //=> "permanence-order-authority-to-adopt"
 * matchOrderType("s.11") //=> "kinship-care-order"
 */
export function matchOrderType(value: string): string | null {
  if (typeof value !== "string") return null;
  // "Adoption order granted", "PO made": the order's status says nothing about its type.
  const key = words(value).filter((w) => !NOISE.has(w) && !ORDER_STATUS.has(w)).join("");
  for (const [id, keys] of Object.entries(ORDER_TYPES)) if (keys.includes(key)) return id;
  // Two names of one order together ("s.11 kinship care order", "Kinship Care Order (s11)"): the
  // key is one name of it with another (or nothing) left over. Names of two orders match nothing.
  let found: string | null = null;
  for (const [id, keys] of Object.entries(ORDER_TYPES)) {
    const hit = keys.some((k) => k.length >= 3 && key.includes(k) && keys.includes(key.replace(k, "")));
    if (!hit) continue;
    if (found !== null) return null;
    found = id;
  }
  return found;
}

/** Words of an order-type value that give its status, not its type. */
const ORDER_STATUS = new Set(["granted", "made", "awarded", "obtained"]);

/** The {@link recogniseColumns} options: anything given wins over recognition. */
export interface RecogniseColumnsOptions {
  /** Milestone catalogue. Default: Scotland's. */
  catalogue?: MilestoneCatalogue | readonly string[];
  /** `"long"` or `"wide"`; default: detected from the headers. */
  format?: "long" | "wide";
  /** The child-id column (default: found by its usual names). */
  child?: string;
  /** The episode column (default: found by its usual names, if any). */
  episode?: string;
  /** Long: the milestone-name and date columns. */
  milestone?: string;
  date?: string;
  /** Wide: milestone id (matched forgivingly) → column, for headers that are not recognised. */
  columns?: Readonly<Record<string, string>>;
  /** The column holding each order's type (adoption, PO, POA, KCO, s11) for a generic order column. */
  orderType?: string;
  /** Columns used for something else (a group): listed as such, never as milestones. */
  other?: readonly string[];
}

/** What each column of an export was taken to hold. */
export interface ColumnMapping {
  format: "long" | "wide";
  child: string;
  episode: string | null;
  /** A date-of-birth column, if there is one (read by the checks). */
  dateOfBirth: string | null;
  /** Long: the milestone-name and date columns (null for wide). */
  milestone: string | null;
  date: string | null;
  /** Wide: milestone id → column. */
  columns: Record<string, string>;
  /**
   * Wide: further columns of a milestone that recurs ("LAC Review 2", "LAC Review 3" after
   * "LAC Review"), in number order; `{}` when there are none.
   */
  repeats: Record<string, string[]>;
  /** Wide: an order column whose milestone comes from `orderType`'s value on each row. */
  orderColumn: string | null;
  orderType: string | null;
  /** Columns not read, each with the reason. */
  ignored: { column: string; reason: string }[];
}

function error(code: ConstructorParameters<typeof QiError>[0], message: string, path: (string | number)[] = ["header"]): QiError {
  return new QiError(code, path, message);
}

function findChild(header: readonly string[], taken: ReadonlySet<string>): string {
  for (const tier of CHILD_KEYS) {
    const hits = header.filter((h) => !taken.has(h) && tier.includes(plainKey(h)));
    if (hits.length > 1) throw error("ambiguous-column", `columns ${hits.map((h) => describeValue(h)).join(" and ")} could both be the child id: name one with the child option`);
    if (hits.length === 1) return hits[0]!;
  }
  throw error("missing-column", `no child-id column (looked for "Child ID", "Child ref", "Person ID", "Case ID", "ID"…; columns: ${header.map((h) => describeValue(h)).join(", ")}): name it with the child option`);
}

function pickOne(header: readonly string[], keys: ReadonlySet<string>, taken: ReadonlySet<string>, what: string): string | null {
  const hits = header.filter((h) => !taken.has(h) && keys.has(plainKey(h)));
  if (hits.length > 1) throw error("ambiguous-column", `columns ${hits.map((h) => describeValue(h)).join(" and ")} could both be the ${what} column: name one`);
  return hits[0] ?? null;
}

/** A column given by name must be in the header ("did you mean" the nearest header); `path`: the option that named it. */
function mustHave(header: readonly string[], column: string, what: string, path: (string | number)[] = ["options", what]): string {
  if (!header.includes(column)) {
    const near = header.find((h) => h.trim() === column.trim() || headerKey(h) === headerKey(column)) ?? nearestName(column, header);
    throw error("missing-column", `no column ${describeValue(column)} (given as ${what})${near === undefined ? "; columns" : `: did you mean ${describeValue(near)}? Columns`}: ${header.map((h) => describeValue(h)).join(", ")}`, path);
  }
  return column;
}

/**
 * Recognise the columns of a case-tracking export from its header: the child id, an episode and
 * date-of-birth column, and either (long) the milestone-name and date columns or (wide) a date
 * column per milestone, headers written as people write them ("Date Accommodated", "Perm Rec
 * Date", "LAAC Review", "ADM", "Petition", "PO", "POA", "KCO", "s.11"). Long vs wide is told from
 * the headers. Every column not read is listed with the reason. Two columns for one milestone,
 * or a header that could be two milestones, is a QiError (`ambiguous-column`) naming both, never
 * a silent choice.
 *
 * @example
 * const m = recogniseColumns(["Child ID", "Team", "Date Accommodated", "Perm Rec Date", "ADM"]);
 * m.format //=> "wide"
 * m.columns //=> { accommodated: "Date Accommodated", "permanence-recommendation": "Perm Rec Date", "adm-decision": "ADM" }
 * m.ignored //=> [{ column: "Team", reason: "not a milestone, child, episode or date-of-birth column" }]
 */
export function recogniseColumns(header: readonly string[], options: RecogniseColumnsOptions = {}): ColumnMapping {
  if (!Array.isArray(header) || !header.every((h) => typeof h === "string")) throw new QiError("invalid-value", ["header"], `header must be an array of column names, not ${describeValue(header)}`);
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new QiError("invalid-option", ["options"], `options must be an object, not ${describeValue(options)}`);
  checkRecogniseOptions(options);
  const { names } = catalogueNames(options.catalogue);
  const lookup = milestoneLookup(names, labelsOf(options.catalogue));
  const match = milestoneMatcher(names, labelsOf(options.catalogue));
  const taken = new Set<string>(options.other ?? []);
  const child = options.child !== undefined ? mustHave(header, options.child, "child") : findChild(header, taken);
  taken.add(child);
  const episode = options.episode !== undefined ? mustHave(header, options.episode, "episode") : pickOne(header, EPISODE_KEYS, taken, "episode");
  if (episode !== null) taken.add(episode);
  const dob = pickOne(header, DOB_KEYS, taken, "date-of-birth");
  if (dob !== null) taken.add(dob);
  const orderType = options.orderType !== undefined ? mustHave(header, options.orderType, "orderType") : null;
  if (orderType !== null) taken.add(orderType);

  const wide = wideColumns(header, taken, options, lookup, match, repeatableOf(options.catalogue, names.length));
  const longMs = options.milestone !== undefined ? mustHave(header, options.milestone, "milestone") : pickOne(header, LONG_MILESTONE_KEYS, taken, "milestone-name");
  const longDate = options.date !== undefined ? mustHave(header, options.date, "date") : pickOne(header, LONG_DATE_KEYS, taken, "event-date");
  const format = options.format ?? detectFormat(header, wide.count, longMs, longDate);
  const ignored: { column: string; reason: string }[] = [];
  const mapping: ColumnMapping = { format, child, episode, dateOfBirth: dob, milestone: null, date: null, columns: {}, repeats: {}, orderColumn: null, orderType: null, ignored };
  if (format === "long") {
    if (longMs === null || longDate === null) throw error("missing-column", `long format needs a milestone-name column and a date column (looked for "Milestone"/"Event" and "Date"/"Event date"): name them with the milestone and date options`);
    mapping.milestone = longMs;
    mapping.date = longDate;
    taken.add(longMs).add(longDate);
  } else {
    mapping.columns = wide.columns;
    mapping.repeats = wide.repeats;
    for (const list of Object.values(wide.repeats)) for (const c of list) taken.add(c);
    mapping.orderColumn = wide.orderColumn;
    mapping.orderType = wide.orderColumn !== null ? orderType : null;
    for (const c of Object.values(wide.columns)) taken.add(c);
    if (wide.orderColumn !== null) taken.add(wide.orderColumn);
    for (const x of wide.ignored) ignored.push(x);
  }
  if (orderType !== null && mapping.orderColumn === null) throw error("missing-column", `orderType ${describeValue(orderType)} is given but no column holds order dates (a header such as "Order Granted" or "Order date")`, ["options", "orderType"]);
  const other = options.other ?? [];
  for (const h of header) {
    if (other.includes(h)) ignored.push({ column: h, reason: "used as the group" });
    else if (!taken.has(h) && !ignored.some((x) => x.column === h)) ignored.push({ column: h, reason: h.trim() === "" ? "blank header" : "not a milestone, child, episode or date-of-birth column" });
  }
  return mapping;
}

/** The {@link recogniseColumns} option keys. */
const RECOGNISE_KEYS: readonly string[] = ["catalogue", "format", "child", "episode", "milestone", "date", "columns", "orderType", "other"];

function checkRecogniseOptions(o: RecogniseColumnsOptions): void {
  checkKeys(o, RECOGNISE_KEYS, ["options"], "recogniseColumns option");
  for (const k of ["child", "episode", "milestone", "date", "orderType"] as const) {
    const v: unknown = o[k];
    if (v !== undefined && typeof v !== "string") throw new QiError("invalid-option", ["options", k], `${k} must be a column name, not ${describeValue(v)}`);
  }
  if (o.format !== undefined && o.format !== "long" && o.format !== "wide") throw new QiError("invalid-option", ["options", "format"], `format must be "long" or "wide", not ${describeValue(o.format)}`);
  const other: unknown = o.other;
  if (other !== undefined && (!Array.isArray(other) || !other.every((x) => typeof x === "string"))) throw new QiError("invalid-option", ["options", "other"], `other must be an array of column names, not ${describeValue(other)}`);
  const cols: unknown = o.columns;
  if (cols !== undefined) {
    if (cols === null || typeof cols !== "object" || Array.isArray(cols)) throw new QiError("invalid-option", ["options", "columns"], `columns must map milestone ids to column names, not ${describeValue(cols)}`);
    for (const [id, c] of Object.entries(cols)) if (typeof c !== "string") throw new QiError("invalid-option", ["options", "columns", id], `columns.${id} must be a column name, not ${describeValue(c)}`);
  }
}

function detectFormat(header: readonly string[], wideCount: number, longMs: string | null, longDate: string | null): "long" | "wide" {
  const long = longMs !== null && longDate !== null;
  if (long && wideCount === 0) return "long";
  if (wideCount > 0 && !long) return "wide";
  if (long && wideCount > 0) throw error("ambiguous-format", `the headers look both long (columns ${describeValue(longMs)} and ${describeValue(longDate)}) and wide (${wideCount} milestone columns): say which with format: "long" or "wide"`);
  throw error("unrecognised-format", `cannot tell the layout from the headers (${header.map((h) => describeValue(h)).join(", ")}): no milestone date columns (wide) and no milestone-name + date columns (long). Name the columns: wide, with the columns option (milestone id → column); long, with the milestone and date options`);
}

interface WideColumns {
  columns: Record<string, string>;
  repeats: Record<string, string[]>;
  orderColumn: string | null;
  ignored: { column: string; reason: string }[];
  count: number;
}

/** Wide: explicit columns first, then each remaining header recognised. */
function wideColumns(header: readonly string[], taken: ReadonlySet<string>, options: RecogniseColumnsOptions, lookup: MilestoneLookup, match: (n: unknown) => number | undefined, repeatable: readonly boolean[]): WideColumns {
  const names = lookup.names;
  const columns: Record<string, string> = {};
  const ignored: { column: string; reason: string }[] = [];
  const explicit = new Set<string>();
  for (const [id, col] of Object.entries(options.columns ?? {})) {
    const k = match(id);
    if (k === undefined) throw new QiError("unknown-milestone", ["options", "columns", id], `unknown milestone ${describeValue(id)}; known milestones: ${names.join(", ")}`);
    const name = names[k]!;
    if (columns[name] !== undefined) throw new QiError("ambiguous-column", ["options", "columns", id], `two columns are given for ${name}: ${describeValue(columns[name])} and ${describeValue(col)}`);
    columns[name] = mustHave(header, col, `columns.${id}`, ["options", "columns", id]);
    explicit.add(col);
  }
  const found = new Map<string, string>(); // milestone → column recognised
  const numberedCols = new Map<string, { column: string; n: number }[]>(); // "LAC Review 2", "LAC Review 3"
  let orderColumn: string | null = null;
  let count = Object.keys(columns).length;
  for (const h of header) {
    if (taken.has(h) || explicit.has(h)) continue;
    const key = headerKey(h);
    if (ORDER_KEYS.has(key) && lookup.orders.length > 0) {
      if (options.orderType === undefined) {
        throw error("ambiguous-column", `column ${describeValue(h)} could be any of ${lookup.orders.map((k) => names[k]).join(", ")}: name the column that holds each order's type with orderType, or map it with columns: { MILESTONE: ${describeValue(h)} }`);
      }
      if (orderColumn !== null) throw error("ambiguous-column", `columns ${describeValue(orderColumn)} and ${describeValue(h)} both look like the order column`);
      orderColumn = h;
      count++;
      continue;
    }
    let hits = lookup.byKey.get(key);
    const num = hits === undefined ? numbered(key) : null;
    if (num !== null) hits = lookup.byKey.get(num.base);
    if (hits === undefined) continue;
    if (hits.length > 1) throw error("ambiguous-column", `column ${describeValue(h)} could be ${hits.map((k) => names[k]).join(" or ")}: map it with columns: { MILESTONE: ${describeValue(h)} }`);
    const id = names[hits[0]!]!;
    if (num !== null) {
      if (!repeatable[hits[0]!]) {
        ignored.push({ column: h, reason: `a numbered ${id} column, but ${id} happens once an episode: not read (map it with the columns option if it holds another milestone)` });
        continue;
      }
      let list = numberedCols.get(id);
      if (list === undefined) numberedCols.set(id, (list = []));
      if (list.some((x) => x.n === num.n)) throw error("ambiguous-column", `columns ${describeValue(list.find((x) => x.n === num.n)!.column)} and ${describeValue(h)} are both ${id} number ${num.n}`);
      list.push({ column: h, n: num.n });
      count++;
      continue;
    }
    if (columns[id] !== undefined) {
      ignored.push({ column: h, reason: `${id} is read from ${describeValue(columns[id])} (given)` });
      continue;
    }
    const before = found.get(id);
    if (before !== undefined) throw error("ambiguous-column", `columns ${describeValue(before)} and ${describeValue(h)} both look like ${id}: map the right one with columns: { ${describeValue(id)}: COLUMN }`);
    found.set(id, h);
    count++;
  }
  for (const [id, col] of found) columns[id] = col;
  const repeats = repeatColumns(numberedCols, columns);
  // Catalogue order, for a stable mapping.
  const ordered: Record<string, string> = {};
  for (const n of names) if (columns[n] !== undefined) ordered[n] = columns[n]!;
  return { columns: ordered, repeats, orderColumn, ignored, count };
}

/**
 * Numbered columns of a recurring milestone in number order after its plain column ("LAC
 * Review", "LAC Review 2", "LAC Review 3"); without a plain column the lowest number is the first.
 */
function repeatColumns(numberedCols: ReadonlyMap<string, { column: string; n: number }[]>, columns: Record<string, string>): Record<string, string[]> {
  const repeats: Record<string, string[]> = {};
  for (const [id, list] of numberedCols) {
    const sorted = list.slice().sort((a, b) => a.n - b.n).map((x) => x.column);
    if (columns[id] === undefined) columns[id] = sorted.shift()!;
    if (sorted.length > 0) repeats[id] = sorted;
  }
  return repeats;
}

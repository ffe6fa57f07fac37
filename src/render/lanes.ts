/** @internal A label to place: its anchor x (the marker) and its width, in pixels. */
export interface LaneItem {
  x: number;
  width: number;
}

/** @internal Where a label went: its lane (0 = nearest the plot) and its left edge. */
export interface LanePlacement {
  lane: number;
  start: number;
}

interface Placed {
  lane: number;
  start: number;
  end: number;
  x: number;
}

/**
 * @internal Stack annotation labels in lanes above the plot so that no two labels overlap and no
 * marker's leader line (from the plot up to its own label) runs through another label.
 * Deterministic greedy: labels are placed right to left (ties by input order, last first), each
 * in the lowest lane where (1) it overlaps no label of that lane, (2) it covers no leader line of
 * a label in a higher lane, and (3) its own leader line crosses no label in a lower lane.
 * A label starts at its marker and is shifted left only as far as needed to fit `maxX`; labels at
 * the same x share one leader line. If no lane up to one above the number placed fits, it goes
 * there (its leader line then runs behind a label shifted left).
 *
 * Work: O(n log n) for n labels, plus, per label, O(log n) for each lane it must skip because of a
 * label shifted left to fit `maxX` and O(s) for the s labels so shifted. Rule (2) is a range
 * maximum over the markers' x (a segment tree); rule (1) a binary search in the lane's labels,
 * kept sorted (they never overlap); rule (3) can only be broken by a label that starts left of its
 * own marker, so only those are scanned. (The first version tried every lane against every label:
 * cubic, 12 s for 2,000 annotations.)
 */
export function placeLabels(items: readonly LaneItem[], minX: number, maxX: number, gap = 6): LanePlacement[] {
  const order = items.map((_, i) => i).sort((a, b) => items[b]!.x - items[a]!.x || b - a);
  const xs = [...new Set(items.map((it) => it.x))].sort((a, b) => a - b);
  const tree = new MaxTree(xs.length);
  const lanes: Placed[][] = [];
  const shifted: Placed[] = [];
  const out: LanePlacement[] = new Array(items.length);
  let count = 0;
  for (const i of order) {
    const it = items[i]!;
    const start = Math.max(minX, Math.min(it.x, maxX - it.width));
    const end = start + it.width;
    // Rule (2): every lane below the highest leader line inside the label's span is out.
    const low = Math.max(0, tree.max(lowerBound(xs, start - gap), upperBound(xs, end + gap)));
    // Rule (3): no lane above a lower label that the leader line would cross.
    let high = Infinity;
    for (const p of shifted) {
      if (Math.abs(p.x - it.x) > gap && it.x >= p.start - gap && it.x <= p.end + gap) high = Math.min(high, p.lane);
    }
    let lane = count + 1;
    for (let l = low; l <= high && l <= count + 1; l++) {
      if (l >= lanes.length || fits(lanes[l]!, start, end, gap)) {
        lane = l;
        break;
      }
    }
    const p = { lane, start, end, x: it.x };
    while (lanes.length <= lane) lanes.push([]);
    insertSorted(lanes[lane]!, p);
    tree.raise(lowerBound(xs, it.x), lane);
    if (start < it.x) shifted.push(p);
    count++;
    out[i] = { lane, start };
  }
  return out;
}

/** Rule (1): the lane's labels are disjoint and sorted, so only the first one ending after `start` can overlap. */
function fits(lane: readonly Placed[], start: number, end: number, gap: number): boolean {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lane[mid]!.end + gap > start) hi = mid;
    else lo = mid + 1;
  }
  return lo === lane.length || !(lane[lo]!.start < end + gap);
}

function insertSorted(lane: Placed[], p: Placed): void {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lane[mid]!.start < p.start) lo = mid + 1;
    else hi = mid;
  }
  lane.splice(lo, 0, p);
}

/** First index with xs[i] >= v. */
function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with xs[i] > v. */
function upperBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Iterative segment tree: raise a leaf to a lane, ask the highest lane in [from, to). -1 when empty. */
class MaxTree {
  private readonly size: number;
  private readonly t: Float64Array;
  constructor(n: number) {
    this.size = Math.max(1, n);
    this.t = new Float64Array(2 * this.size).fill(-1);
  }
  raise(i: number, v: number): void {
    let k = i + this.size;
    if (this.t[k]! >= v) return;
    this.t[k] = v;
    for (k >>= 1; k >= 1; k >>= 1) this.t[k] = Math.max(this.t[2 * k]!, this.t[2 * k + 1]!);
  }
  max(from: number, to: number): number {
    let r = -1;
    for (let lo = from + this.size, hi = to + this.size; lo < hi; lo >>= 1, hi >>= 1) {
      if (lo & 1) r = Math.max(r, this.t[lo++]!);
      if (hi & 1) r = Math.max(r, this.t[--hi]!);
    }
    return r;
  }
}

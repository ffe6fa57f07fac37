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

/**
 * @internal Stack annotation labels in lanes above the plot so that no two labels overlap and no
 * marker's leader line (from the plot up to its own label) runs through another label.
 * Deterministic greedy: labels are placed right to left (ties by input order, last first), each
 * in the lowest lane where (1) it overlaps no label of that lane, (2) it covers no leader line of
 * a label in a higher lane, and (3) its own leader line crosses no label in a lower lane.
 * A label starts at its marker and is shifted left only as far as needed to fit `maxX`; labels at
 * the same x share one leader line.
 * Annotations are few (one per PDSA cycle), so the O(n²) check is fine.
 */
export function placeLabels(items: readonly LaneItem[], minX: number, maxX: number, gap = 6): LanePlacement[] {
  const order = items.map((_, i) => i).sort((a, b) => items[b]!.x - items[a]!.x || b - a);
  const placed: Array<{ lane: number; start: number; end: number; x: number }> = [];
  const out: LanePlacement[] = new Array(items.length);
  for (const i of order) {
    const it = items[i]!;
    const start = Math.max(minX, Math.min(it.x, maxX - it.width));
    const end = start + it.width;
    let lane = 0;
    for (;;) {
      let ok = true;
      for (const p of placed) {
        if (p.lane === lane && start < p.end + gap && p.start < end + gap) ok = false;
        else if (p.lane > lane && p.x >= start - gap && p.x <= end + gap) ok = false;
        // A leader line on (or next to) another's shares it: only lines through a label's text count.
        else if (p.lane < lane && Math.abs(p.x - it.x) > gap && it.x >= p.start - gap && it.x <= p.end + gap) ok = false;
        if (!ok) break;
      }
      // Above every placed label only rule (3) can still fail (a label shifted left to fit the
      // right edge); stop there rather than loop: the leader line then runs behind that label.
      if (ok || lane > placed.length) break;
      lane++;
    }
    placed.push({ lane, start, end, x: it.x });
    out[i] = { lane, start };
  }
  return out;
}

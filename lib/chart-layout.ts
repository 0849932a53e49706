// Layout arithmetic for charts (pure, unit-tested).

/**
 * Vertical positions (px, 0 at the top) for labels that want to sit at `wanted`,
 * moved apart so that no two are closer than `gap`, within [min, max] when
 * there is room. Returns the positions in the input order.
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 0; k < placed.length; k++) {
    placed[k] = Math.max(placed[k], min, k > 0 ? placed[k - 1] + gap : Number.NEGATIVE_INFINITY);
  }
  // Pushed past the bottom: slide the tail back up, keeping the gaps.
  for (let k = placed.length - 1; k >= 0; k--) {
    const limit = k === placed.length - 1 ? max : placed[k + 1] - gap;
    if (placed[k] > limit) placed[k] = limit;
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => {
    out[o.i] = placed[k];
  });
  return out;
}

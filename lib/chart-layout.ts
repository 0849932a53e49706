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

export type XY = readonly [number, number];

/** Tangent at the middle point of three (monotone cubic, as d3's curveMonotoneX). */
function innerSlope([x0, y0]: XY, [x1, y1]: XY, [x2, y2]: XY): number {
  const h0 = x1 - x0;
  const h1 = x2 - x1;
  if (h0 === 0 || h1 === 0) return 0;
  const s0 = (y1 - y0) / h0;
  const s1 = (y2 - y1) / h1;
  const p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

/** Tangent at an end point from its neighbour's tangent. */
function endSlope([x0, y0]: XY, [x1, y1]: XY, t: number): number {
  const h = x1 - x0;
  return h ? ((3 * (y1 - y0)) / h - t) / 2 : t;
}

const f = (n: number) => Number(n.toFixed(2));

/** SVG path of one run of points as a monotone cubic curve (never overshoots the data). */
export function monotonePath(run: readonly XY[]): string {
  if (run.length === 0) return '';
  if (run.length < 3) return run.map(([x, y], i) => `${i ? 'L' : 'M'}${f(x)},${f(y)}`).join('');
  const n = run.length;
  const m = new Array<number>(n);
  for (let i = 1; i < n - 1; i++) m[i] = innerSlope(run[i - 1], run[i], run[i + 1]);
  m[0] = endSlope(run[0], run[1], m[1]);
  m[n - 1] = endSlope(run[n - 1], run[n - 2], m[n - 2]);
  let d = `M${f(run[0][0])},${f(run[0][1])}`;
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = run[i];
    const [x1, y1] = run[i + 1];
    const dx = (x1 - x0) / 3;
    d += `C${f(x0 + dx)},${f(y0 + dx * m[i])},${f(x1 - dx)},${f(y1 - dx * m[i + 1])},${f(x1)},${f(y1)}`;
  }
  return d;
}

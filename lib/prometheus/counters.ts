// Per-minute increases of counters from their raw samples, at the resolution
// Prometheus's increase() works at: per series, the difference between
// consecutive samples (a drop means the counter restarted from zero, so the
// increase is the new value), spread linearly over the time between the two
// samples — the same straight line increase() extrapolates along at a window's
// edges — and cut at minute boundaries. Summed over series, any window of
// whole minutes then equals sum(increase(sel[w])) up to that extrapolation.

export interface PromSeries {
  metric: Record<string, string>;
  /** [unix seconds, value as string] for each sample. */
  values: [number, string][];
}

export interface CounterReset {
  /** When the counter was seen lower than before (epoch ms of the sample after the drop). */
  at: number;
  series: string;
}

export interface MinuteIncreases {
  /** Minute start (epoch ms) → increase during that minute, summed over series; only minutes some series covers. */
  increases: Map<number, number>;
  resets: CounterReset[];
}

const MIN = 60_000;

export function seriesLabel(metric: Record<string, string>): string {
  const name = metric.__name__ ?? '';
  const labels = Object.entries(metric)
    .filter(([k]) => k !== '__name__')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return `${name}{${labels}}`;
}

/**
 * Increases per minute in [fromMs, toMs) from raw samples (which should reach back
 * before fromMs so the first minute has a sample on each side). The interval between
 * two samples contributes to each minute the share of it that the minute covers.
 */
export function rawMinuteIncreases(series: PromSeries[], fromMs: number, toMs: number): MinuteIncreases {
  const increases = new Map<number, number>();
  const resets: CounterReset[] = [];
  for (const s of series) {
    let prevT: number | null = null;
    let prevV = 0;
    for (const [t, raw] of s.values) {
      const v = Number(raw);
      const tMs = Math.round(t * 1000);
      if (!Number.isFinite(v)) continue;
      if (prevT !== null && tMs > prevT) {
        let delta = v - prevV;
        if (delta < 0) {
          delta = v; // reset: the counter restarted from zero between the two samples
          if (tMs > fromMs && tMs <= toMs) resets.push({ at: tMs, series: seriesLabel(s.metric) });
        }
        spread(increases, prevT, tMs, delta, fromMs, toMs);
      }
      prevT = tMs;
      prevV = v;
    }
  }
  return { increases, resets };
}

function spread(into: Map<number, number>, a: number, b: number, delta: number, from: number, to: number) {
  const lo = Math.max(a, from);
  const hi = Math.min(b, to);
  if (hi <= lo) return;
  const rate = delta / (b - a);
  for (let m = Math.floor(lo / MIN) * MIN; m < hi; m += MIN) {
    const share = Math.min(hi, m + MIN) - Math.max(lo, m);
    if (share > 0) into.set(m, (into.get(m) ?? 0) + (delta === 0 ? 0 : rate * share));
  }
}

/** A mistake worth refusing: a selector that matches several different metrics (e.g. only {job="api"}). */
export function mixedMetricsProblem(series: PromSeries[], field: string): string | null {
  const names = [...new Set(series.map((s) => s.metric.__name__ ?? ''))];
  if (names.length <= 1) return null;
  return `${field} matched ${series.length} series of ${names.length} different metrics (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}): narrow the selector to one counter`;
}

/**
 * The reset warning kept across syncs: previous resets still inside `keepFromMs` plus the new
 * ones, one entry per series (its latest reset and how many were seen).
 */
export function mergeResetWarnings(
  previous: string | null | undefined,
  found: CounterReset[],
  keepFromMs: number,
): string[] {
  const bySeries = new Map<string, { at: number; count: number }>();
  const add = (series: string, at: number, count: number) => {
    const seen = bySeries.get(series);
    if (!seen) bySeries.set(series, { at, count });
    else if (at !== seen.at) bySeries.set(series, { at: Math.max(at, seen.at), count: seen.count + count });
  };
  for (const part of (previous ?? '').split('; ')) {
    const m = /^counter resets? of (.+) \((\d+)×?, last at (\S+)\) handled$/.exec(part);
    if (!m) continue;
    const at = Date.parse(m[3]);
    if (Number.isFinite(at) && at >= keepFromMs) add(m[1], at, Number(m[2]));
  }
  const known = new Map(bySeries);
  for (const r of found) {
    const seen = known.get(r.series);
    if (seen && r.at <= seen.at) continue; // already counted by an earlier sync (syncs overlap)
    add(r.series, r.at, 1);
  }
  return [...bySeries].map(
    ([series, { at, count }]) =>
      `counter reset${count > 1 ? 's' : ''} of ${series} (${count}×, last at ${new Date(at).toISOString()}) handled`,
  );
}

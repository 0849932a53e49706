// Per-minute increases of counters from Prometheus query_range output. The sync
// asks for the raw counter at every minute boundary and takes differences here,
// per series, handling resets like Prometheus's increase() (a drop means the
// counter restarted from zero), then sums the series.

export interface PromSeries {
  metric: Record<string, string>;
  /** [unix seconds, value as string] at each step. */
  values: [number, string][];
}

export interface MinuteIncreases {
  /** Minute start (epoch ms) → increase during that minute, summed over series. */
  increases: Map<number, number>;
  resets: { at: number; series: string }[];
}

export function seriesLabel(metric: Record<string, string>): string {
  const name = metric.__name__ ?? '';
  const labels = Object.entries(metric)
    .filter(([k]) => k !== '__name__')
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return `${name}{${labels}}`;
}

export function perMinuteIncreases(series: PromSeries[], stepSeconds = 60): MinuteIncreases {
  const increases = new Map<number, number>();
  const resets: MinuteIncreases['resets'] = [];
  for (const s of series) {
    let prevT: number | null = null;
    let prevV = 0;
    for (const [t, raw] of s.values) {
      const v = Number(raw);
      if (!Number.isFinite(v)) {
        prevT = null;
        continue;
      }
      if (prevT !== null && t - prevT === stepSeconds) {
        let delta = v - prevV;
        if (delta < 0) {
          delta = v; // reset: the counter restarted from zero during the minute
          resets.push({ at: prevT * 1000, series: seriesLabel(s.metric) });
        }
        const minute = prevT * 1000;
        increases.set(minute, (increases.get(minute) ?? 0) + delta);
      }
      prevT = t;
      prevV = v;
    }
  }
  return { increases, resets };
}

/** A mistake worth refusing: a selector that matches several different metrics (e.g. only {job="api"}). */
export function mixedMetricsProblem(series: PromSeries[], field: string): string | null {
  const names = [...new Set(series.map((s) => s.metric.__name__ ?? ''))];
  if (names.length <= 1) return null;
  return `${field} matched ${series.length} series of ${names.length} different metrics (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}): narrow the selector to one counter`;
}

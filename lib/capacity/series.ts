// Demand samples → one peak per UTC day, the series every model is fitted to.

export const DAY_MS = 86_400_000;
/** The models look at most this far back. */
export const MAX_HISTORY_DAYS = 365;

export interface DemandSample {
  ts: Date | number;
  value: number;
}

export interface DailySeries {
  /** Start (UTC midnight, epoch ms) of the first day. */
  firstDay: number;
  /** Peak of each day; a day without samples is interpolated between its neighbours. */
  values: number[];
  /** How many of the days had samples of their own. */
  observedDays: number;
}

export const utcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

export function dailyPeaks(samples: readonly DemandSample[]): DailySeries | null {
  const peaks = new Map<number, number>();
  for (const s of samples) {
    const ms = typeof s.ts === 'number' ? s.ts : s.ts.getTime();
    if (!Number.isFinite(ms) || !Number.isFinite(s.value)) continue;
    const day = utcDay(ms);
    peaks.set(day, Math.max(peaks.get(day) ?? Number.NEGATIVE_INFINITY, s.value));
  }
  if (peaks.size === 0) return null;
  const days = [...peaks.keys()].sort((a, b) => a - b);
  const last = days[days.length - 1];
  const firstDay = Math.max(days[0], last - (MAX_HISTORY_DAYS - 1) * DAY_MS);
  const values: number[] = [];
  let prevDay = -1;
  let prevValue = 0;
  let observedDays = 0;
  for (const day of days) {
    if (day < firstDay) continue;
    const value = peaks.get(day) as number;
    if (prevDay >= 0) {
      const gap = (day - prevDay) / DAY_MS;
      for (let k = 1; k < gap; k++) values.push(prevValue + ((value - prevValue) * k) / gap);
    }
    values.push(value);
    observedDays += 1;
    prevDay = day;
    prevValue = value;
  }
  return { firstDay, values, observedDays };
}

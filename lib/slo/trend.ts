/** The overview's 30-day trend: one value per UTC day from `trendFrom` (ms), null where there was no data. */
export interface CompactTrend {
  trend: (number | null)[];
  trendFrom: number;
}

const DAY = 86_400_000;

/** The trend as points for a chart. */
export function trendPoints(row: CompactTrend): { t: number; v: number | null }[] {
  return row.trend.map((v, i) => ({ t: row.trendFrom + i * DAY, v }));
}

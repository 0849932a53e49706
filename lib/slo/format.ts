// Display formatting of SLO numbers, shared by pages, tables and the API docs.

export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Targets read best with only the digits they have: 99.9%, 99.95%, 95%. */
export function formatTarget(target: number): string {
  return `${Number((target * 100).toFixed(4))}%`;
}

export function formatBurn(burn: number | null | undefined): string {
  if (burn === null || burn === undefined || !Number.isFinite(burn)) return '—';
  return `${burn >= 10 ? burn.toFixed(1) : burn.toFixed(2)}×`;
}

export function formatMinutes(minutes: number): string {
  const abs = Math.abs(minutes);
  if (abs < 1) return `${(minutes * 60).toFixed(0)} s`;
  if (abs < 120) return `${Number(minutes.toFixed(1))} min`;
  if (abs < 48 * 60) return `${Number((minutes / 60).toFixed(1))} h`;
  return `${Number((minutes / 1440).toFixed(1))} d`;
}

export function formatCount(n: number): string {
  return Math.abs(n) >= 10_000
    ? Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n)
    : String(Math.round(n));
}

/** "18 min of 43.2 min" / "1.2k of 4.3k events" — the budget left in its own unit. */
export function formatBudgetLeft(total: number, consumed: number, unit: 'events' | 'minutes'): string {
  const left = total - consumed;
  if (unit === 'minutes') return `${formatMinutes(left)} of ${formatMinutes(total)}`;
  return `${formatCount(left)} of ${formatCount(total)} events`;
}

export function formatDuration(minutes: number | null): string {
  if (minutes === null) return 'not burning';
  if (minutes <= 0) return 'exhausted';
  return formatMinutes(minutes);
}

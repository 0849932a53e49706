// Display formatting shared by every page, table, chart and printed report:
// percentages, burn rates, durations, dates and slugs. Pure; 'en-US' and UTC are
// pinned so the server and the browser render identical strings (no hydration mismatch).

// ---------------------------------------------------------------- time constants

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

const NONE = '—';
const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

// ---------------------------------------------------------------- percentages

export interface PercentOptions {
  /** Decimals after the point (default 2). */
  digits?: number;
  /**
   * 'fixed' keeps trailing zeros so a column lines up ("99.90%");
   * 'trim' drops them so a value reads with only the digits it has ("99.9%", "95%").
   */
  zeros?: 'fixed' | 'trim';
}

/**
 * A fraction as a percentage: 0.999 → "99.90%" (fixed, default) or "99.9%" (trim).
 * `null`, `undefined`, NaN and ±Infinity → "—". A number as second argument is the digits.
 */
export function formatPercent(
  fraction: number | null | undefined,
  options: number | PercentOptions = {},
): string {
  if (!isNumber(fraction)) return NONE;
  const { digits = 2, zeros = 'fixed' } = typeof options === 'number' ? { digits: options } : options;
  const fixed = (fraction * 100).toFixed(digits);
  return `${zeros === 'trim' ? Number(fixed) : fixed}%`;
}

/** Targets read best with only the digits they have: 99.9%, 99.95%, 95%. */
export function formatTarget(target: number): string {
  return formatPercent(target, { digits: 4, zeros: 'trim' });
}

// ---------------------------------------------------------------- catalog

/**
 * A service's criticality tier: "Tier 0 (critical)", "Tier 1" … "Tier 3". Spelled out, never
 * "T1", so it cannot be mistaken for a burn-rate alert tier.
 */
export function formatServiceTier(tier: number): string {
  return tier === 0 ? 'Tier 0 (critical)' : `Tier ${tier}`;
}

// ---------------------------------------------------------------- burn rates

/**
 * A burn rate or any multiple: "14.4×", "2.00×" (fixed: two decimals under 10, one above);
 * with `zeros: 'trim'` the axis style "2×", "14.4×", "120×" (no decimals from 100 up).
 */
export function formatBurn(burn: number | null | undefined, zeros: 'fixed' | 'trim' = 'fixed'): string {
  if (!isNumber(burn)) return NONE;
  if (zeros === 'trim') return `${Number(burn.toFixed(burn >= 100 ? 0 : burn >= 10 ? 1 : 2))}×`;
  return `${burn >= 10 ? burn.toFixed(1) : burn.toFixed(2)}×`;
}

// ---------------------------------------------------------------- counts

/** 1234 → "1234", 12345 → "12.3K". */
export function formatCount(n: number): string {
  return Math.abs(n) >= 10_000
    ? Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n)
    : String(Math.round(n));
}

// ---------------------------------------------------------------- durations

/** Compact, one unit: 0.5 → "30 s", 43.2 → "43.2 min", 150 → "2.5 h", 4320 → "3 d". */
export function formatMinutes(minutes: number): string {
  const abs = Math.abs(minutes);
  if (abs < 1) return `${(minutes * 60).toFixed(0)} s`;
  if (abs < 120) return `${Number(minutes.toFixed(1))} min`;
  if (abs < 48 * 60) return `${Number((minutes / 60).toFixed(1))} h`;
  return `${Number((minutes / MINUTES_PER_DAY).toFixed(1))} d`;
}

/**
 * Exact, two units at most, whole minutes: 45 → "45 min", 125 → "2 h 5 min", 120 → "2 h",
 * 1500 → "1 d 1 h", 2880 → "2 d". Negative values keep their sign.
 */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 0) return `-${formatDuration(-whole)}`;
  const days = Math.floor(whole / MINUTES_PER_DAY);
  const hours = Math.floor((whole % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  const mins = whole % MINUTES_PER_HOUR;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/** Minutes as hours: 4900 → "81.7 h" (whole hours from 100 h up: "1,234 h"). */
export function formatHours(minutes: number): string {
  const hours = minutes / MINUTES_PER_HOUR;
  return `${hours >= 100 ? Math.round(hours).toLocaleString('en-US') : hours.toFixed(1)} h`;
}

/** Time until the error budget runs out: null → "not burning", ≤ 0 → "exhausted", else compact. */
export function formatTimeToExhaustion(minutes: number | null): string {
  if (minutes === null) return 'not burning';
  if (minutes <= 0) return 'exhausted';
  return formatMinutes(minutes);
}

/**
 * "18 min of 43.2 min" / "1.2K of 4.3K events" — the budget left in its own unit; an overspent
 * one says by how much: "6 min over a 43.2 min budget", "500 events over a 4300 budget".
 */
export function formatBudgetLeft(total: number, consumed: number, unit: 'events' | 'minutes'): string {
  const left = total - consumed;
  if (left < 0)
    return unit === 'minutes'
      ? `${formatMinutes(-left)} over a ${formatMinutes(total)} budget`
      : `${formatCount(-left)} events over a ${formatCount(total)} budget`;
  if (unit === 'minutes') return `${formatMinutes(left)} of ${formatMinutes(total)}`;
  return `${formatCount(left)} of ${formatCount(total)} events`;
}

/** Payback in months: "0.6 mo", "12 mo", "never" when it saves nothing. */
export function formatPayback(months: number | null): string {
  if (months === null) return 'never';
  return `${months >= 10 ? Math.round(months) : months.toFixed(1)} mo`;
}

// ---------------------------------------------------------------- dates and times (UTC)

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dayTimeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Instant = Date | number;
const ms = (t: Instant) => (typeof t === 'number' ? t : t.getTime());

/** '2024-01-22' (calendar day, UTC). */
export function formatIsoDate(t: Instant): string {
  return new Date(ms(t)).toISOString().slice(0, 10);
}

/** 'Jan 22' */
export function formatDay(t: Instant): string {
  return dayFormat.format(ms(t));
}

/** '14:05' (UTC, 24 h) */
export function formatTime(t: Instant): string {
  return timeFormat.format(ms(t));
}

/** 'Jan 22, 14:05 UTC' */
export function formatDateTime(t: Instant): string {
  return `${dayTimeFormat.format(ms(t))} UTC`;
}

/** Chart time-axis tick: UTC midnights as 'Nov 3', other instants as '14:00'. */
export function formatTimeTick(t: number): string {
  if (!Number.isFinite(t)) return '';
  return t % DAY_MS === 0 ? formatDay(t) : formatTime(t);
}

/** A report period key: '2024-01-22' (a week's Monday or a day) → 'Jan 22'; '2024-01' → 'Jan 2024'. */
export function formatPeriod(key: string): string {
  return key.length === 7
    ? monthFormat.format(new Date(`${key}-01T00:00:00Z`))
    : dayFormat.format(new Date(`${key}T00:00:00Z`));
}

// ---------------------------------------------------------------- slugs

/** "Checkout API (EU)" → "checkout-api-eu"; at most `max` characters, no edge dashes. */
export function slugify(text: string, max = Number.POSITIVE_INFINITY): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

// Time spent on a toil entry (SPEC 1.4): people type "45", "1h30m" or "1.5h";
// we store whole minutes.

export const MAX_ENTRY_MINUTES = 24 * 60;

export type ParseMinutesResult = { ok: true; minutes: number } | { ok: false; error: string };

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const HOURS_UNIT = '(?:h|hr|hrs|hour|hours)';
const MINUTES_UNIT = '(?:m|min|mins|minute|minutes)';

// Optional hours part, then an optional minutes part whose unit may be left
// out ("2h5" reads as 2h 5m, a bare "45" as 45 minutes).
const DURATION = new RegExp(`^(?:${NUMBER}\\s*${HOURS_UNIT})?\\s*(?:${NUMBER}\\s*${MINUTES_UNIT}?)?$`);
const CLOCK = /^(\d+):([0-5]\d)$/;

const EXAMPLES = 'e.g. 45, 45m, 1h30m or 1.5h';

function fail(error: string): ParseMinutesResult {
  return { ok: false, error };
}

function readDuration(text: string): number | null {
  const clock = CLOCK.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const match = DURATION.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const hours = match[1] === undefined ? 0 : Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  return hours * 60 + minutes;
}

export function parseMinutes(input: string): ParseMinutesResult {
  const text = input.trim().toLowerCase();
  if (text === '') return fail(`Enter the time spent, ${EXAMPLES}.`);
  if (text.startsWith('-')) return fail('Time spent cannot be negative.');

  const total = readDuration(text);
  if (total === null) return fail(`"${input.trim()}" is not a duration; use ${EXAMPLES}.`);

  // 1.1h is 66.00000000000001 in floating point: compare with a tolerance.
  const minutes = Math.round(total);
  if (Math.abs(total - minutes) > 1e-9) {
    return fail(
      `Time spent must be a whole number of minutes ("${input.trim()}" is ${+total.toFixed(2)} min).`,
    );
  }
  if (minutes === 0) return fail('Time spent must be more than 0 minutes.');
  if (minutes > MAX_ENTRY_MINUTES) {
    return fail(`Time spent must be at most 24h (${MAX_ENTRY_MINUTES} minutes) per entry.`);
  }
  return { ok: true, minutes };
}

/** 90 → "1h 30m", 45 → "45m", 120 → "2h". */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 0) return `-${formatMinutes(-rounded)}`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest}m`;
  if (rest === 0) return `${hours}h`;
  return `${hours}h ${rest}m`;
}

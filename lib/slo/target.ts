// Targets (SPEC 1.2): a fraction such as 0.999 in the API and OpenSLO, a
// percentage such as 99.9 in forms, stored as an exact decimal. Decimal
// strings are shifted, never divided, so 99.9 % is 0.999 and not
// 0.9990000000000001.

/** A target with more decimals than this leaves a budget (1 − T) too small to count over any window. */
export const MAX_TARGET_DECIMALS = 10;

const DECIMAL = /^\d+(\.\d+)?$/;

/** Moves the decimal point of a plain decimal string: shiftDecimal('99.9', -2) = '0.999'. */
export function shiftDecimal(text: string, places: number): string {
  const [int, frac = ''] = text.split('.');
  const digits = `${int}${frac}`;
  let point = int.length + places;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    padded = digits + '0'.repeat(point - digits.length);
  }
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

/** Decimals of a number as JavaScript prints it shortest (0.999 → 3; 1e-7 → 7). */
export function decimalsOf(value: number): number {
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.slice(0, text.indexOf('e'));
    return Number(exp[1]) + (mantissa.split('.')[1]?.length ?? 0);
  }
  return text.split('.')[1]?.length ?? 0;
}

/** Why a target fraction cannot be an SLO's target; null when it can. */
export function targetFractionProblem(target: number): string | null {
  if (!Number.isFinite(target)) return 'Must be a number';
  if (target <= 0) return 'Above 0%';
  if (target >= 1) return 'Below 100%: a 100% target leaves no error budget';
  if (decimalsOf(target) > MAX_TARGET_DECIMALS) {
    return `The error budget 1 − ${target} is too small to count over the window: use at most ${MAX_TARGET_DECIMALS} decimals (${MAX_TARGET_DECIMALS - 2} in percent)`;
  }
  return null;
}

export type TargetParse =
  | { ok: true; fraction: number }
  | { ok: false; message: string; needsConfirmation?: boolean };

/**
 * A target typed as a percentage in a form. Below 1 is almost certainly a
 * fraction typed by habit ("did you mean 99.9 %?"); below 50 % must be confirmed.
 */
export function parseTargetPercent(raw: unknown, confirmedLow = false): TargetParse {
  const text = String(raw ?? '')
    .trim()
    .replace(/\s*%$/, '')
    .replace(',', '.');
  if (text === '') return { ok: false, message: 'A target is required, e.g. 99.9' };
  if (!DECIMAL.test(text)) return { ok: false, message: 'A percentage such as 99.9' };
  const percent = Number(text);
  if (percent <= 0) return { ok: false, message: 'Above 0%' };
  if (percent >= 100) return { ok: false, message: 'Below 100%: a 100% target leaves no error budget' };
  if (percent < 1)
    return { ok: false, message: `The target is a percentage: did you mean ${shiftDecimal(text, 2)} %?` };
  const fraction = Number(shiftDecimal(text, -2));
  const problem = targetFractionProblem(fraction);
  if (problem) return { ok: false, message: problem };
  if (percent < 50 && !confirmedLow) {
    return {
      ok: false,
      needsConfirmation: true,
      message: `${text} % lets more than half of the events fail: tick "I mean ${text} %" to keep it`,
    };
  }
  return { ok: true, fraction };
}

/** A stored fraction as the form shows it: 0.999 → '99.9'. */
export function fractionToPercentText(fraction: number): string {
  const text = String(fraction);
  if (!DECIMAL.test(text)) return String(Number((fraction * 100).toPrecision(12)));
  return shiftDecimal(text, 2);
}

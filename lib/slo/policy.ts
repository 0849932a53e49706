// Error-budget policy (SPEC 1.2): status tiers by remaining fraction r and
// the deploy gate matrix. Thresholds and the matrix are editable by admins.

export type SloStatus = 'healthy' | 'warning' | 'critical' | 'depleted' | 'unknown';
export type KnownSloStatus = Exclude<SloStatus, 'unknown'>;
export type ChangeKind = 'feature' | 'fix' | 'emergency';

export const SLO_STATUSES: readonly SloStatus[] = ['healthy', 'warning', 'critical', 'depleted', 'unknown'];
export const KNOWN_SLO_STATUSES: readonly KnownSloStatus[] = ['healthy', 'warning', 'critical', 'depleted'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['feature', 'fix', 'emergency'];

export type PolicyThresholds = { warning: number; critical: number; depleted: number };

export type Policy = {
  /** Upper bounds of r for each tier: Warning r ≤ warning, Critical r ≤ critical, Depleted r ≤ depleted. */
  thresholds: PolicyThresholds;
  /** Change kinds each status lets ship. */
  gate: Record<KnownSloStatus, readonly ChangeKind[]>;
  /** Fast-burn freeze (on by default): while a page alert fires, `feature` is refused whatever the status. */
  fastBurnFreeze: boolean;
};

export const DEFAULT_POLICY: Policy = {
  thresholds: { warning: 0.5, critical: 0.25, depleted: 0.05 },
  gate: {
    healthy: ['feature', 'fix', 'emergency'],
    warning: ['fix', 'emergency'],
    critical: ['fix', 'emergency'],
    depleted: ['emergency'],
  },
  fastBurnFreeze: true,
};

/** Without data the budget is unknown: hold features, keep fixes and emergencies moving. */
const UNKNOWN_ALLOWS: readonly ChangeKind[] = ['fix', 'emergency'];

export const STATUS_LABELS: Record<SloStatus, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  depleted: 'Depleted',
  unknown: 'Unknown',
};

/** Healthy r > 50%, Warning 25% < r ≤ 50%, Critical 5% < r ≤ 25%, Depleted r ≤ 5%. */
export function statusFor(remaining: number | null, policy: Policy = DEFAULT_POLICY): SloStatus {
  if (remaining === null || Number.isNaN(remaining)) return 'unknown';
  const { warning, critical, depleted } = policy.thresholds;
  if (remaining > warning) return 'healthy';
  if (remaining > critical) return 'warning';
  if (remaining > depleted) return 'critical';
  return 'depleted';
}

export type GateDecision = { allowed: boolean; reason: string };

function listKinds(kinds: readonly ChangeKind[]): string {
  if (kinds.length <= 1) return kinds.join('');
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

function describeBudget(status: KnownSloStatus, remaining: number | null | undefined): string {
  const label = STATUS_LABELS[status];
  if (remaining === null || remaining === undefined || !Number.isFinite(remaining)) {
    return `Error budget is ${label}`;
  }
  const pct = `${(Math.abs(remaining) * 100).toFixed(1)}%`;
  return remaining < 0
    ? `Error budget is ${label} (overspent by ${pct})`
    : `Error budget is ${label} (${pct} left)`;
}

/** A page-severity alert firing now: its tier and the burn of its long window. */
export type FastBurn = { tier: number; burn: number };

function formatTimes(burn: number): string {
  return `${burn >= 10 ? burn.toFixed(0) : burn.toFixed(1)}×`;
}

/**
 * The deploy gate: may a change of this kind ship now? `remaining` only
 * makes the reason more precise ("Depleted (3.1% left)"). With the fast-burn
 * freeze on, a firing page alert refuses `feature` whatever the status.
 */
export function gateDecision(
  status: SloStatus,
  change: ChangeKind,
  policy: Policy = DEFAULT_POLICY,
  remaining?: number | null,
  fastBurn?: FastBurn | null,
): GateDecision {
  if (fastBurn && change === 'feature' && policy.fastBurnFreeze !== false) {
    return {
      allowed: false,
      reason: `Fast burn: a page alert is firing (tier ${fastBurn.tier}, burning ${formatTimes(fastBurn.burn)}), so features are frozen until it resolves; fix and emergency changes follow the budget`,
    };
  }
  if (status === 'unknown') {
    const allowed = UNKNOWN_ALLOWS.includes(change);
    const head = 'No SLI data in the window, so the error budget is unknown';
    return {
      allowed,
      reason: allowed
        ? `${head}: ${change} changes may ship`
        : `${head}: only ${listKinds(UNKNOWN_ALLOWS)} changes may ship until data arrives`,
    };
  }
  const kinds = policy.gate[status];
  const allowed = kinds.includes(change);
  const head = describeBudget(status, remaining);
  if (allowed) return { allowed, reason: `${head}: ${change} changes may ship` };
  if (kinds.length === 0) return { allowed, reason: `${head}: no changes may ship` };
  return { allowed, reason: `${head}: only ${listKinds(kinds)} changes may ship` };
}

export type PolicyFieldError = { field: string; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const THRESHOLD_ORDER = ['warning', 'critical', 'depleted'] as const;

/** Field errors of a policy (e.g. from a settings form or the database); empty when valid. */
export function validatePolicy(input: unknown): PolicyFieldError[] {
  const errors: PolicyFieldError[] = [];
  if (!isRecord(input)) return [{ field: 'policy', message: 'must be an object' }];

  const thresholds = input.thresholds;
  if (!isRecord(thresholds)) {
    errors.push({ field: 'thresholds', message: 'must be an object' });
  } else {
    let previous = Number.POSITIVE_INFINITY;
    for (const key of THRESHOLD_ORDER) {
      const value = thresholds[key];
      const field = `thresholds.${key}`;
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
        errors.push({ field, message: 'must be a number greater than 0 and at most 1' });
        continue;
      }
      if (value >= previous) errors.push({ field, message: 'must be lower than the threshold above it' });
      previous = value;
    }
  }

  if (input.fastBurnFreeze !== undefined && typeof input.fastBurnFreeze !== 'boolean') {
    errors.push({ field: 'fastBurnFreeze', message: 'must be true or false' });
  }
  const gate = input.gate;
  if (!isRecord(gate)) {
    errors.push({ field: 'gate', message: 'must be an object' });
    return errors;
  }
  for (const status of KNOWN_SLO_STATUSES) {
    const kinds = gate[status];
    const field = `gate.${status}`;
    if (!Array.isArray(kinds)) {
      errors.push({ field, message: 'must be a list of change kinds' });
    } else if (!kinds.every((k) => (CHANGE_KINDS as readonly unknown[]).includes(k))) {
      errors.push({ field, message: `may only contain ${listKinds(CHANGE_KINDS)}` });
    } else if (new Set(kinds).size !== kinds.length) {
      errors.push({ field, message: 'must not repeat a change kind' });
    }
  }
  return errors;
}

/** A validated copy of the policy, or its field errors. */
export function parsePolicy(
  input: unknown,
): { ok: true; policy: Policy } | { ok: false; errors: PolicyFieldError[] } {
  const errors = validatePolicy(input);
  if (errors.length > 0 || !isRecord(input)) return { ok: false, errors };
  const { thresholds, gate } = input as Policy;
  const fastBurnFreeze = (input as Partial<Policy>).fastBurnFreeze !== false;
  return {
    ok: true,
    policy: {
      thresholds: {
        warning: thresholds.warning,
        critical: thresholds.critical,
        depleted: thresholds.depleted,
      },
      gate: {
        healthy: [...gate.healthy],
        warning: [...gate.warning],
        critical: [...gate.critical],
        depleted: [...gate.depleted],
      },
      fastBurnFreeze,
    },
  };
}

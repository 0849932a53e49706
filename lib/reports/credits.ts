// SLA credit tiers (SPEC 1.7): "below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %".
// A tier applies when the month's attainment is strictly below its threshold; the deepest
// tier that applies sets the credit, so attainment exactly at a threshold owes the tier above.

export interface CreditTier {
  /** Attainment fraction the service fell below, e.g. 0.999. */
  below: number;
  /** Credit owed as a percentage of the month's fee, 0–100. */
  creditPercent: number;
}

export type CreditTierError = { index: number; field: 'below' | 'creditPercent'; message: string };

/** Checks tiers as entered: thresholds in (0, 1), credits in (0, 100], deeper tiers owe more. */
export function validateCreditTiers(tiers: CreditTier[], slaTarget: number): CreditTierError[] {
  const errors: CreditTierError[] = [];
  tiers.forEach((tier, index) => {
    if (!Number.isFinite(tier.below) || tier.below <= 0 || tier.below >= 1)
      errors.push({ index, field: 'below', message: 'Enter a threshold between 0 % and 100 %' });
    else if (tier.below > slaTarget)
      errors.push({ index, field: 'below', message: 'A credit threshold cannot be above the SLA target' });
    if (!Number.isFinite(tier.creditPercent) || tier.creditPercent <= 0 || tier.creditPercent > 100)
      errors.push({ index, field: 'creditPercent', message: 'Enter a credit between 0 % and 100 %' });
  });
  const sorted = sortTiers(tiers);
  for (let i = 1; i < sorted.length; i++) {
    const index = tiers.indexOf(sorted[i]);
    if (sorted[i].below === sorted[i - 1].below)
      errors.push({ index, field: 'below', message: 'Two tiers have the same threshold' });
    else if (sorted[i].creditPercent <= sorted[i - 1].creditPercent)
      errors.push({ index, field: 'creditPercent', message: 'A lower threshold must owe a larger credit' });
  }
  return errors;
}

/** Tiers from the shallowest (highest threshold) to the deepest. */
export function sortTiers(tiers: CreditTier[]): CreditTier[] {
  return [...tiers].sort((a, b) => b.below - a.below);
}

/** The credit owed for a month's attainment; 0 when no tier applies or nothing was measured. */
export function creditFor(attainment: number | null, tiers: CreditTier[]): number {
  if (attainment === null) return 0;
  let credit = 0;
  for (const tier of sortTiers(tiers)) if (attainment < tier.below) credit = tier.creditPercent;
  return credit;
}

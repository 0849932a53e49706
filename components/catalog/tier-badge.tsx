import { Badge } from '@/components/ui/badge';
import { formatServiceTier } from '@/lib/format';

/**
 * A service's criticality tier: "Tier 0 (critical)" (most critical), "Tier 1" … "Tier 3". Never
 * abbreviated to "T1", which would read like a burn-rate alert tier.
 */
export function TierBadge({ tier }: { tier: number }) {
  return (
    <Badge
      variant={tier === 0 ? 'critical' : tier === 1 ? 'warning' : 'default'}
      data-service-tier={tier}
      title="Service criticality tier (0 is the most critical)"
    >
      {formatServiceTier(tier)}
    </Badge>
  );
}

import { Badge } from '@/components/ui/badge';

/** A service's criticality tier: "Tier 0" (most critical) … "Tier 3". Never abbreviated to "T1", which reads as an alert tier. */
export function TierBadge({ tier }: { tier: number }) {
  return <Badge variant={tier === 0 ? 'critical' : tier === 1 ? 'warning' : 'default'}>Tier {tier}</Badge>;
}

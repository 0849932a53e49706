import { Badge } from '@/components/ui/badge';
import { type SloStatus, STATUS_LABELS } from '@/lib/slo/policy';

const VARIANT = {
  healthy: 'healthy',
  warning: 'warning',
  critical: 'critical',
  depleted: 'depleted',
  unknown: 'default',
} as const;

export function StatusBadge({ status }: { status: SloStatus }) {
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      <span className="size-1.5 rounded-full bg-current" aria-hidden />
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function AlertBadge({ severity, tier }: { severity: 'page' | 'ticket'; tier: number }) {
  return (
    <Badge
      variant={severity === 'page' ? 'depleted' : 'warning'}
      title={`Tier ${tier} burn-rate alert firing`}
    >
      {severity === 'page' ? 'PAGE' : 'ticket'} · T{tier}
    </Badge>
  );
}

import { Badge } from '@/components/ui/badge';
import type { CapacityStatus } from '@/lib/capacity/analysis';

const LABELS: Record<
  CapacityStatus,
  { text: string; variant: 'depleted' | 'warning' | 'healthy' | 'default' }
> = {
  'order-now': { text: 'Order now', variant: 'depleted' },
  'order-soon': { text: 'Order soon', variant: 'warning' },
  ok: { text: 'OK', variant: 'healthy' },
  'no-data': { text: 'No data', variant: 'default' },
};

export function CapacityStatusBadge({ status }: { status: CapacityStatus }) {
  const { text, variant } = LABELS[status];
  return (
    <Badge variant={variant} data-status={status}>
      {text}
    </Badge>
  );
}

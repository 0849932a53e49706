import { Badge } from '@/components/ui/badge';
import { type Staleness, stalenessLabel } from '@/lib/runbooks/staleness';

const VARIANT = { overdue: 'critical', 'due-soon': 'warning', current: 'healthy' } as const;

export function StalenessBadge({ staleness }: { staleness: Staleness }) {
  return (
    <Badge
      variant={VARIANT[staleness.state]}
      data-staleness={staleness.state}
      title={`Review due ${staleness.dueAt.toISOString().slice(0, 10)}`}
    >
      {stalenessLabel(staleness)}
    </Badge>
  );
}

import { Badge } from '@/components/ui/badge';

const SEVERITY_VARIANT = { SEV1: 'depleted', SEV2: 'critical', SEV3: 'warning', SEV4: 'default' } as const;
const STATUS_VARIANT = {
  investigating: 'critical',
  identified: 'warning',
  monitoring: 'primary',
  resolved: 'healthy',
  draft: 'default',
  in_review: 'warning',
  published: 'healthy',
  open: 'default',
  in_progress: 'primary',
  done: 'healthy',
  wont_do: 'outline',
} as const;

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <Badge variant={SEVERITY_VARIANT[severity as keyof typeof SEVERITY_VARIANT] ?? 'default'}>
      {severity}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant={STATUS_VARIANT[status as keyof typeof STATUS_VARIANT] ?? 'default'}>
      {status.replace('_', ' ')}
    </Badge>
  );
}

/** "2026-11-10 10:05 UTC" — incidents are read across time zones, so times are UTC. */
export function Utc({ at }: { at: Date | string | null }) {
  if (!at) return <span className="text-muted-foreground">—</span>;
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{d.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>;
}

// The audit log's URL state: ?entity=<type>&q=<actor>&page=<n>.
import { MAX_PAGE } from '@/lib/validation/params';

export function parseAuditQuery(p: Record<string, string | undefined>) {
  return {
    entityType: p.entity || undefined,
    actor: p.q || undefined,
    page: Math.min(MAX_PAGE, Math.max(1, Number.parseInt(p.page ?? '1', 10) || 1)),
  };
}

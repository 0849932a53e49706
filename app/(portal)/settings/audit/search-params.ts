// The audit log's URL state: ?entity=<type>&q=<actor>&page=<n>.

export function parseAuditQuery(p: Record<string, string | undefined>) {
  return {
    entityType: p.entity || undefined,
    actor: p.q || undefined,
    page: Math.max(1, Number.parseInt(p.page ?? '1', 10) || 1),
  };
}

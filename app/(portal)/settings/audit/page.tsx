import { ScrollText } from 'lucide-react';
import Link from 'next/link';
import { UrlFilters } from '@/components/data/url-filters';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { auditEntityTypes, listAudit } from '@/db/platform/audit';
import { auditEntityLabel } from '@/lib/audit';
import { single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';
import { parseAuditQuery } from './search-params';

export const metadata = { title: 'Audit log' };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('admin');
  const params = single(await searchParams);
  const db = await getDb();
  const query = parseAuditQuery(params);
  const { page } = query;
  const [{ rows, hasMore }, types] = await Promise.all([listAudit(db, query), auditEntityTypes(db)]);
  const pageHref = (p: number) => {
    const next = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
    );
    next.set('page', String(p));
    return `?${next.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, recorded in the same transaction as the change itself."
        crumbs={[{ label: 'Settings', href: '/settings' }, { label: 'Audit log' }]}
      />
      <UrlFilters
        placeholder="Filter by actor"
        selects={[{ name: 'entity', label: 'Entity', options: types.map((t) => ({ value: t, label: t })) }]}
      />
      {rows.length === 0 ? (
        <EmptyState icon={ScrollText} title="No audit entries match" />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>When (UTC)</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Entity</Th>
              <Th>Change</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td className="whitespace-nowrap text-muted-foreground">
                  {r.at.toISOString().replace('T', ' ').slice(0, 19)}
                </Td>
                <Td>
                  <div>{r.actorLabel}</div>
                  <div className="text-xs text-muted-foreground">{r.actorType}</div>
                </Td>
                <Td>
                  <Badge variant="outline" className="font-mono">
                    {r.action}
                  </Badge>
                </Td>
                <Td>
                  {auditEntityLabel(r.entityType, r.entityId, r.before, r.after)}
                  <div className="font-mono text-xs text-muted-foreground">
                    {r.entityType}/{r.entityId.slice(0, 8)}
                  </div>
                </Td>
                <Td className="max-w-md">
                  <details>
                    <summary className="cursor-pointer text-xs text-muted-foreground">before / after</summary>
                    <div className="mt-2 grid gap-2 md:grid-cols-2">
                      <pre className="overflow-x-auto rounded bg-muted p-2 text-xs">
                        {JSON.stringify(r.before, null, 2) ?? '—'}
                      </pre>
                      <pre className="overflow-x-auto rounded bg-muted p-2 text-xs">
                        {JSON.stringify(r.after, null, 2) ?? '—'}
                      </pre>
                    </div>
                  </details>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <div className="mt-4 flex gap-2">
        {page > 1 && (
          <Button asChild variant="outline" size="sm">
            <Link href={pageHref(page - 1)}>Newer</Link>
          </Button>
        )}
        {hasMore && (
          <Button asChild variant="outline" size="sm">
            <Link href={pageHref(page + 1)}>Older</Link>
          </Button>
        )}
      </div>
    </>
  );
}

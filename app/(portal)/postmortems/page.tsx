import { FileText } from 'lucide-react';
import Link from 'next/link';
import { UrlFilters } from '@/components/data/url-filters';
import { SeverityBadge, StatusBadge, Utc } from '@/components/incidents/badges';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { incidentsWithoutPostmortem, listPostmortems } from '@/db/incidents/postmortems';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchIncidents } from '@/db/incidents/search';
import { POSTMORTEM_STATUSES } from '@/lib/incidents/types';
import { oneOf, single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Postmortems' };

/** ts_headline marks matches with sentinels; they become <mark> elements, the text stays text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START).map((p, i) => ({ p, key: `${i}:${p.slice(0, 12)}` }));
  return (
    <span>
      {parts.map(({ p, key }, i) => {
        if (i === 0) return <span key={key}>{p}</span>;
        const [hit, rest] = p.split(HIGHLIGHT_STOP);
        return (
          <span key={key}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </span>
  );
}

export default async function PostmortemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('viewer');
  const params = single(await searchParams);
  const db = await getDb();
  const q = params.q?.trim() ?? '';
  const status = oneOf(params.status, POSTMORTEM_STATUSES);
  const [all, owing, hits] = await Promise.all([
    listPostmortems(db),
    incidentsWithoutPostmortem(db),
    q ? searchIncidents(db, q) : Promise.resolve([]),
  ]);
  const rows = all.filter((r) => !status || r.status === status);
  return (
    <>
      <PageHeader
        title="Postmortems"
        description="Blameless write-ups of what happened, what it cost in error budget and what we change."
        crumbs={[{ label: 'Reliability' }, { label: 'Postmortems' }]}
      />
      <UrlFilters
        placeholder="Full-text search…"
        selects={[
          {
            name: 'status',
            label: 'Status',
            options: POSTMORTEM_STATUSES.map((s) => ({ value: s, label: s.replace('_', ' ') })),
          },
        ]}
      />
      {q ? (
        <section aria-label="Search results" className="mb-6">
          <h2 className="mb-2 font-semibold">
            {hits.length} result{hits.length === 1 ? '' : 's'} for “{q}”
          </h2>
          <ul className="grid gap-3">
            {hits.map((h) => (
              <li
                key={`${h.kind}-${h.id}`}
                className="rounded-md border p-3 text-sm"
                data-testid="search-hit"
              >
                <Link
                  className="font-medium underline"
                  href={`/${h.kind === 'postmortem' ? 'postmortems' : 'incidents'}/${h.id}`}
                >
                  {h.title}
                </Link>{' '}
                <span className="text-xs text-muted-foreground">
                  {h.kind} · {h.status.replace('_', ' ')}
                </span>
                <p className="mt-1 text-muted-foreground">
                  <Snippet text={h.snippet} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {owing.length ? (
        <section
          aria-label="Owing a postmortem"
          className="mb-6 rounded-lg border border-warning p-3 text-sm"
        >
          <h2 className="mb-1 font-semibold">SEV1/SEV2 incidents without a postmortem</h2>
          <ul>
            {owing.map((o) => (
              <li key={o.id}>
                <Link className="underline" href={`/incidents/${o.id}`}>
                  INC-{o.number} {o.title}
                </Link>{' '}
                {o.overdue ? <span className="text-critical">overdue (no draft after 3 days)</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={FileText} title="No postmortems yet">
          Open a resolved incident and choose “Write the postmortem”: it starts prefilled with the timeline
          and the error budget the incident spent.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <THead>
              <Tr>
                <Th>Postmortem</Th>
                <Th>Status</Th>
                <Th className="hidden sm:table-cell">Severity</Th>
                <Th className="hidden md:table-cell">Author</Th>
                <Th className="hidden md:table-cell">Open items</Th>
                <Th className="hidden lg:table-cell">Updated</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td>
                    <Link href={`/postmortems/${r.id}`} className="font-medium hover:underline">
                      {r.title}
                    </Link>
                    {r.overdue ? <span className="ml-2 text-xs text-critical">overdue</span> : null}
                  </Td>
                  <Td>
                    <StatusBadge status={r.status} />
                  </Td>
                  <Td className="hidden sm:table-cell">
                    <SeverityBadge severity={r.severity} />
                  </Td>
                  <Td className="hidden md:table-cell">{r.author ?? '—'}</Td>
                  <Td className="hidden tabular-nums md:table-cell">{r.openItems}</Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">
                    <Utc at={r.updatedAt} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </>
  );
}

import { BookOpen, Download, Plus, Upload } from 'lucide-react';
import Link from 'next/link';
import { UrlFilters } from '@/components/data/url-filters';
import { Snippet } from '@/components/runbooks/snippet';
import { StalenessBadge } from '@/components/runbooks/staleness-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listServices } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { listRunbookAlertNames, searchRunbooks } from '@/db/runbooks/queries';
import { hasRole } from '@/lib/auth/roles';
import { staleness } from '@/lib/runbooks/staleness';
import { single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Runbooks' };

export default async function RunbooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const params = single(await searchParams);
  const filter = {
    q: params.q?.slice(0, 200),
    service: params.service?.slice(0, 100),
    alert: params.alert?.slice(0, 128),
    team: params.team?.slice(0, 100),
    overdue: params.review === 'overdue',
  };
  const db = await getDb();
  const [rows, services, teams, alerts] = await Promise.all([
    searchRunbooks(db, filter),
    listServices(db),
    listTeams(db),
    listRunbookAlertNames(db),
  ]);
  const canEdit = hasRole(user.role, 'engineer');
  const filtered = Boolean(filter.q || filter.service || filter.alert || filter.team || filter.overdue);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="What to do when an alert fires: searchable, reviewed, linked to services and alerts."
        crumbs={[{ label: 'Operations' }, { label: 'Runbooks' }]}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href="/api/ui/runbooks/export" download>
                <Download aria-hidden /> Export
              </a>
            </Button>
            {canEdit && (
              <>
                <Button asChild variant="outline" size="sm">
                  <Link href="/runbooks/import">
                    <Upload aria-hidden /> Import
                  </Link>
                </Button>
                <Button asChild size="sm">
                  <Link href="/runbooks/new">
                    <Plus aria-hidden /> New runbook
                  </Link>
                </Button>
              </>
            )}
          </>
        }
      />
      <UrlFilters
        placeholder="Search titles and text…"
        selects={[
          {
            name: 'service',
            label: 'Service',
            options: services.map((s) => ({ value: s.slug, label: s.name })),
          },
          { name: 'alert', label: 'Alert', options: alerts.map((a) => ({ value: a, label: a })) },
          { name: 'team', label: 'Team', options: teams.map((t) => ({ value: t.slug, label: t.name })) },
          { name: 'review', label: 'Review', options: [{ value: 'overdue', label: 'Review overdue' }] },
        ]}
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={BookOpen}
          title={filtered ? 'No runbook matches' : 'No runbooks yet'}
          action={
            canEdit && (
              <Button asChild>
                <Link
                  href={
                    filter.alert
                      ? `/runbooks/new?alerts=${encodeURIComponent(filter.alert)}`
                      : '/runbooks/new'
                  }
                >
                  <Plus aria-hidden /> Write a runbook
                </Link>
              </Button>
            )
          }
        >
          {filtered
            ? 'Try fewer words or clear a filter.'
            : 'Write the first one from the template, or import a folder of markdown files.'}
        </EmptyState>
      ) : (
        <ul className="grid gap-3" data-testid="runbook-results">
          {rows.map((r) => (
            <li key={r.id} className="rounded-lg border bg-card p-4" data-testid="runbook-result">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/runbooks/${r.slug}`} className="font-medium hover:underline">
                  {r.title}
                </Link>
                <StalenessBadge staleness={staleness(r, now)} />
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                {r.serviceName && <span>{r.serviceName}</span>}
                {r.teamName && <span>· {r.teamName}</span>}
                {r.alertNames.map((a) => (
                  <Badge key={a} variant="outline" className="font-mono">
                    {a}
                  </Badge>
                ))}
              </div>
              {r.snippet && (
                <div className="mt-2">
                  <Snippet text={r.snippet} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

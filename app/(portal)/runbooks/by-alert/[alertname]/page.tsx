import { BookOpen, Plus } from 'lucide-react';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { runbooksForAlert } from '@/db/runbooks/queries';
import { ALERT_NAME } from '@/lib/runbooks/validation';
import { single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Runbook for alert' };

/**
 * /runbooks/by-alert/{alertname}?service={service}: the link in a generated rule's
 * `runbook_url` and in Alertmanager notifications. One match redirects straight to it.
 */
export default async function ByAlertPage({
  params,
  searchParams,
}: {
  params: Promise<{ alertname: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser();
  const { alertname: raw } = await params;
  const { service } = single(await searchParams);
  let alertname = '';
  try {
    alertname = decodeURIComponent(raw);
  } catch {}
  const valid = ALERT_NAME.test(alertname);
  const matches = valid ? await runbooksForAlert(await getDb(), alertname, service?.slice(0, 100)) : [];
  if (matches.length === 1) redirect(`/runbooks/${matches[0].slug}`);
  const newHref = `/runbooks/new?${new URLSearchParams({ alerts: valid ? alertname : '', ...(service ? { service } : {}) })}`;
  return (
    <>
      <PageHeader
        title={valid ? `Runbooks for ${alertname}` : 'Not an alert name'}
        description={service ? `Alert from ${service}` : undefined}
        crumbs={[{ label: 'Runbooks', href: '/runbooks' }, { label: 'By alert' }]}
      />
      {matches.length === 0 ? (
        <EmptyState
          icon={BookOpen}
          title="No runbook answers this alert yet"
          action={
            valid && (
              <Button asChild>
                <Link href={newHref}>
                  <Plus aria-hidden /> Write one
                </Link>
              </Button>
            )
          }
        >
          Search the{' '}
          <Link href="/runbooks" className="underline">
            library
          </Link>{' '}
          for the symptoms instead.
        </EmptyState>
      ) : (
        <ul className="grid gap-2" data-testid="alert-matches">
          {matches.map((r) => (
            <li key={r.id} className="rounded-lg border bg-card p-3">
              <Link href={`/runbooks/${r.slug}`} className="font-medium hover:underline">
                {r.title}
              </Link>
              <span className="ml-2 text-sm text-muted-foreground">{r.serviceName ?? 'any service'}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

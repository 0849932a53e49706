import { History, Pencil } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { Markdown } from '@/components/markdown/markdown';
import { StalenessBadge } from '@/components/runbooks/staleness-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getRunbookBySlug } from '@/db/runbooks/queries';
import { hasRole } from '@/lib/auth/roles';
import { staleness } from '@/lib/runbooks/staleness';
import { requirePageUser } from '@/server/guard';
import { deleteRunbookAction } from '../actions';
import { ReviewButton } from './review-button';

const fmt = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export default async function RunbookPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser();
  const { slug } = await params;
  const rb = await getRunbookBySlug(await getDb(), slug);
  if (!rb) notFound();
  const canEdit = hasRole(user.role, 'engineer');
  const stale = staleness(rb);
  return (
    <>
      <PageHeader
        title={rb.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {rb.serviceSlug && (
              <Link href={`/catalog/services/${rb.serviceSlug}`} className="hover:underline">
                {rb.serviceName}
              </Link>
            )}
            {rb.teamName && <span>· owned by {rb.teamName}</span>}
            <StalenessBadge staleness={stale} />
          </span>
        }
        crumbs={[{ label: 'Runbooks', href: '/runbooks' }, { label: rb.title }]}
        actions={
          <>
            {canEdit && <ReviewButton id={rb.id} />}
            <Button asChild variant="outline" size="sm">
              <Link href={`/runbooks/${rb.slug}/revisions`}>
                <History aria-hidden /> History
              </Link>
            </Button>
            {canEdit && (
              <Button asChild size="sm">
                <Link href={`/runbooks/${rb.slug}/edit`}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </Button>
            )}
            {hasRole(user.role, 'admin') && (
              <ConfirmDelete
                action={deleteRunbookAction}
                id={rb.id}
                what={`runbook ${rb.title}`}
                redirectTo="/runbooks"
              />
            )}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <article className="min-w-0 rounded-lg border bg-card p-4 sm:p-6" data-testid="runbook-body">
          {rb.body.trim() ? (
            <Markdown>{rb.body}</Markdown>
          ) : (
            <p className="text-sm text-muted-foreground">This runbook is empty.</p>
          )}
        </article>
        <aside className="grid content-start gap-4 text-sm">
          <section>
            <h2 className="mb-1 font-medium">Alerts it answers</h2>
            {rb.alertNames.length === 0 ? (
              <p className="text-muted-foreground">None</p>
            ) : (
              <ul className="flex flex-wrap gap-1">
                {rb.alertNames.map((a) => (
                  <li key={a}>
                    <Badge variant="outline" className="font-mono">
                      {a}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2 className="mb-1 font-medium">Review</h2>
            <p className="text-muted-foreground">
              Every {rb.reviewIntervalDays} days; due {stale.dueAt.toISOString().slice(0, 10)}.
            </p>
            <p className="text-muted-foreground" data-testid="last-reviewed">
              {rb.lastReviewedAt
                ? `Last reviewed ${fmt(rb.lastReviewedAt)} by ${rb.lastReviewedBy ?? 'someone'}`
                : 'Never reviewed'}
            </p>
          </section>
          <section>
            <h2 className="mb-1 font-medium">Version {rb.version}</h2>
            <p className="text-muted-foreground">
              Saved {fmt(rb.updatedAt)}
              {rb.updatedBy ? ` by ${rb.updatedBy}` : ''}
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: (await params).slug };
}

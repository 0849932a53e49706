import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SideBySideDiff, UnifiedDiff } from '@/components/runbooks/diff-view';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getRunbookBySlug, listRevisions } from '@/db/runbooks/queries';
import type { RunbookRevision } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { diffStats, sideBySide, unifiedDiff } from '@/lib/runbooks/diff';
import { single } from '@/lib/search-params';
import { cn } from '@/lib/utils';
import { requirePageUser } from '@/server/guard';
import { RestoreButton } from './restore-button';

const fmt = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** What a diff compares: the title line and the body, so a renamed runbook shows it too. */
const textOf = (r: RunbookRevision) => `# ${r.title}\nalerts: ${r.alertNames.join(', ') || '—'}\n\n${r.body}`;

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { slug } = await params;
  const query = single(await searchParams);
  const db = await getDb();
  const rb = await getRunbookBySlug(db, slug);
  if (!rb) notFound();
  const revisions = await listRevisions(db, rb.id);
  const byVersion = new Map(revisions.map((r) => [r.version, r]));
  const newest = revisions[0];
  const to = byVersion.get(Number(query.to)) ?? newest;
  const from =
    byVersion.get(Number(query.from)) ?? revisions.find((r) => r.version < (to?.version ?? 0)) ?? to;
  const view = query.view === 'split' ? 'split' : 'unified';
  const canEdit = hasRole(user.role, 'engineer');
  const href = (p: Record<string, string | number>) => {
    const next = new URLSearchParams({
      from: String(from?.version ?? ''),
      to: String(to?.version ?? ''),
      view,
    });
    for (const [k, v] of Object.entries(p)) next.set(k, String(v));
    return `?${next.toString()}`;
  };

  return (
    <>
      <PageHeader
        title={`History of ${rb.title}`}
        description="Every save is a revision. Compare any two; restoring writes the old text back as a new revision."
        crumbs={[
          { label: 'Runbooks', href: '/runbooks' },
          { label: rb.title, href: `/runbooks/${rb.slug}` },
          { label: 'History' },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <ol className="grid content-start gap-2" data-testid="revisions">
          {revisions.map((r, i) => {
            const older = revisions[i + 1];
            const stats = older ? diffStats(textOf(older), textOf(r)) : null;
            return (
              <li
                key={r.id}
                className={cn(
                  'rounded-lg border bg-card p-3 text-sm',
                  r.version === to?.version && 'border-primary',
                )}
                data-testid="revision"
              >
                <div className="flex items-center justify-between gap-2">
                  <Link
                    href={href({ from: older?.version ?? r.version, to: r.version })}
                    className="font-medium hover:underline"
                  >
                    Version {r.version}
                  </Link>
                  {r.version === rb.version ? (
                    <Badge variant="primary">current</Badge>
                  ) : (
                    canEdit && <RestoreButton id={rb.id} revision={r.version} version={rb.version} />
                  )}
                </div>
                <p className="text-muted-foreground">
                  {fmt(r.createdAt)} · {r.authorLabel}
                </p>
                {r.note && <p className="text-muted-foreground italic">{r.note}</p>}
                {stats && (
                  <p className="text-xs tabular-nums">
                    <span className="text-healthy">+{stats.added}</span>{' '}
                    <span className="text-critical">−{stats.removed}</span>
                    {r.version !== rb.version && (
                      <>
                        {' · '}
                        <Link href={href({ from: r.version, to: rb.version })} className="underline">
                          compare with current
                        </Link>
                      </>
                    )}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        <section className="min-w-0">
          {from && to && from.version !== to.version ? (
            <>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  Version {from.version} → version {to.version}
                </h2>
                <nav className="flex gap-1" aria-label="Diff view">
                  {(['unified', 'split'] as const).map((v) => (
                    <Link
                      key={v}
                      href={href({ view: v })}
                      aria-current={view === v ? 'true' : undefined}
                      className={cn(
                        'rounded-md px-3 py-1 text-sm hover:bg-accent',
                        view === v && 'bg-accent font-medium',
                      )}
                    >
                      {v === 'unified' ? 'Unified' : 'Side by side'}
                    </Link>
                  ))}
                </nav>
              </div>
              {view === 'split' ? (
                <SideBySideDiff rows={sideBySide(textOf(from), textOf(to))} />
              ) : (
                <UnifiedDiff
                  patch={unifiedDiff(
                    textOf(from),
                    textOf(to),
                    `version ${from.version}`,
                    `version ${to.version}`,
                  )}
                />
              )}
            </>
          ) : (
            <p className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
              Only one revision so far: edit the runbook to start its history.
            </p>
          )}
        </section>
      </div>
    </>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: `History of ${(await params).slug}` };
}

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SeverityBadge, StatusBadge, Utc } from '@/components/incidents/badges';
import { Markdown } from '@/components/markdown/markdown';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listUsers } from '@/db/identity/users';
import { listActionItems } from '@/db/incidents/action-items';
import { getPostmortem } from '@/db/incidents/postmortems';
import { hasRole } from '@/lib/auth/roles';
import { postmortemOverdue } from '@/lib/incidents/metrics';
import { SECTION_KEYS, SECTION_TITLES } from '@/lib/incidents/types';
import { requirePageUser } from '@/server/guard';
import { ActionItemsPanel, ReviewPanel } from './client';
import { PostmortemEditor } from './editor';

export const metadata = { title: 'Postmortem' };

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('viewer');
  const { id } = await params;
  const db = await getDb();
  const pm = await getPostmortem(db, id);
  if (!pm) notFound();
  const [items, people] = await Promise.all([listActionItems(db, { postmortemId: id }), listUsers(db)]);
  const canWrite = hasRole(user.role, 'engineer');
  const editable = canWrite && pm.status !== 'published';
  const overdue = postmortemOverdue(pm.incident, pm, new Date());
  return (
    <>
      <PageHeader
        title={pm.title}
        crumbs={[{ label: 'Postmortems', href: '/postmortems' }, { label: `INC-${pm.incident.number}` }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={pm.status} />
            <SeverityBadge severity={pm.incident.severity} />
            <Link className="underline" href={`/incidents/${pm.incident.id}`}>
              INC-{pm.incident.number}
            </Link>
            {pm.author ? <span>· by {pm.author}</span> : null}
            {overdue ? (
              <span className="text-critical">
                · overdue: {overdue === 'no-draft' ? 'no draft' : 'not published'}
              </span>
            ) : null}
          </span>
        }
        actions={
          <a className="text-sm underline" href={`/postmortems/${pm.id}/export`}>
            Export Markdown
          </a>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0">
          {editable ? (
            <PostmortemEditor
              id={pm.id}
              version={pm.version}
              initial={{ title: pm.title, sections: pm.sections }}
            />
          ) : (
            <article className="grid gap-4">
              {pm.status === 'published' ? (
                <p className="rounded-md bg-muted px-3 py-2 text-sm">
                  Published <Utc at={pm.publishedAt} />: read-only. Action items stay editable.
                </p>
              ) : null}
              {SECTION_KEYS.map((k) => (
                <section key={k}>
                  <h2 className="font-semibold">{SECTION_TITLES[k]}</h2>
                  <Markdown>{pm.sections[k] || '_(empty)_'}</Markdown>
                </section>
              ))}
            </article>
          )}
        </div>
        <aside className="grid content-start gap-4">
          <ReviewPanel
            id={pm.id}
            status={pm.status}
            canWrite={canWrite}
            isAuthor={pm.authorId === user.id}
            approvals={pm.reviews
              .filter((r) => r.round === pm.reviewRound && r.decision === 'approved')
              .map((r) => r.reviewer)}
            reviews={pm.reviews.map((r) => ({
              id: r.id,
              reviewer: r.reviewer,
              decision: r.decision,
              comment: r.comment,
            }))}
          />
          <ActionItemsPanel
            id={pm.id}
            canWrite={canWrite}
            items={items.map((i) => ({
              id: i.id,
              title: i.title,
              type: i.type,
              priority: i.priority,
              status: i.status,
              owner: i.owner,
              dueDate: i.dueDate,
              overdue: i.overdue,
              trackerUrl: i.trackerUrl,
            }))}
            people={people.filter((p) => !p.disabled).map((p) => ({ value: p.id, label: p.name }))}
          />
        </aside>
      </div>
    </>
  );
}

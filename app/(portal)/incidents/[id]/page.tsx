import { eq } from 'drizzle-orm';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SeverityBadge, StatusBadge, Utc } from '@/components/incidents/badges';
import { Markdown } from '@/components/markdown/markdown';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { budgetConsumedByWindow } from '@/db/incidents/budget';
import { getIncident } from '@/db/incidents/incidents';
import { postmortems } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { formatMinutes } from '@/lib/format';
import { SLO_ALERT_NAMES } from '@/lib/runbooks/alerts';
import { requirePageUser } from '@/server/guard';
import { RunbookLinks } from '../../runbooks/runbook-links';
import { IncidentControls, TimelineForm } from './client';

export const metadata = { title: 'Incident' };

const mins = (m: number | null) => (m === null ? '—' : formatMinutes(m));

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('viewer');
  const { id } = await params;
  const db = await getDb();
  const incident = await getIncident(db, id);
  if (!incident) notFound();
  const [pm] = await db
    .select({ id: postmortems.id, status: postmortems.status })
    .from(postmortems)
    .where(eq(postmortems.incidentId, id));
  const budgets = await budgetConsumedByWindow(
    db,
    incident.slos.map((s) => s.id),
    incident.startedAt,
    incident.resolvedAt ?? new Date(),
  );
  const canWrite = hasRole(user.role, 'engineer');
  const d = incident.durations;
  return (
    <>
      <PageHeader
        title={`INC-${incident.number} ${incident.title}`}
        crumbs={[{ label: 'Incidents', href: '/incidents' }, { label: `INC-${incident.number}` }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={incident.severity} /> <StatusBadge status={incident.status} />
            <span>opened {incident.source === 'manual' ? 'by hand' : `by ${incident.source}`}</span>
            {incident.alertName ? <span>· alert {incident.alertName}</span> : null}
          </span>
        }
        actions={
          pm ? (
            <Link className="underline" href={`/postmortems/${pm.id}`}>
              Postmortem ({pm.status.replace('_', ' ')})
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          {canWrite ? (
            <IncidentControls id={incident.id} status={incident.status} hasPostmortem={!!pm} />
          ) : null}
          <section aria-labelledby="timeline-h" className="rounded-lg border p-4">
            <h2 id="timeline-h" className="mb-3 font-semibold">
              Timeline
            </h2>
            <ol className="grid gap-2">
              {incident.timeline.map((t) => (
                <li key={t.id} className="grid gap-0.5 border-l-2 pl-3 text-sm" data-kind={t.kind}>
                  <span className="text-xs text-muted-foreground">
                    <Utc at={t.at} /> · {t.kind} · {t.authorLabel}
                  </span>
                  <span className="whitespace-pre-wrap break-words">{t.text}</span>
                </li>
              ))}
            </ol>
            {canWrite && incident.status !== 'resolved' ? <TimelineForm id={incident.id} /> : null}
          </section>
          {incident.summary ? (
            <section className="rounded-lg border p-4">
              <h2 className="mb-2 font-semibold">Summary</h2>
              <Markdown>{incident.summary}</Markdown>
            </section>
          ) : null}
        </div>
        <aside className="grid content-start gap-4">
          <section className="rounded-lg border p-4 text-sm">
            <h2 className="mb-2 font-semibold">Milestones</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt>Started</dt>
              <dd>
                <Utc at={incident.startedAt} />
              </dd>
              <dt>Detected</dt>
              <dd>
                <Utc at={incident.detectedAt} />
              </dd>
              <dt>Acknowledged</dt>
              <dd>
                <Utc at={incident.acknowledgedAt} />
              </dd>
              <dt>Mitigated</dt>
              <dd>
                <Utc at={incident.mitigatedAt} />
              </dd>
              <dt>Resolved</dt>
              <dd>
                <Utc at={incident.resolvedAt} />
              </dd>
            </dl>
            <dl className="mt-3 grid grid-cols-4 gap-2 text-center" aria-label="Response times">
              {(
                [
                  ['TTD', d.ttd],
                  ['TTA', d.tta],
                  ['TTM', d.ttm],
                  ['TTR', d.ttr],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="rounded bg-muted p-1">
                  <dt className="text-xs text-muted-foreground">{k}</dt>
                  <dd className="font-medium tabular-nums" data-testid={k}>
                    {mins(v)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="rounded-lg border p-4 text-sm">
            <h2 className="mb-2 font-semibold">Roles</h2>
            <p>Commander: {incident.roles.commander ?? '—'}</p>
            <p>Comms: {incident.roles.comms ?? '—'}</p>
            <p>Scribe: {incident.roles.scribe ?? '—'}</p>
          </section>
          <section className="rounded-lg border p-4 text-sm">
            <h2 className="mb-2 font-semibold">Affected</h2>
            <p>Services: {incident.services.map((s) => s.name).join(', ') || '—'}</p>
            <ul className="mt-2 grid gap-1">
              {budgets.map((b) => (
                <li key={b.sloId}>
                  <Link href={`/slos/${b.slug}`} className="underline">
                    {b.name}
                  </Link>
                  : {b.text}
                </li>
              ))}
            </ul>
            {incident.runbookUrl ? (
              <p className="mt-2">
                <a className="underline" href={incident.runbookUrl} rel="noopener noreferrer">
                  Runbook
                </a>
              </p>
            ) : null}
          </section>
          <RunbookLinks
            serviceId={incident.services[0]?.id ?? null}
            serviceSlug={incident.services[0]?.slug ?? null}
            alertNames={incident.alertName ? [incident.alertName] : SLO_ALERT_NAMES}
          />
        </aside>
      </div>
    </>
  );
}

import type * as React from 'react';
import type { MonthlyReport } from '@/lib/reports/types';
import { formatMinutes } from '@/lib/slo/format';
import { MonthBars } from './thumbs';

export function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="break-inside-avoid rounded-lg border bg-card p-5">
      <h2 id={`${id}-title`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const minutes = (m: number | null) => (m === null ? '—' : formatMinutes(m));

export function IncidentsSection({ report }: { report: MonthlyReport }) {
  const inc = report.incidents;
  if (!inc.available)
    return (
      <Section title="Incidents" id="incidents">
        <p className="text-sm text-muted-foreground">Incidents are not tracked in the portal yet.</p>
      </Section>
    );
  const trend = [...inc.trend].reverse();
  const labels = trend.map((t) => t.month);
  const current = inc.trend[0];
  return (
    <Section title="Incidents" id="incidents">
      <div className="grid gap-4 md:grid-cols-3 print:grid-cols-3">
        <div>
          <h3 className="mb-1 text-sm font-semibold">By severity</h3>
          <ul className="text-sm" data-testid="incidents-by-severity">
            {['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((sev) => (
              <li key={sev} className="flex justify-between border-t py-1 first:border-t-0">
                <span>{sev}</span>
                <span className="font-medium">{inc.bySeverity[sev] ?? 0}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">By service</h3>
          {inc.byService.length === 0 ? (
            <p className="text-sm text-muted-foreground">No incidents this month.</p>
          ) : (
            <ul className="text-sm">
              {inc.byService.map((s) => (
                <li key={s.service} className="flex justify-between border-t py-1 first:border-t-0">
                  <span>{s.service}</span>
                  <span className="font-medium">{s.count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-col gap-2 text-sm">
          <div>
            <h3 className="font-semibold">
              MTTA {minutes(current?.mttaMinutes ?? null)} · MTTR {minutes(current?.mttrMinutes ?? null)}
            </h3>
            <p className="text-xs text-muted-foreground">
              This month against the six before it (MTTR, minutes)
            </p>
          </div>
          <MonthBars
            values={trend.map((t) => t.mttrMinutes)}
            labels={labels}
            unit="min"
            title="Mean time to resolve per month"
          />
        </div>
      </div>
      {inc.notable.length > 0 && (
        <div className="mt-4">
          <h3 className="mb-1 text-sm font-semibold">Incidents of note</h3>
          <ul className="list-disc pl-5 text-sm">
            {inc.notable.map((n) => (
              <li key={n.id}>
                {n.severity} — {n.title} ({n.status})
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

export function FollowUps({ report }: { report: MonthlyReport }) {
  const f = report.followUps;
  if (!f.available) return null;
  const rate = f.actionItemsTotal ? Math.round((f.actionItemsDone / f.actionItemsTotal) * 100) : null;
  return (
    <Section title="Postmortems and action items" id="follow-ups">
      <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">Postmortems published</dt>
          <dd className="text-lg font-semibold">
            {f.postmortemsPublished} of {f.postmortemsDue}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Action items done</dt>
          <dd className="text-lg font-semibold">{rate === null ? '—' : `${rate} %`}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Action items</dt>
          <dd className="text-lg font-semibold">{f.actionItemsTotal}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Overdue</dt>
          <dd
            className={
              f.actionItemsOverdue > 0 ? 'text-lg font-semibold text-depleted' : 'text-lg font-semibold'
            }
          >
            {f.actionItemsOverdue}
          </dd>
        </div>
      </dl>
      {f.overdue.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm">
          {f.overdue.map((a) => (
            <li key={a.id}>
              {a.priority} — {a.title}
              {a.owner && ` · ${a.owner}`}
              {a.dueDate && ` · due ${a.dueDate}`}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function Methodology({ report }: { report: MonthlyReport }) {
  return (
    <Section title="Methodology" id="methodology">
      <div className="space-y-2 text-sm text-muted-foreground">
        <p>
          Every number covers the calendar month in {report.timezone} ({report.start.slice(0, 10)} to{' '}
          {new Date(new Date(report.end).getTime() - 1).toISOString().slice(0, 10)}
          {report.closed ? '' : ', measured so far'}), whatever each SLO's own window is. An SLO's attainment
          and error budget use its budgeting method: occurrences count good events out of all events;
          timeslices count bad minutes against the budget of the whole month. An SLA's attainment is the
          lowest attainment of the SLOs that measure it; its credit is the deepest credit tier that attainment
          falls below.
        </p>
        <p>
          Corrections (planned maintenance and other agreed exclusions) remove their minutes from every
          computation.
          {report.corrections.length === 0 ? ' None were applied this month.' : ' Applied this month:'}
        </p>
        {report.corrections.length > 0 && (
          <ul className="list-disc pl-5" data-testid="corrections">
            {report.corrections.map((c) => (
              <li key={`${c.slo}-${c.start}`}>
                {c.slo}: {c.start.slice(0, 16).replace('T', ' ')} – {c.end.slice(0, 16).replace('T', ' ')} UTC
                ({formatMinutes(c.minutes)}) — {c.reason}
              </li>
            ))}
          </ul>
        )}
        {report.closed && (
          <p>
            This report was frozen when first generated after the month closed; later changes appear as
            restatements.
          </p>
        )}
      </div>
    </Section>
  );
}

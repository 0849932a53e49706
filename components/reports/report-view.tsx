// The monthly SLA report as one server-rendered view: the web page, the print view and the PDF
// all render this component from the same MonthlyReport object.

import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { MonthlyReport, SlaReportRow } from '@/lib/reports/types';
import { formatMinutes, formatPercent, formatTarget } from '@/lib/slo/format';
import { cn } from '@/lib/utils';
import { FollowUps, IncidentsSection, Methodology, Section } from './report-sections';
import { BurndownThumb, RagDot } from './thumbs';

const dateTime = (iso: string, timezone: string) =>
  new Date(iso).toLocaleString('en-GB', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' });

function Change({ row }: { row: SlaReportRow }) {
  if (row.changePoints === null) return <span className="text-muted-foreground">—</span>;
  const pts = row.changePoints;
  const flat = Math.abs(pts) < 0.005;
  const Icon = flat ? ArrowRight : pts > 0 ? ArrowUpRight : ArrowDownRight;
  return (
    <span
      className={cn('inline-flex items-center gap-1', !flat && (pts > 0 ? 'text-healthy' : 'text-depleted'))}
    >
      <Icon className="size-3.5" aria-hidden />
      <span>
        {pts > 0 ? '+' : ''}
        {pts.toFixed(2)} pts
      </span>
    </span>
  );
}

export function ReportView({ report, linkable = true }: { report: MonthlyReport; linkable?: boolean }) {
  const days = Math.round((new Date(report.end).getTime() - new Date(report.start).getTime()) / 86_400_000);
  return (
    <article className="report flex flex-col gap-6" data-testid="sla-report">
      {report.restatements.length > 0 && (
        <div role="note" className="rounded-lg border border-warning/50 bg-warning/10 px-4 py-3 text-sm">
          {report.restatements.map((r) => (
            <p key={r.at}>
              <strong>Restated on {dateTime(r.at, report.timezone)}</strong> after the month closed:{' '}
              {r.changes.join('; ')}.
            </p>
          ))}
        </div>
      )}

      <Section title="Executive summary" id="summary">
        <div className="flex items-start gap-3">
          <RagDot rag={report.rag} className="mt-1.5" />
          <p className="leading-relaxed" data-testid="executive-summary">
            {report.summary}
          </p>
        </div>
        {report.decisions.length > 0 && (
          <div className="mt-4">
            <h3 className="mb-1 text-sm font-semibold">Decisions needed</h3>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {report.decisions.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </div>
        )}
      </Section>

      <Section title="SLAs by service" id="slas">
        {report.slas.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No SLA is defined yet.{' '}
            {linkable && (
              <Link className="text-primary underline" href="/reports/slas/new">
                Define the first SLA
              </Link>
            )}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="sla-table">
              <thead className="text-left text-xs text-muted-foreground">
                <tr>
                  <th className="py-2 pr-3 font-medium">Service</th>
                  <th className="py-2 pr-3 font-medium">SLA</th>
                  <th className="py-2 pr-3 text-right font-medium">Target</th>
                  <th className="py-2 pr-3 text-right font-medium">Actual</th>
                  <th className="py-2 pr-3 font-medium">Result</th>
                  <th className="py-2 pr-3 text-right font-medium">Credit</th>
                  <th className="py-2 pr-3 text-right font-medium">Budget used</th>
                  <th className="py-2 font-medium">vs last month</th>
                </tr>
              </thead>
              <tbody>
                {report.slas.map((s) => (
                  <tr key={s.slaId} className="border-t">
                    <td className="py-2 pr-3">
                      <span className="flex items-center gap-2">
                        <RagDot rag={s.rag} />
                        {s.serviceName}
                      </span>
                    </td>
                    <td className="py-2 pr-3">{s.name}</td>
                    <td className="py-2 pr-3 text-right">{formatTarget(s.target)}</td>
                    <td className="py-2 pr-3 text-right font-medium">{formatPercent(s.attainment, 3)}</td>
                    <td className="py-2 pr-3">
                      {s.met === null ? (
                        <Badge>No data</Badge>
                      ) : s.met ? (
                        <Badge variant="healthy">Met</Badge>
                      ) : (
                        <Badge variant="depleted">Breached</Badge>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-right">
                      {s.creditPercent > 0 ? `${s.creditPercent} %` : '—'}
                    </td>
                    <td className="py-2 pr-3 text-right">{formatPercent(s.budgetUsed, 0)}</td>
                    <td className="py-2">
                      <Change row={s} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title="SLO attainment and error budgets" id="slos">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 print:grid-cols-3">
          {report.slos.map((s) => (
            <div key={s.sloId} className="break-inside-avoid rounded-md border p-3" data-testid="slo-card">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  {linkable ? (
                    <Link
                      href={`/slos/${s.slug}`}
                      className="block truncate text-sm font-medium hover:underline"
                    >
                      {s.name}
                    </Link>
                  ) : (
                    <span className="block truncate text-sm font-medium">{s.name}</span>
                  )}
                  <span className="text-xs text-muted-foreground">
                    {s.serviceName} · target {formatTarget(s.target)}
                  </span>
                </div>
                <span className="text-right text-sm font-semibold">{formatPercent(s.attainment, 3)}</span>
              </div>
              <div className="mt-2 flex items-end justify-between gap-2">
                <BurndownThumb points={s.burndown} days={days} label={`Error budget burndown of ${s.name}`} />
                <span
                  className={cn(
                    'text-xs',
                    s.budgetRemaining !== null && s.budgetRemaining <= 0.05
                      ? 'text-depleted'
                      : 'text-muted-foreground',
                  )}
                >
                  {s.budgetRemaining === null
                    ? 'no data'
                    : `${formatPercent(s.budgetRemaining, 0)} budget left`}
                  {s.correctedMinutes > 0 && <> · {formatMinutes(s.correctedMinutes)} corrected</>}
                </span>
              </div>
            </div>
          ))}
        </div>
      </Section>

      <IncidentsSection report={report} />
      <FollowUps report={report} />

      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <Section title="Toil by team" id="toil">
          {report.toil.teams.length === 0 ? (
            <p className="text-sm text-muted-foreground">No team logged toil this month.</p>
          ) : (
            <table className="w-full text-sm" data-testid="toil-table">
              <tbody>
                {report.toil.teams.map((t) => (
                  <tr key={t.team} className="border-t first:border-t-0">
                    <td className="py-1.5">{t.team}</td>
                    <td className={cn('py-1.5 text-right', t.overCap && 'font-semibold text-depleted')}>
                      {formatPercent(t.toilShare, 1)}
                      {t.overCap && ` (cap ${formatPercent(report.toil.cap, 0)})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title="Capacity closest to exhaustion" id="capacity">
          {!report.capacity.available || report.capacity.resources.length === 0 ? (
            <p className="text-sm text-muted-foreground">No capacity resource runs out within 90 days.</p>
          ) : (
            <table className="w-full text-sm" data-testid="capacity-table">
              <tbody>
                {report.capacity.resources.map((r) => (
                  <tr key={`${r.service}/${r.resource}`} className="border-t first:border-t-0">
                    <td className="py-1.5">
                      {r.resource} <span className="text-muted-foreground">· {r.service}</span>
                    </td>
                    <td className="py-1.5 text-right">
                      {r.daysToExhaustion === null
                        ? 'not within the horizon'
                        : `${Math.round(r.daysToExhaustion)} days`}
                      {r.orderBy && <span className="text-muted-foreground"> · order by {r.orderBy}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>

      <Methodology report={report} />
    </article>
  );
}

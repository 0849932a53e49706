import { BarChart3, TriangleAlert } from 'lucide-react';
import { ToilCategoryChart, ToilTrendChart } from '@/components/charts';
import { StatTile } from '@/components/data/stat-tile';
import { CandidatesTable } from '@/components/toil/candidates-table';
import { ReportFilters } from '@/components/toil/report-filters';
import { ToilNav } from '@/components/toil/toil-nav';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadToilReport, type ToilReport } from '@/db/toil/report';
import { hasRole } from '@/lib/auth/roles';
import { formatHours, formatPercent, formatPeriod } from '@/lib/format';
import { oneOf, single } from '@/lib/search-params';
import { parseRange } from '@/lib/toil/periods';
import { cn } from '@/lib/utils';
import { pageContext } from '@/server/guard';
import { setAutomationEstimateAction } from './actions';
import { CapBadge, CategoryTable, PeriodTable, TASK_SORTS, TeamsTable, TopTasksTable } from './sections';

export const metadata = { title: 'Toil reports' };

const MAX_CANDIDATES = 15;

function trend(report: ToilReport) {
  const series = report.teams.map((t) => ({ key: t.slug, name: t.name }));
  const points = report.total.weeks.map((week, i) => ({
    label: formatPeriod(week.key),
    partial: week.partial,
    values: Object.fromEntries(
      report.teams.map((t) => {
        const fraction = t.weeks[i].fraction;
        return [t.slug, fraction === null ? null : fraction * 100];
      }),
    ),
  }));
  // A week in progress has few days of capacity and reads high or low: the trend shows whole weeks.
  const whole = points.filter((p) => !p.partial);
  return { series, points: whole.length > 0 ? whole : points };
}

export default async function ToilReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, user } = await pageContext('viewer');
  const params = single(await searchParams);
  const today = new Date().toISOString().slice(0, 10);
  const range = parseRange(params.from, params.to, today);
  const report = await loadToilReport(db, { team: params.team, range });
  const over = report.teams.filter((t) => t.overCap);
  const query = new URLSearchParams({ from: range.from, to: range.to }).toString();
  const { series, points } = trend(report);
  return (
    <>
      <PageHeader
        title="Toil reports"
        description={`${report.team ? report.team.name : 'All teams'}, ${range.from} to ${range.to}. Toil % = toil minutes ÷ (members × weekly hours × 60).`}
        crumbs={[{ label: 'Operations' }, { label: 'Toil', href: '/toil' }, { label: 'Reports' }]}
      />
      <ToilNav current="/toil/reports" role={user.role} />
      <ReportFilters
        teams={report.allTeams.map((t) => ({ value: t.slug, label: t.name }))}
        team={report.team?.slug ?? ''}
        from={range.from}
        to={range.to}
        today={today}
        exportable={hasRole(user.role, 'engineer')}
      />
      {over.length > 0 && (
        <div
          role="alert"
          data-testid="over-cap"
          className="mb-6 flex items-start gap-3 rounded-lg border border-depleted/40 bg-depleted/10 px-4 py-3 text-sm"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0 text-depleted" aria-hidden />
          <p>
            <strong>{over.map((t) => `${t.name} (${formatPercent(t.fraction, 1)})`).join(', ')}</strong>{' '}
            {over.length === 1 ? 'is' : 'are'} above the {formatPercent(report.cap, 0)} toil cap: more than
            half the time goes to manual, repetitive work. Start with the automation candidates below.
          </p>
        </div>
      )}
      {report.total.entries === 0 ? (
        <EmptyState icon={BarChart3} title="No toil logged in this range">
          Pick another team or a longer range, or log toil on the entry page.
        </EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-6">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatTile
              size="lg"
              label="Toil"
              value={formatPercent(report.total.fraction, 1)}
              sub={`${formatHours(report.total.minutes)} of ${formatHours(report.total.capacityMinutes)} capacity`}
              tone={report.total.overCap ? 'text-depleted' : undefined}
              badge={report.total.fraction === null ? undefined : <CapBadge over={report.total.overCap} />}
              testId="tile-toil"
            />
            <StatTile
              size="lg"
              label="Interrupts"
              value={formatPercent(report.total.interruptShare, 1)}
              sub="of toil time broke someone's focus"
            />
            <StatTile
              size="lg"
              label="After hours"
              value={formatPercent(report.total.afterHoursShare, 1)}
              sub="of toil time outside working hours"
            />
            <StatTile
              size="lg"
              label="Entries"
              value={String(report.total.entries)}
              sub={`${report.teams.length} team${report.teams.length === 1 ? '' : 's'}`}
            />
          </div>

          <TeamsTable teams={report.teams} cap={report.cap} query={query} />

          <Section
            title="Toil per week"
            description={`Share of team capacity per whole week, against the ${formatPercent(report.cap, 0)} cap. The week in progress is in the table below.`}
          >
            <ToilTrendChart points={points} series={series} cap={report.cap} />
          </Section>

          <div className={cn('grid grid-cols-1 gap-6', report.teams.length === 1 && 'lg:grid-cols-2')}>
            <Section
              title="Per week"
              description="Red: above the cap. A week in progress is shown but not flagged."
            >
              <PeriodTable report={report} kind="weeks" />
            </Section>
            <Section
              title="Per month"
              description="Capacity counts the days of each month inside the range (days ÷ 7 weeks)."
            >
              <PeriodTable report={report} kind="months" />
            </Section>
          </div>

          <Section title="Where the time goes" description="Toil by category.">
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr]">
              <ToilCategoryChart categories={report.categories} />
              <CategoryTable categories={report.categories} />
            </div>
          </Section>

          <Section title="Top tasks" description="The ten tasks that took the most time.">
            <TopTasksTable tasks={report.topTasks} params={params} sort={oneOf(params.sort, TASK_SORTS)} />
          </Section>

          <Section
            title="What to automate first"
            description="Automation candidates ranked by payback: hours saved per month = frequency × minutes ÷ 60 × automatable fraction (full 1, partial 0.5); payback = estimated hours ÷ hours saved per month."
          >
            <CandidatesTable
              candidates={report.candidates.slice(0, MAX_CANDIDATES)}
              teamId={report.team?.id ?? ''}
              action={setAutomationEstimateAction}
              canEdit={hasRole(user.role, 'engineer')}
              defaultEstimateHours={report.defaultEstimateHours}
            />
            <p className="mt-2 text-xs text-muted-foreground">
              {report.candidates.length > MAX_CANDIDATES &&
                `The ${MAX_CANDIDATES} quickest paybacks of ${report.candidates.length} candidates. `}
              {report.team
                ? `Estimates saved here apply to ${report.team.name}; other teams keep the shared estimate.`
                : 'Estimates saved here are shared by every team that has not set its own.'}
            </p>
          </Section>
        </div>
      )}
    </>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

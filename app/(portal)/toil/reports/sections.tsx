import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { SortHeader } from '@/components/data/sort-header';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { TeamToil, ToilReport } from '@/db/toil/report';
import { formatHours, formatPercent, formatPeriod } from '@/lib/format';
import type { PeriodToil } from '@/lib/toil/report';
import { cn } from '@/lib/utils';

export function CapBadge({ over }: { over: boolean }) {
  return over ? (
    <Badge variant="depleted">
      <TriangleAlert className="size-3" aria-hidden /> Over cap
    </Badge>
  ) : (
    <Badge variant="healthy">Within cap</Badge>
  );
}

/** One row per team: capacity, toil and its share, flagged above the cap. */
export function TeamsTable({ teams, cap, query }: { teams: TeamToil[]; cap: number; query: string }) {
  return (
    <Table data-testid="team-toil">
      <THead>
        <tr>
          <Th>Team</Th>
          <Th className="text-right">Members</Th>
          <Th className="text-right">Capacity / week</Th>
          <Th className="text-right">Toil</Th>
          <Th className="text-right">Toil %</Th>
          <Th>Against {formatPercent(cap, 0)} cap</Th>
          <Th className="text-right">Interrupts</Th>
          <Th className="text-right">After hours</Th>
        </tr>
      </THead>
      <TBody>
        {teams.map((t) => (
          <Tr key={t.id} data-testid="team-toil-row" data-over-cap={t.overCap || undefined}>
            <Td className="font-medium">
              <Link href={`/toil/reports?${query}&team=${t.slug}`} className="hover:underline">
                {t.name}
              </Link>
            </Td>
            <Td className="text-right tabular-nums">{t.members}</Td>
            <Td className="text-right tabular-nums">
              {formatHours(t.members * t.weeklyHoursPerMember * 60)}
            </Td>
            <Td className="text-right tabular-nums">{formatHours(t.minutes)}</Td>
            <Td className={cn('text-right font-medium tabular-nums', t.overCap && 'text-depleted')}>
              {formatPercent(t.fraction, 1)}
            </Td>
            <Td>
              {t.fraction === null ? (
                <span className="text-muted-foreground">no members</span>
              ) : (
                <CapBadge over={t.overCap} />
              )}
            </Td>
            <Td className="text-right tabular-nums">{formatPercent(t.interruptShare, 0)}</Td>
            <Td className="text-right tabular-nums">{formatPercent(t.afterHoursShare, 0)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function PeriodCell({ period }: { period: PeriodToil }) {
  return (
    <Td
      className={cn(
        'text-right tabular-nums',
        period.overCap && 'font-medium text-depleted',
        period.partial && 'text-muted-foreground',
      )}
      title={`${formatHours(period.minutes)} of ${formatHours(period.capacityMinutes)} capacity${period.partial ? ' (partial period)' : ''}`}
    >
      {formatPercent(period.fraction, 1)}
      {period.overCap && <span className="sr-only"> (over cap)</span>}
    </Td>
  );
}

/** Toil % per week or month: one column per team, plus the total when several teams are shown. */
export function PeriodTable({ report, kind }: { report: ToilReport; kind: 'weeks' | 'months' }) {
  const totals = report.total[kind];
  const several = report.teams.length > 1;
  return (
    <Table data-testid={`toil-per-${kind}`}>
      <THead>
        <tr>
          <Th>{kind === 'weeks' ? 'Week of' : 'Month'}</Th>
          {report.teams.map((t) => (
            <Th key={t.id} className="text-right">
              {t.name}
            </Th>
          ))}
          {several && <Th className="text-right">All</Th>}
          <Th className="text-right">Hours</Th>
        </tr>
      </THead>
      <TBody>
        {totals.map((period, i) => (
          <Tr key={period.key}>
            <Td className="whitespace-nowrap">
              {formatPeriod(period.key)}
              {period.partial && <span className="ml-1 text-xs text-muted-foreground">(partial)</span>}
            </Td>
            {report.teams.map((t) => (
              <PeriodCell key={t.id} period={t[kind][i]} />
            ))}
            {several && <PeriodCell period={period} />}
            <Td className="text-right tabular-nums">{formatHours(period.minutes)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function CategoryTable({ categories }: { categories: ToilReport['categories'] }) {
  return (
    <Table data-testid="toil-categories">
      <THead>
        <tr>
          <Th>Category</Th>
          <Th className="text-right">Hours</Th>
          <Th className="text-right">Share</Th>
          <Th className="text-right">Entries</Th>
        </tr>
      </THead>
      <TBody>
        {categories.map((c) => (
          <Tr key={c.slug}>
            <Td>{c.name}</Td>
            <Td className="text-right tabular-nums">{formatHours(c.minutes)}</Td>
            <Td className="text-right tabular-nums">{formatPercent(c.share, 1)}</Td>
            <Td className="text-right tabular-nums">{c.entries}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export const TASK_SORTS = ['task', 'entries', 'minutes', 'avg', 'interrupts'] as const;
type TaskSort = (typeof TASK_SORTS)[number];

/** The tasks that took the most time; sortable through the URL. */
export function TopTasksTable({
  tasks,
  params,
  sort,
}: {
  tasks: ToilReport['topTasks'];
  params: Record<string, string | undefined>;
  sort?: TaskSort;
}) {
  const key: Record<TaskSort, (t: ToilReport['topTasks'][number]) => number | string> = {
    task: (t) => t.task.toLowerCase(),
    entries: (t) => t.entries,
    minutes: (t) => t.minutes,
    avg: (t) => t.avgMinutes,
    interrupts: (t) => t.interruptShare ?? 0,
  };
  const by = key[sort ?? 'minutes'];
  const dir = sort ? (params.dir === 'desc' ? -1 : 1) : -1;
  const rows = [...tasks].sort((a, b) => (by(a) < by(b) ? -dir : by(a) > by(b) ? dir : 0));
  return (
    <Table data-testid="top-tasks">
      <THead>
        <tr>
          <SortHeader label="Task" sortKey="task" params={params} />
          <Th>Category</Th>
          <SortHeader label="Entries" sortKey="entries" params={params} className="text-right" />
          <SortHeader label="Total" sortKey="minutes" params={params} className="text-right" />
          <SortHeader label="Avg" sortKey="avg" params={params} className="text-right" />
          <Th className="text-right">Share</Th>
          <SortHeader label="Interrupts" sortKey="interrupts" params={params} className="text-right" />
        </tr>
      </THead>
      <TBody>
        {rows.map((t) => (
          <Tr key={t.task}>
            <Td className="max-w-80 font-medium">{t.task}</Td>
            <Td className="text-muted-foreground">{t.categoryName}</Td>
            <Td className="text-right tabular-nums">{t.entries}</Td>
            <Td className="text-right tabular-nums">{formatHours(t.minutes)}</Td>
            <Td className="text-right tabular-nums">{Math.round(t.avgMinutes)}m</Td>
            <Td className="text-right tabular-nums">{formatPercent(t.share, 1)}</Td>
            <Td className="text-right tabular-nums">{formatPercent(t.interruptShare, 0)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

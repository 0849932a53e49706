import { ClipboardCheck, FileText } from 'lucide-react';
import Link from 'next/link';
import { RagDot } from '@/components/reports/thumbs';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { monthStrips } from '@/db/reports/history';
import { reportTimezone } from '@/db/reports/report';
import { listSlas } from '@/db/reports/slas';
import { hasRole } from '@/lib/auth/roles';
import { parseMonthKey, previousMonths } from '@/lib/reports/month';
import { formatTarget } from '@/lib/slo/format';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Reports' };

const RAG_TEXT = { red: 'breached', amber: 'at risk', green: 'all met', grey: 'no data' } as const;

export default async function ReportsPage() {
  const user = await requirePageUser('viewer');
  const db = await getDb();
  const now = new Date();
  const timezone = await reportTimezone(db);
  const current = parseMonthKey(now.toLocaleDateString('en-CA', { timeZone: timezone }).slice(0, 7));
  const months = current ? [current, ...previousMonths(current, 11)] : [];
  const [strips, slas] = await Promise.all([monthStrips(db, months, now), listSlas(db)]);
  const canEdit = hasRole(user.role, 'engineer');
  return (
    <>
      <PageHeader
        title="Monthly SLA reports"
        description="What each month delivered against the SLAs: attainment, credits owed, incidents, toil and capacity."
        crumbs={[{ label: 'Operations' }, { label: 'Reports' }]}
        actions={
          <Button asChild variant="outline">
            <Link href="/reports/slas">{canEdit ? 'Manage SLAs' : 'SLAs'}</Link>
          </Button>
        }
      />
      {slas.length === 0 ? (
        <EmptyState
          icon={ClipboardCheck}
          title="No SLA defined yet"
          action={
            canEdit && (
              <Button asChild>
                <Link href="/reports/slas/new">Define an SLA</Link>
              </Button>
            )
          }
        >
          An SLA is the commitment a service makes to its customers, measured by its SLOs. The monthly report
          shows whether each one was kept and which credits are owed.
        </EmptyState>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Months</CardTitle>
            <CardDescription>
              One dot per SLA: green met, amber met with an SLO low on budget, red breached.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y" data-testid="report-months">
              {strips.map((s) => (
                <li key={s.month}>
                  <Link
                    href={`/reports/${s.month}`}
                    className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md px-2 py-3 hover:bg-accent"
                  >
                    <FileText className="size-4 text-muted-foreground" aria-hidden />
                    <span className="w-36 font-medium">{s.label}</span>
                    <span className="flex items-center gap-1">
                      {s.slas.map((sla) => (
                        <RagDot key={`${sla.serviceName}-${sla.name}`} rag={sla.rag} />
                      ))}
                    </span>
                    <span className="text-sm text-muted-foreground">
                      {s.closed ? RAG_TEXT[s.rag] : `${RAG_TEXT[s.rag]} so far`}
                      {s.slas.some((x) => x.creditPercent > 0) &&
                        ` · credits owed on ${s.slas.filter((x) => x.creditPercent > 0).length}`}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
      {slas.length > 0 && (
        <p className="mt-4 text-sm text-muted-foreground">
          {slas.length} SLA{slas.length === 1 ? '' : 's'}:{' '}
          {slas.map((s) => `${s.serviceName} ${formatTarget(s.target)}`).join(' · ')}
        </p>
      )}
    </>
  );
}
